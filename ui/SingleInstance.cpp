#include "SingleInstance.h"

#include "backend/common/FileName.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>
#include <QTimer>

namespace tokendesk {

namespace {
constexpr qint64 kMaxMessage = 64 * 1024;
constexpr int kClientTimeoutMs = 2000;
const QByteArray kAnswer = QByteArrayLiteral("ok\n");
} // namespace

SingleInstance::SingleInstance(const QString& key, QObject* parent) : QObject(parent)
{
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    const QByteArray hash =
        QCryptographicHash::hash((key.isEmpty() ? environmentKey() : key).toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(16);
    m_name = QDir(runtime.isEmpty() ? QDir::tempPath() : runtime)
                 .filePath(QStringLiteral("tokendesk-%1.socket").arg(QString::fromLatin1(hash)));
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::environmentKey()
{
    return QStringLiteral("pcsc=%1\nsofthsm=%2")
        .arg(qEnvironmentVariable("PCSCLITE_CSOCK_NAME"), qEnvironmentVariable("SOFTHSM2_CONF"));
}

bool SingleInstance::handOff(const QStringList& files, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs)) {
        return false;
    }
    QByteArray message;
    for (const QString& file : files) {
        // The running window has another working folder: it gets whole names.
        message += FileName::toBytes(QFileInfo(file).absoluteFilePath()) + '\0';
    }
    message += '\n';
    socket.write(message);
    if (!socket.waitForBytesWritten(timeoutMs)) {
        return false;
    }
    // Taken only when it answers: a window stuck or gone means this start opens its own.
    while (socket.bytesAvailable() < kAnswer.size()) {
        if (!socket.waitForReadyRead(timeoutMs)) {
            return false;
        }
    }
    return socket.read(kAnswer.size()) == kAnswer;
}

bool SingleInstance::listen()
{
    // Asked first: QLocalServer would put its socket over a running instance's without a word.
    QLocalSocket probe;
    probe.connectToServer(m_name);
    if (probe.waitForConnected(500)) {
        m_error = tr("Another TokenDesk is listening on %1.").arg(m_name);
        return false;
    }
    // Nobody behind it: a socket left by a TokenDesk that crashed, replaced.
    QLocalServer::removeServer(m_name);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        m_error = m_server->errorString();
        return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::accept);
    return true;
}

void SingleInstance::accept()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { read(socket); });
        // A client that says nothing is not waited for.
        QTimer::singleShot(kClientTimeoutMs, socket, [socket] { socket->abort(); });
        read(socket);
    }
}

void SingleInstance::read(QLocalSocket* socket)
{
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > kMaxMessage) {
            socket->abort();
        }
        return;
    }
    QByteArray message = socket->readLine(kMaxMessage + 1);
    if (!message.endsWith('\n')) {
        socket->abort();
        return;
    }
    message.chop(1);
    QStringList files;
    const QList<QByteArray> names = message.split('\0');
    for (const QByteArray& name : names) {
        if (!name.isEmpty()) {
            files << FileName::fromBytes(name);
        }
    }
    socket->write(kAnswer);
    socket->disconnectFromServer();
    Q_EMIT activated(files);
}

} // namespace tokendesk
