#include "SimCard.h"

#include "PeerProcess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

constexpr int pollIntervalMs = 50;

QJsonObject slotInfo(const QJsonObject& info, const QString& slot)
{
    const QJsonArray slots = info.value(QStringLiteral("slots")).toArray();
    for (const QJsonValue& v : slots) {
        if (v.toObject().value(QStringLiteral("slot")).toString().compare(slot, Qt::CaseInsensitive) == 0)
            return v.toObject();
    }
    return {};
}

} // namespace

SimCard::SimCard() : SimCard(Options{}) {}

SimCard::SimCard(Options options) : m_options(std::move(options))
{
    if (m_options.statePath.isEmpty())
        m_options.statePath = m_dir.filePath(QStringLiteral("state.json"));
    m_infoPath = m_dir.filePath(QStringLiteral("info.json"));
    m_controlPath = m_dir.filePath(QStringLiteral("control"));
    // The simulator's own complaints go to the test's output.
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.setStandardOutputFile(QProcess::nullDevice());
    // The simulator dies with its test, also with one that ctest kills at its time-out: a card
    // left behind in the bench's reader would fail the tests after it. (SIGTERM: it saves its
    // state and exits.) The parent pid is checked after prctl for a test that died in between.
    const pid_t test = ::getpid();
    m_process.setChildProcessModifier([test] {
        if (::prctl(PR_SET_PDEATHSIG, SIGTERM) != 0 || ::getppid() != test)
            ::_exit(127);
    });
}

SimCard::~SimCard()
{
    stop();
}

QString SimCard::simulatorPath()
{
    return qEnvironmentVariable("TOKENDESK_SIMCARD");
}

int SimCard::vpcdPort(int reader)
{
    bool ok = false;
    const int base = qEnvironmentVariableIntValue("TOKENDESK_VPCD_PORT", &ok);
    return (ok ? base : 35963) + reader;
}

QString SimCard::readerName(int reader)
{
    return QStringLiteral("Virtual PCD 00 0%1").arg(reader);
}

QString SimCard::readerName() const
{
    return readerName(m_options.reader);
}

bool SimCard::waitForCardPresent(int reader, bool present, int timeoutMs, QString* error)
{
    const QString name = readerName(reader);
    const QDeadlineTimer deadline(timeoutMs);
    QByteArray last;
    do {
        // "0    Yes             Virtual PCD 00 00": number, card column, features, name.
        const PeerResult r = PeerProcess::run(QStringLiteral("opensc-tool"), {QStringLiteral("-l")}, {}, {}, 5000);
        last = r.describe();
        const QList<QByteArray> lines = r.out.split('\n');
        for (const QByteArray& line : lines) {
            const QByteArray trimmed = line.trimmed();
            if (!trimmed.endsWith(name.toLatin1()))
                continue;
            const QList<QByteArray> columns = trimmed.simplified().split(' ');
            if (columns.size() >= 2 && (columns.at(1) == "Yes") == present)
                return true;
        }
        QThread::msleep(pollIntervalMs);
    } while (!deadline.hasExpired());
    if (error)
        *error = QStringLiteral("pcscd did not report the card %1 in %2 within %3 ms; opensc-tool -l: %4")
                     .arg(present ? QStringLiteral("present") : QStringLiteral("absent"), name)
                     .arg(timeoutMs)
                     .arg(QString::fromUtf8(last));
    return false;
}

