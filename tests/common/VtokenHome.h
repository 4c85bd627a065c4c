// A home folder of the test's own for virtual tokens: HOME, XDG_CONFIG_HOME and XDG_DATA_HOME
// point into a temporary folder and SOFTHSM2_CONF is unset while it lives (for this process and
// the peers it starts), so that libsofthsm2 reads the user configuration TokenDesk makes there,
// as it would for a user. Restored and removed when it goes.
#pragma once

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QList>
#include <QPair>
#include <QTemporaryDir>

class VtokenHome
{
public:
    VtokenHome()
    {
        for (const char* name : kVariables) {
            m_saved.append({name, qEnvironmentVariableIsSet(name) ? std::optional<QByteArray>(qgetenv(name))
                                                                  : std::optional<QByteArray>()});
        }
        const QByteArray home = QFile::encodeName(m_dir.path());
        qputenv("HOME", home);
        qputenv("XDG_CONFIG_HOME", home + "/.config");
        qputenv("XDG_DATA_HOME", home + "/.local/share");
        qunsetenv("SOFTHSM2_CONF");
    }
    ~VtokenHome()
    {
        for (const auto& [name, value] : m_saved) {
            if (value) {
                qputenv(name, *value);
            } else {
                qunsetenv(name);
            }
        }
    }
    VtokenHome(const VtokenHome&) = delete;
    VtokenHome& operator=(const VtokenHome&) = delete;

    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString softhsmConf() const { return m_dir.path() + QStringLiteral("/.config/softhsm2/softhsm2.conf"); }
    QString tokenDir() const { return m_dir.path() + QStringLiteral("/.local/share/softhsm2/tokens"); }

    /// Every file below the home whose bytes contain `needle`.
    QStringList filesContaining(const QByteArray& needle) const
    {
        QStringList found;
        QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            QFile f(file);
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle)) {
                found.append(file);
            }
        }
        return found;
    }

private:
    static constexpr const char* kVariables[] = {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "SOFTHSM2_CONF"};
    QTemporaryDir m_dir;
    QList<QPair<const char*, std::optional<QByteArray>>> m_saved;
};
