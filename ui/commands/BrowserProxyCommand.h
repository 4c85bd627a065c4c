#pragma once

#include "Command.h"

namespace tokendesk {

/// Register (or unregister) p11-kit-proxy in one NSS database, so that the NSS programs using it
/// (Chromium, a Firefox profile) see the virtual tokens: BrowserIntegration, with NSS's modutil,
/// on a worker. ~/.pki/nssdb is made first when it is the one asked for and does not exist.
class BrowserProxyCommand : public Command
{
    Q_OBJECT
public:
    /// `program`: who uses the database, in words ("Firefox profile default"), for the sentence.
    BrowserProxyCommand(QString nssDir, QString program, bool registered, QObject* parent = nullptr);

    QString title() const override;
    QString nssDir() const { return m_nssDir; }

protected:
    void run() override;

private:
    QString m_nssDir;
    QString m_program;
    bool m_register;
};

} // namespace tokendesk