bool SimCard::start(int timeoutMs)
{
    m_error.clear();
    if (isRunning())
        return true;
    const QString program = simulatorPath();
    if (program.isEmpty() || !QFile::exists(program)) {
        m_error = QStringLiteral("TOKENDESK_SIMCARD does not name the simulator: '%1'").arg(program);
        return false;
    }
    if (m_options.statePath.isEmpty())
        m_options.statePath = m_dir.filePath(QStringLiteral("state.json"));
    QFile::remove(m_infoPath);
    QStringList args{QStringLiteral("--port"),    QString::number(vpcdPort(m_options.reader)),
                     QStringLiteral("--state"),   m_options.statePath,
                     QStringLiteral("--info"),    m_infoPath,
                     QStringLiteral("--control"), m_controlPath};
    // Simulator PIN/PUK options only seed a new card; a test card's PIN on its command line is fine.
    if (!m_options.pin.isEmpty())
        args << QStringLiteral("--pin") << m_options.pin;
    if (!m_options.puk.isEmpty())
        args << QStringLiteral("--puk") << m_options.puk;
    if (m_options.pinTries > 0)
        args << QStringLiteral("--pin-tries") << QString::number(m_options.pinTries);
    if (m_options.pukTries > 0)
        args << QStringLiteral("--puk-tries") << QString::number(m_options.pukTries);
    for (const QString& slot : std::as_const(m_options.slots))
        args << QStringLiteral("--slot") << slot;
    if (!m_options.guid.isEmpty())
        args << QStringLiteral("--guid") << m_options.guid;
    if (!m_options.subject.isEmpty())
        args << QStringLiteral("--subject") << m_options.subject;
    if (!m_options.atr.isEmpty())
        args << QStringLiteral("--atr") << QString(m_options.atr).remove(QLatin1Char(' ')).remove(QLatin1Char(':'));
    if (qEnvironmentVariableIsSet("TOKENDESK_SIMCARD_VERBOSE"))
        args << QStringLiteral("--verbose");
    args << m_options.extraArgs;

    m_process.start(program, args);
    if (!m_process.waitForStarted(5000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(program, m_process.errorString());
        return false;
    }
    writePidFile();
    const QDeadlineTimer deadline(timeoutMs);
    if (!waitForInfo(static_cast<int>(deadline.remainingTime())))
        return false;
    return waitForCardPresent(m_options.reader, true, static_cast<int>(deadline.remainingTime()), &m_error);
}

bool SimCard::waitForInfo(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    do {
        if (m_process.state() == QProcess::NotRunning) {
            m_error = QStringLiteral("the simulator exited with %1 before it was ready").arg(m_process.exitCode());
            return false;
        }
        if (info().value(QStringLiteral("inserted")).toBool())
            return true;
        m_process.waitForFinished(pollIntervalMs); // sleeps, and notices an early exit
    } while (!deadline.hasExpired());
    m_error = QStringLiteral("the simulator did not connect to vpcd port %1 within %2 ms")
                  .arg(vpcdPort(m_options.reader))
                  .arg(timeoutMs);
    return false;
}

bool SimCard::stop(int timeoutMs)
{
    if (!isRunning())
        return true;
    m_process.terminate(); // SIGTERM to our own child: it saves its state and exits 0
    if (!m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
    removePidFile();
    const bool clean = m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    // The next test finds the reader empty.
    const bool empty = waitForCardPresent(m_options.reader, false, 5000, &m_error);
    return clean && empty;
}

QString SimCard::control(const QString& command)
{
    // Plain POSIX: QLocalSocket would pull in Qt Network for one line each way.
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const QByteArray path = QFile::encodeName(m_controlPath);
    if (static_cast<std::size_t>(path.size()) >= sizeof addr.sun_path) {
        m_error = QStringLiteral("control socket path too long: %1").arg(m_controlPath);
        return {};
    }
    std::memcpy(addr.sun_path, path.constData(), static_cast<std::size_t>(path.size()) + 1);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const timeval timeout{5, 0}; // the simulator answers at once; a hang is a failure
    if (fd >= 0)
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    if (fd < 0 || ::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
        m_error =
            QStringLiteral("control socket %1: %2").arg(m_controlPath, QString::fromLocal8Bit(std::strerror(errno)));
        if (fd >= 0)
            ::close(fd);
        return {};
    }
    const QByteArray line = command.toUtf8() + '\n';
    QByteArray answer;
    if (::send(fd, line.constData(), static_cast<std::size_t>(line.size()), MSG_NOSIGNAL) == line.size()) {
        char c = 0;
        while (::recv(fd, &c, 1, 0) == 1 && c != '\n')
            answer.append(c);
    }
    ::close(fd);
    return QString::fromUtf8(answer).trimmed();
}

bool SimCard::remove(int timeoutMs)
{
    if (control(QStringLiteral("remove")) != QLatin1String("removed")) {
        m_error = QStringLiteral("the simulator did not acknowledge 'remove'");
        return false;
    }
    return waitForCardPresent(m_options.reader, false, timeoutMs, &m_error);
}

bool SimCard::insert(int timeoutMs)
{
    const QString answer = control(QStringLiteral("insert"));
    if (answer != QLatin1String("inserted") && answer != QLatin1String("pending")) {
        m_error = QStringLiteral("the simulator did not acknowledge 'insert': '%1'").arg(answer);
        return false;
    }
    return waitForCardPresent(m_options.reader, true, timeoutMs, &m_error);
}

bool SimCard::removeOnIns(int ins)
{
    return control(QStringLiteral("remove-on-ins %1").arg(ins, 2, 16, QLatin1Char('0'))) == QLatin1String("armed");
}

bool SimCard::removeAfter(int apdus)
{
    return control(QStringLiteral("remove-after %1").arg(apdus)) == QLatin1String("armed");
}

bool SimCard::disarm()
{
    return control(QStringLiteral("disarm")) == QLatin1String("disarmed");
}

int SimCard::apduCount(int ins)
{
    bool ok = false;
    const int count = control(QStringLiteral("count %1").arg(ins, 2, 16, QLatin1Char('0'))).toInt(&ok);
    return ok ? count : -1;
}

QJsonObject SimCard::info() const
{
    QFile file(m_infoPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object(); // written atomically: never half a file
}

QByteArray SimCard::atr() const
{
    return QByteArray::fromHex(info().value(QStringLiteral("atr")).toString().toLatin1());
}

QString SimCard::atrHex() const
{
    return QString::fromLatin1(atr().toHex(' ').toUpper());
}

QString SimCard::guid() const
{
    return info().value(QStringLiteral("guid")).toString();
}

QByteArray SimCard::certSha256(const QString& slot) const
{
    return slotInfo(info(), slot).value(QStringLiteral("cert_sha256")).toString().toLatin1();
}

QByteArray SimCard::certPem(const QString& slot) const
{
    return slotInfo(info(), slot).value(QStringLiteral("cert_pem")).toString().toLatin1();
}

QStringList SimCard::slotNames() const
{
    QStringList names;
    const QJsonArray slots = info().value(QStringLiteral("slots")).toArray();
    for (const QJsonValue& v : slots)
        names << v.toObject().value(QStringLiteral("slot")).toString();
    return names;
}

int SimCard::pinTriesLeft() const
{
    return info().value(QStringLiteral("pin_tries_left")).toInt(-1);
}

void SimCard::writePidFile()
{
    // The bench's stop stops what its *.pid files name: a simulator survives no crashed test.
    const QString benchDir = qEnvironmentVariable("TOKENDESK_TESTBENCH_DIR");
    if (benchDir.isEmpty())
        return;
    m_pidFile = QDir(benchDir).filePath(QStringLiteral("simcard-%1.pid").arg(m_process.processId()));
    QFile file(m_pidFile);
    if (file.open(QIODevice::WriteOnly))
        file.write(QByteArray::number(m_process.processId()) + '\n');
}

void SimCard::removePidFile()
{
    if (!m_pidFile.isEmpty())
        QFile::remove(m_pidFile);
    m_pidFile.clear();
}
