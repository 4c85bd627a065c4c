#pragma once

#include <QSettings>
#include <QVariant>
#include <memory>

namespace tokendesk {

/// The user's settings, behind one table of keys, names and defaults.
/// Tests point it at a temporary file with useFile().
class Settings
{
public:
    enum class Key
    {
        NotifyCardEvents,  ///< bool: tray notification when a card is inserted or removed
        SmartcardListPath, ///< QString: smartcard_list.txt to name cards; empty: the default
        WindowGeometry,    ///< QByteArray
    };

    static Settings& instance();

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant& value);
    bool boolValue(Key key) const { return value(key).toBool(); }

    /// Reads and writes `path` instead of the user's settings file.
    void useFile(const QString& path);

private:
    Settings();
    std::unique_ptr<QSettings> m_settings;
};

} // namespace tokendesk
