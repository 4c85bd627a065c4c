#include "DirectoryOptions.h"

#include "backend/common/Settings.h"

namespace tokendesk {

DirectoryOptions DirectoryOptions::fromSettings()
{
    const Settings& s = Settings::instance();
    DirectoryOptions o;
    o.bindDn = s.value(Settings::Key::DirectoryBindDn).toString();
    o.caFile = s.value(Settings::Key::DirectoryCaFile).toString();
    o.startTls = s.boolValue(Settings::Key::DirectoryStartTls);
    const QString filter = s.value(Settings::Key::DirectoryUserFilter).toString();
    if (!filter.isEmpty()) {
        o.userFilter = filter;
    }
    const QString attribute = s.value(Settings::Key::DirectoryCertificateAttribute).toString();
    if (!attribute.isEmpty()) {
        o.certificateAttribute = attribute;
    }
    const int timeout = s.value(Settings::Key::DirectoryTimeoutMs).toInt();
    if (timeout > 0) {
        o.connectTimeoutMs = timeout;
        o.operationTimeoutMs = timeout;
    }
    o.sssdConf = s.value(Settings::Key::SssdConfPath).toString();
    return o;
}

void DirectoryOptions::save() const
{
    Settings& s = Settings::instance();
    s.setValue(Settings::Key::DirectoryBindDn, bindDn);
    s.setValue(Settings::Key::DirectoryCaFile, caFile);
    s.setValue(Settings::Key::DirectoryStartTls, startTls);
    s.setValue(Settings::Key::DirectoryUserFilter, userFilter);
    s.setValue(Settings::Key::DirectoryCertificateAttribute, certificateAttribute);
    s.setValue(Settings::Key::DirectoryTimeoutMs, operationTimeoutMs);
    s.setValue(Settings::Key::SssdConfPath, sssdConf);
}

QString DirectoryOptions::defaultSssdConf()
{
    return QStringLiteral("/etc/sssd/sssd.conf");
}

} // namespace tokendesk
