// `tokendesk watch --json` through the real pcscd: one line per event, as it
// happens, with a timestamp; SIGTERM ends it cleanly.

#include "SimCard.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <csignal>

namespace {
const QString kReader = QStringLiteral("Virtual PCD 00 01");

class Watch
{
public:
    explicit Watch(const QStringList& extra = {})
    {
        m_process.start(qEnvironmentVariable("TOKENDESK_BINARY"),
                        QStringList{QStringLiteral("watch"), QStringLiteral("--json")} + extra);
    }
    ~Watch()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    /// The next event line (read as it is printed), or an empty object after `timeoutMs`.
    QJsonObject next(int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!m_process.canReadLine()) {
            if (timer.elapsed() > timeoutMs || !m_process.waitForReadyRead(100)) {
                if (timer.elapsed() > timeoutMs || m_process.state() == QProcess::NotRunning) {
                    return {};
                }
            }
        }
        return QJsonDocument::fromJson(m_process.readLine()).object();
    }
    QProcess& process() { return m_process; }

private:
    QProcess m_process;
};

QString text(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}
} // namespace

class TestWatchCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eventsAsTheyHappen()
    {
        Watch watch;
        // What is there already comes first, marked initial.
        const QJsonObject service = watch.next();
        QCOMPARE(text(service, "event"), QStringLiteral("service_running"));
        QVERIFY(service.value(QStringLiteral("initial")).toBool());
        QStringList initialReaders;
        for (int i = 0; i < 2; ++i) {
            const QJsonObject added = watch.next();
            QCOMPARE(text(added, "event"), QStringLiteral("reader_added"));
            QVERIFY(added.value(QStringLiteral("initial")).toBool());
            initialReaders << text(added, "reader");
        }
        QVERIFY(initialReaders.contains(kReader));

        SimCard card;
        card.setReaderIndex(1);
        const QDateTime beforeInsert = QDateTime::currentDateTimeUtc().addMSecs(-5);
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        const QJsonObject inserted = watch.next();
        QCOMPARE(text(inserted, "event"), QStringLiteral("card_inserted"));
        QCOMPARE(text(inserted, "reader"), kReader);
        QCOMPARE(text(inserted, "atr"), card.atrHex());
        QVERIFY(!inserted.contains(QStringLiteral("initial")));
        const QDateTime at = QDateTime::fromString(text(inserted, "time"), Qt::ISODateWithMs);
        QVERIFY2(at.isValid() && at >= beforeInsert && at <= QDateTime::currentDateTimeUtc(),
                 qPrintable(text(inserted, "time")));

        QVERIFY2(card.remove(), qPrintable(card.errorString()));
        const QJsonObject removed = watch.next();
        QCOMPARE(text(removed, "event"), QStringLiteral("card_removed"));
        QCOMPARE(text(removed, "atr"), card.atrHex()); // which card left

        // Nothing else happened, so nothing else is printed.
        QVERIFY(watch.next(500).isEmpty());

        ::kill(static_cast<pid_t>(watch.process().processId()), SIGTERM);
        // Generous: under ASan on a loaded machine, exit (leak check included) takes a while.
        QVERIFY(watch.process().waitForFinished(20000));
        QCOMPARE(watch.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(watch.process().exitCode(), 0);
    }

    void countEndsIt()
    {
        SimCard card;
        card.setReaderIndex(0);
        Watch watch({QStringLiteral("--count"), QStringLiteral("2")});
        // The service and the two readers are initial lines, not counted.
        for (int i = 0; i < 3; ++i) {
            QVERIFY(watch.next().value(QStringLiteral("initial")).toBool());
        }
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        QCOMPARE(text(watch.next(), "event"), QStringLiteral("card_inserted"));
        QVERIFY2(card.remove(), qPrintable(card.errorString()));
        QCOMPARE(text(watch.next(), "event"), QStringLiteral("card_removed"));
        // Generous: under ASan on a loaded machine, exit (leak check included) takes a while.
        QVERIFY(watch.process().waitForFinished(20000));
        QCOMPARE(watch.process().exitCode(), 0);
    }

    void badCountIsAUsageError()
    {
        QProcess p;
        p.start(qEnvironmentVariable("TOKENDESK_BINARY"),
                {QStringLiteral("watch"), QStringLiteral("--count"), QStringLiteral("many")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(TestWatchCli)
#include "tst_watch_cli.moc"
