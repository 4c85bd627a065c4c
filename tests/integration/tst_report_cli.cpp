// `tokendesk report --json` through the real pcscd, with simulated cards in
// the bench's vpcd readers: reader names, card_present and the exact ATR.

#include "CountingShim.h"
#include "PeerProcess.h"
#include "SimCard.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kReader0 = QStringLiteral("Virtual PCD 00 00");
const QString kReader1 = QStringLiteral("Virtual PCD 00 01");

PeerResult tokendesk(const QStringList& args, const QProcessEnvironment& env = {})
{
    return PeerProcess::run(qEnvironmentVariable("TOKENDESK_BINARY"), args, {}, env);
}

/// The JSON object `run` printed on stdout; `ok` false (and why, in `why`) when it is not one.
QJsonObject parsedObject(const PeerResult& run, bool& ok, QByteArray& why)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
    ok = error.error == QJsonParseError::NoError && doc.isObject();
    why = "stdout is not a JSON object (" + error.errorString().toUtf8() + "): " + run.describe();
    return doc.object();
}

QJsonObject readerNamed(const QJsonArray& readers, const QString& name)
{
    for (const QJsonValue& r : readers) {
        if (r.toObject().value(QStringLiteral("name")).toString() == name) {
            return r.toObject();
        }
    }
    return {};
}
} // namespace

class TestReportCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readersWithAndWithoutCard()
    {
        // A distinctive ATR, so an exact match proves it came from this card.
        const QString atr = QStringLiteral("3B 88 80 01 54 4F 4B 45 4E 44 45 53 00");
        SimCard card;
        card.setReaderIndex(1);
        card.setAtr(atr);
        QVERIFY2(card.start(), qPrintable(card.errorString()));

        const PeerResult run = tokendesk({QStringLiteral("report"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        bool ok = false;
        QByteArray why;
        const QJsonObject doc = parsedObject(run, ok, why);
        QVERIFY2(ok, why.constData());
        const QJsonArray readers = doc.value(QStringLiteral("readers")).toArray();
        QCOMPARE(readers.size(), 2);

        const QJsonObject withCard = readerNamed(readers, kReader1);
        QCOMPARE(withCard.value(QStringLiteral("card_present")).toBool(), true);
        QCOMPARE(withCard.value(QStringLiteral("atr")).toString(), atr);
        QVERIFY(withCard.value(QStringLiteral("card_names")).isArray());
        // vpcd has no pinpad and reports no part 10 features.
        QCOMPARE(withCard.value(QStringLiteral("pinpad")).toBool(true), false);
        QCOMPARE(withCard.value(QStringLiteral("features")).toArray(), QJsonArray());
        // The drivers pcscd can load, with vpcd's among them.
        const QJsonArray drivers = doc.value(QStringLiteral("reader_drivers")).toArray();
        QVERIFY(std::any_of(drivers.begin(), drivers.end(), [](const QJsonValue& d) {
            return d.toObject().value(QStringLiteral("library")).toString().endsWith(QLatin1String("libifdvpcd.so"));
        }));

        // With no module to load, the readers, drivers and pairing stores are read on the main thread
        // (SystemReport::gather defers them): the same readers and drivers, no module.
        QProcessEnvironment noModules;
        noModules.insert(QStringLiteral("TOKENDESK_MODULES"), QString());
        const PeerResult bare = tokendesk(
            {QStringLiteral("report"), QStringLiteral("--json"), QStringLiteral("--no-registered")}, noModules);
        QVERIFY2(bare.exitCode == 0, bare.describe().constData());
        const QJsonObject bareDoc = parsedObject(bare, ok, why);
        QVERIFY2(ok, why.constData());
        QCOMPARE(bareDoc.value(QStringLiteral("modules")).toArray(), QJsonArray());
        // The same readers and cards (not in_use and the like: OpenSC holds the card meanwhile in
        // the first report and not in this one).
        const QJsonArray bareReaders = bareDoc.value(QStringLiteral("readers")).toArray();
        QCOMPARE(bareReaders.size(), readers.size());
        for (const QJsonValue& r : readers) {
            const QJsonObject reader = r.toObject();
            const QJsonObject same = readerNamed(bareReaders, reader.value(QStringLiteral("name")).toString());
            for (const QString& key : {QStringLiteral("name"), QStringLiteral("card_present"), QStringLiteral("atr"),
                                       QStringLiteral("card_names")}) {
                QCOMPARE(same.value(key), reader.value(key));
            }
        }
        QCOMPARE(bareDoc.value(QStringLiteral("reader_drivers")).toArray(), drivers);
        QCOMPARE(bareDoc.value(QStringLiteral("tokens")).toArray(), QJsonArray());

        const QJsonObject empty = readerNamed(readers, kReader0);
        QCOMPARE(empty.value(QStringLiteral("name")).toString(), kReader0);
        QCOMPARE(empty.value(QStringLiteral("card_present")).toBool(true), false);
        QVERIFY(empty.value(QStringLiteral("atr")).isNull());

        // The text form names the same reader and ATR.
        const PeerResult text = tokendesk({QStringLiteral("report")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(kReader1.toUtf8()));
        QVERIFY(text.out.contains(QByteArray("ATR: " + atr.toUtf8())));

        // Pulled: the same reader, no card.
        QVERIFY2(card.remove(), qPrintable(card.errorString()));
        const PeerResult after = tokendesk({QStringLiteral("report"), QStringLiteral("--json")});
        QVERIFY2(after.exitCode == 0, after.describe().constData());
        const QJsonObject afterDoc = parsedObject(after, ok, why);
        QVERIFY2(ok, why.constData());
        const QJsonArray readersAfter = afterDoc.value(QStringLiteral("readers")).toArray();
        QCOMPARE(readersAfter.size(), 2);
        const QJsonObject pulled = readerNamed(readersAfter, kReader1);
        QCOMPARE(pulled.value(QStringLiteral("name")).toString(), kReader1); // there, not a default object
        QCOMPARE(pulled.value(QStringLiteral("card_present")).toBool(true), false);
        QVERIFY(pulled.value(QStringLiteral("atr")).isNull());
    }

    void knownCardIsNamed()
    {
        // The ATR of a card that smartcard_list.txt names (an OpenPGP card v2).
        const QString atr = QStringLiteral("3B DA 18 FF 81 B1 FE 75 1F 03 00 31 C5 73 C0 01 40 00 90 00 0C");
        SimCard card;
        card.setReaderIndex(0);
        card.setAtr(atr);
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        const PeerResult run = tokendesk({QStringLiteral("report"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        bool ok = false;
        QByteArray why;
        const QJsonObject doc = parsedObject(run, ok, why);
        QVERIFY2(ok, why.constData());
        const QJsonObject reader = readerNamed(doc.value(QStringLiteral("readers")).toArray(), kReader0);
        QCOMPARE(reader.value(QStringLiteral("atr")).toString(), atr);
        QCOMPARE(reader.value(QStringLiteral("card_names")).toArray(), QJsonArray{QStringLiteral("OpenPGP Card V2")});
    }

    void htmlIsADocumentOfTheSameLines()
    {
        SimCard card;
        card.setReaderIndex(0);
        card.setAtr(QStringLiteral("3B 88 80 01 54 4F 4B 45 4E 44 45 53 00"));
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        const PeerResult text = tokendesk({QStringLiteral("report")});
        const PeerResult html = tokendesk({QStringLiteral("report"), QStringLiteral("--html")});
        QVERIFY2(html.exitCode == 0, html.describe().constData());
        QVERIFY(html.out.startsWith("<!DOCTYPE html>"));
        QVERIFY(html.out.contains("<h2>Readers (2):</h2>"));
        QVERIFY(html.out.contains("<li>Virtual PCD 00 00"));
        QVERIFY(html.out.contains("<li>ATR: 3B 88 80 01 54 4F 4B 45 4E 44 45 53 00"));
        QVERIFY(html.out.contains("default-src 'none'"));
        // Every line of the text (its headings, items and their details) is in the HTML.
        const QList<QByteArray> lines = text.out.split('\n');
        for (const QByteArray& line : lines) {
            const QByteArray item = line.trimmed();
            if (!item.isEmpty() && !item.startsWith("Report made")) {
                QVERIFY2(html.out.contains(QString::fromUtf8(item).toHtmlEscaped().toUtf8()), item.constData());
            }
        }
    }

    void noServiceIsAClearError()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("PCSCLITE_CSOCK_NAME"), QStringLiteral("/nonexistent/pcscd.comm"));
        const PeerResult run = tokendesk({QStringLiteral("report"), QStringLiteral("--json")}, env);
        QVERIFY2(run.exitCode == 1, run.describe().constData());
        bool ok = false;
        QByteArray why;
        const QJsonObject doc = parsedObject(run, ok, why);
        QVERIFY2(ok, why.constData());
        const QJsonObject error = doc.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("SCARD_E_NO_SERVICE"));
        // Debug logging may precede it; the last line is the one sentence for people.
        QCOMPARE(run.err.trimmed().split('\n').constLast(),
                 QByteArray("The smart card service (pcscd) is not running."));
    }

    // The command leaves its report to the process' end (ReportCommand: not freed), but every
    // module it loaded is finalized before it exits: counting_pkcs11_shim logs each module's calls
    // (OpenSC with the simulated card, p11-kit-trust), and the sanitizer build's leak checker
    // would fail the exit code if the kept report counted as a leak.
    void reportFinalizesEveryModuleItLoaded()
    {
        SimCard card;
        card.setReaderIndex(0);
        QVERIFY2(card.start(), qPrintable(card.errorString()));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString shimLog = dir.filePath(QStringLiteral("pkcs11-calls"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        preloadCountingShim(env, QStringLiteral(TOKENDESK_COUNTING_SHIM), shimLog);
        for (const QString& mode : {QStringLiteral("--json"), QStringLiteral("--html")}) {
            QFile::remove(shimLog);
            const PeerResult run = tokendesk({QStringLiteral("report"), mode, QStringLiteral("--in-process")}, env);
            QVERIFY2(run.exitCode == 0, run.describe().constData());
            QVERIFY2(run.out.contains("Virtual PCD 00 00"), run.describe().constData());
            QFile log(shimLog);
            QVERIFY(log.open(QIODevice::ReadOnly));
            QHash<QByteArray, QByteArrayList> calls; // module index -> its calls, in order
            QByteArrayList loaded;
            for (const QByteArray& line : log.readAll().split('\n')) {
                const QByteArrayList words = line.split(' ');
                if (words.size() >= 3 && words.at(0) == "load") {
                    loaded << words.at(1) + ' ' + words.at(2);
                } else if (words.size() == 3 && words.at(0) == "call") {
                    calls[words.at(1)] << words.at(2);
                }
            }
            QVERIFY2(loaded.size() >= 2, qPrintable(loaded.join(", "))); // OpenSC and p11-kit-trust at least
            QVERIFY2(loaded.join(' ').contains("opensc"), qPrintable(loaded.join(", ")));
            for (const QByteArray& module : std::as_const(loaded)) {
                const QByteArrayList& made = calls.value(module.split(' ').first());
                QVERIFY2(made.count("C_Initialize") == 1 && made.count("C_Finalize") == 1 &&
                             made.last() == "C_Finalize",
                         QByteArray(module + ": " + made.join(' ')).constData());
            }
        }
    }

    void usageErrors()
    {
        QCOMPARE(tokendesk({QStringLiteral("report"), QStringLiteral("--bogus")}).exitCode, 2);
        QCOMPARE(tokendesk({QStringLiteral("report"), QStringLiteral("extra")}).exitCode, 2);
        // One format at a time.
        const PeerResult both =
            tokendesk({QStringLiteral("report"), QStringLiteral("--html"), QStringLiteral("--json")});
        QCOMPARE(both.exitCode, 2);
        QVERIFY(both.err.contains("--html and --json"));
        const PeerResult missingList = tokendesk({QStringLiteral("report"), QStringLiteral("--smartcard-list"),
                                                  QStringLiteral("/nonexistent/list.txt"), QStringLiteral("--json")});
        QVERIFY2(missingList.exitCode == 1, missingList.describe().constData());
        QVERIFY(missingList.err.contains("/nonexistent/list.txt"));
        bool ok = false;
        QByteArray why;
        const QJsonObject doc = parsedObject(missingList, ok, why);
        QVERIFY2(ok, why.constData());
        QVERIFY2(!doc.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString().isEmpty(),
                 missingList.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestReportCli)
#include "tst_report_cli.moc"
