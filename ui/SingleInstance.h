#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

namespace tokendesk {

/// One TokenDesk window per user and smart-card environment: a later `tokendesk` or
/// `tokendesk FILE` hands its files to the running window (which raises itself) and ends, instead
/// of starting a second monitor. The two meet on a local socket in the user's runtime folder
/// ($XDG_RUNTIME_DIR, mode 0700), named after the pcscd socket and SoftHSM2 configuration in use,
/// so the demo (private pcscd) and the user's own TokenDesk stay apart.
///
/// The message is one line: the absolute file names as bytes (FileName), separated by NUL, at most 64 KiB,
/// answered by "ok\n". A client that sends more, or nothing for 2 s, is dropped.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    /// `key` empty: from the environment (key()).
    explicit SingleInstance(const QString& key = {}, QObject* parent = nullptr);
    ~SingleInstance() override;

    /// The key for this environment: PCSCLITE_CSOCK_NAME and SOFTHSM2_CONF.
    static QString environmentKey();
    /// The socket's name (a full path in the runtime folder).
    QString serverName() const { return m_name; }

    /// Hands `files` to a running instance: true when one took them (this process should end).
    bool handOff(const QStringList& files, int timeoutMs = 3000);
    /// Becomes the running instance; a socket left by one that crashed is replaced. False (and
    /// errorString()) when it cannot listen: the window runs anyway, just not as the only one.
    bool listen();
    QString errorString() const { return m_error; }

Q_SIGNALS:
    /// Another start asked for the window, with its files (absolute names; may be empty).
    void activated(const QStringList& files);

private:
    void accept();
    void read(QLocalSocket* socket);

    QString m_name;
    QString m_error;
    QLocalServer* m_server = nullptr;
};

} // namespace tokendesk
