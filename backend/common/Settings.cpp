#include "Settings.h"

namespace tokendesk {

namespace {
struct Entry
{
    Settings::Key key;
    const char* name;
    QVariant defaultValue;
};

const Entry& entry(Settings::Key key)
{
    static const Entry table[] = {
        {Settings::Key::NotifyCardEvents, "Notifications/CardEvents", true},
        {Settings::Key::ShowTrustStores, "View/ShowTrustStores", false},
        {Settings::Key::IsolateModules, "Modules/Isolate", true},
        {Settings::Key::SmartcardListPath, "Readers/SmartcardListPath", QString()},
        {Settings::Key::WindowGeometry, "Window/Geometry", QByteArray()},
        {Settings::Key::PamConfigPath, "Pairing/PamConfig", QString()},
        {Settings::Key::PairingStores, "Pairing/Stores", QStringList()},
        {Settings::Key::PairingAuditLog, "Pairing/AuditLog", QString()},
        {Settings::Key::PairingPrompts, "Pairing/Prompts", true},
        {Settings::Key::PairingDeclined, "Pairing/Declined", QStringList()},
        {Settings::Key::DirectoryBindDn, "Directory/BindDn", QString()},
        {Settings::Key::DirectoryCaFile, "Directory/CaFile", QString()},
        {Settings::Key::DirectoryStartTls, "Directory/StartTls", false},
        {Settings::Key::DirectoryUserFilter, "Directory/UserFilter", QString()},
        {Settings::Key::DirectoryCertificateAttribute, "Directory/CertificateAttribute", QString()},
        {Settings::Key::DirectoryTimeoutMs, "Directory/TimeoutMs", 0},
        {Settings::Key::DirectoryRememberPassword, "Directory/RememberPassword", false},
        {Settings::Key::SssdConfPath, "Directory/SssdConf", QString()},
        {Settings::Key::Language, "Interface/Language", QString()},
    };
    for (const Entry& e : table) {
        if (e.key == key) {
            return e;
        }
    }
    Q_UNREACHABLE();
}
} // namespace

Settings& Settings::instance()
{
    static Settings settings;
    return settings;
}

Settings::Settings() : m_settings(std::make_unique<QSettings>()) {}

QVariant Settings::value(Key key) const
{
    const Entry& e = entry(key);
    return m_settings->value(QLatin1String(e.name), e.defaultValue);
}

void Settings::setValue(Key key, const QVariant& value)
{
    m_settings->setValue(QLatin1String(entry(key).name), value);
}

void Settings::useFile(const QString& path)
{
    m_settings = std::make_unique<QSettings>(path, QSettings::IniFormat);
}

void Settings::sync()
{
    m_settings->sync();
}

} // namespace tokendesk
