// A simulated PIV card (tokendesk-simcard) in one of the test bench's two vpcd readers.
// start() returns once pcscd sees the card; remove()/insert() return once pcscd reports
// the change. The simulator is this object's own QProcess, stopped by the destructor.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

class SimCard
{
public:
    struct Options
    {
        int reader = 0;   // 0: "Virtual PCD 00 00" on $TOKENDESK_VPCD_PORT, 1: the next port
        QString pin;      // empty: the simulator's default, 123456
        QString puk;      // empty: 12345678
        int pinTries = 0; // 0: the default, 3
        int pukTries = 0;
        QStringList slots; // "9a=rsa2048", "9c=p256", "9a=KEY.pem:CERT.pem"; empty: 9a=rsa2048 and 9c=p256
        QString statePath; // empty: a state file in this card's temporary folder
        QString guid;      // 32 hex digits; empty: random
        QString subject;   // certificate subject; empty: the simulator's
        QString atr;       // hex, spaces allowed; empty: the simulator's 3B 88 80 01 ... (T=1)
        QStringList extraArgs;
    };

    SimCard();
    explicit SimCard(Options options);
    ~SimCard();
    SimCard(const SimCard&) = delete;
    SimCard& operator=(const SimCard&) = delete;

    // Setters for the options; they take effect at the next start().
    void setReaderIndex(int reader) { m_options.reader = reader; }
    void setAtr(const QString& hex) { m_options.atr = hex; }
    void setPin(const QString& pin) { m_options.pin = pin; }
    void setPuk(const QString& puk) { m_options.puk = puk; }
    void setPinTries(int tries) { m_options.pinTries = tries; }
    void setPukTries(int tries) { m_options.pukTries = tries; }
    void setSlots(const QStringList& slots) { m_options.slots = slots; }
    void setGuid(const QString& guid) { m_options.guid = guid; }
    void setSubject(const QString& subject) { m_options.subject = subject; }
    void setStatePath(const QString& path) { m_options.statePath = path; }
    const Options& options() const { return m_options; }

    // Starts the simulator (again, after stop(): same state file) and waits until pcscd lists the card.
    [[nodiscard]] bool start(int timeoutMs = 20000);
    // Ends the simulator (it saves its state) and waits until pcscd has the reader empty.
    bool stop(int timeoutMs = 5000);
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    [[nodiscard]] bool remove(int timeoutMs = 5000);
    [[nodiscard]] bool insert(int timeoutMs = 5000);
    // One line to the control socket ("status", "remove", "insert", ...); its answer, empty on failure.
    QString control(const QString& command);
    // Pull the card in the middle of an operation (tests/simcard/README.md). One-shot; disarm() clears.
    // removeOnIns(0x87): the next command APDU with this INS gets no answer, the card is removed instead
    // (a user pulling it mid-signature). removeAfter(n): removed right after answering n more APDUs.
    [[nodiscard]] bool removeOnIns(int ins);
    [[nodiscard]] bool removeAfter(int apdus);
    bool disarm();
    // Command APDUs with this INS the simulator received since it started (0x20: VERIFY); -1 on failure.
    int apduCount(int ins);

    // What the simulator reported in its info file; reread on every call.
    QJsonObject info() const;
    QByteArray atr() const;                           // raw bytes
    QString atrHex() const;                           // "3B 88 80 01 ...", upper case, spaced
    QString guid() const;                             // 32 lowercase hex digits
    QByteArray certSha256(const QString& slot) const; // lowercase hex, as the simulator wrote it
    QByteArray certPem(const QString& slot) const;
    QStringList slotNames() const; // "9a", "9c", ...
    int pinTriesLeft() const;

    QString readerName() const;
    QString statePath() const { return m_options.statePath; }
    QString dir() const { return m_dir.path(); }
    qint64 pid() const { return m_process.processId(); }
    QString errorString() const { return m_error; }

    static QString simulatorPath();  // $TOKENDESK_SIMCARD
    static int vpcdPort(int reader); // $TOKENDESK_VPCD_PORT + reader
    static QString readerName(int reader);
    // Polls `opensc-tool -l` until pcscd lists (or no longer lists) a card in the reader.
    static bool waitForCardPresent(int reader, bool present, int timeoutMs, QString* error = nullptr);

private:
    bool waitForInfo(int timeoutMs);
    void writePidFile();
    void removePidFile();

    Options m_options;
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_infoPath;
    QString m_controlPath;
    QString m_pidFile;
    QString m_error;
};
