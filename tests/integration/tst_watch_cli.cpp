// `tokendesk watch --json` through the real pcscd: one line per event, as it
// happens, with a timestamp; SIGTERM ends it cleanly.

#include "SimCard.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <csignal>

namespace {
const QString kReader = QStringLiteral("Virtual PCD 00 01");

class Watch
{
public:
    enum class Mode
    {
        Json,
        Text
    };
    explicit Watch(const QStringList& extra = {}, Mode mode = Mode::Json)
    {
        QStringList args{QStringLiteral("watch")};
        if (mode == Mode::Json) {
            args << QStringLiteral("--json");
        }
        m_process.start(qEnvironmentVariable("TOKENDESK_BINARY"), args + extra);
    }
    ~Watch()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    /// The next event line (read as it is printed), or an empty object after `timeoutMs`.
    QJsonObject next(int timeoutMs = 5000) { return QJsonDocument::fromJson(nextLine(timeoutMs)).object(); }
    /// The next line as printed, without its newline; empty after `timeoutMs`.
    QByteArray nextLine(int timeoutMs = 5000)
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
        return m_process.readLine().chopped(1);
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

    // Text mode: one readable line per event, "TIME EVENT "READER" [ATR]", as it happens.
    void textLinesAsTheyHappen()
    {
        Watch watch({}, Watch::Mode::Text);
        const QString time = QStringLiteral(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)");
        const QRegularExpression service(QStringLiteral("^%1 service_running$").arg(time));
        const QByteArray first = watch.nextLine();
        QVERIFY2(service.match(QString::fromUtf8(first)).hasMatch(), first.constData());
        QStringList readers;
        const QRegularExpression readerAdded(QStringLiteral("^%1 reader_added \"([^\"]+)\"$").arg(time));
        for (int i = 0; i < 2; ++i) {
            const QByteArray line = watch.nextLine();
            const QRegularExpressionMatch m = readerAdded.match(QString::fromUtf8(line));
            QVERIFY2(m.hasMatch(), line.constData());
            readers << m.captured(1);
        }
        QVERIFY2(readers.contains(kReader), qPrintable(readers.join(QLatin1Char(','))));

        SimCard card;
        card.setReaderIndex(1);
        const QDateTime beforeInsert = QDateTime::currentDateTimeUtc().addMSecs(-5);
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        const QString expected = QStringLiteral("^(%1) %2 \"%3\" %4$")
                                     .arg(time, QStringLiteral("%1"), QRegularExpression::escape(kReader),
                                          QRegularExpression::escape(card.atrHex()));
        const QByteArray inserted = watch.nextLine();
        const QRegularExpressionMatch insertedMatch =
            QRegularExpression(expected.arg(QStringLiteral("card_inserted"))).match(QString::fromUtf8(inserted));
        QVERIFY2(insertedMatch.hasMatch(), inserted.constData());
        const QDateTime at = QDateTime::fromString(insertedMatch.captured(1), Qt::ISODateWithMs);
        QVERIFY2(at.isValid() && at >= beforeInsert && at <= QDateTime::currentDateTimeUtc(), inserted.constData());

        QVERIFY2(card.remove(), qPrintable(card.errorString()));
        const QByteArray removed = watch.nextLine();
        // Which card left, as in JSON.
        QVERIFY2(QRegularExpression(expected.arg(QStringLiteral("card_removed")))
                     .match(QString::fromUtf8(removed))
                     .hasMatch(),
                 removed.constData());
        // One line per event: nothing more.
        QVERIFY2(watch.nextLine(500).isEmpty(), "more than one line for an event");
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
