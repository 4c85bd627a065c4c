// `tokendesk atr HEX [--json]`: the document scripts rely on, exit codes, errors.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
} // namespace

class TestAtrCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_list;

    Run run(const QStringList& arguments)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
        // CTest turns debug logging on; here stderr must hold the error sentence alone.
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("tokendesk.*.debug=false"));
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("TOKENDESK_BINARY"),
                QStringList{QStringLiteral("atr"), QStringLiteral("--smartcard-list"), m_list} + arguments);
        if (!p.waitForFinished(20000)) {
            qWarning() << "tokendesk atr did not finish";
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }

    static QJsonObject json(const Run& r)
    {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        if (error.error != QJsonParseError::NoError) {
            qWarning() << "not JSON:" << r.out;
        }
        return doc.object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("TOKENDESK_BINARY")) {
            QFAIL("TOKENDESK_BINARY is not set");
        }
        QVERIFY(m_dir.isValid());
        m_list = m_dir.filePath(QStringLiteral("smartcard_list.txt"));
        QFile f(m_list);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A\n"
                "\tMIFARE Classic 1K (as per PCSC std part3)\n");
    }

    void jsonDocument()
    {
        const Run r = run({QStringLiteral("--json"), QStringLiteral("3b8f8001804f0ca000000306030001000000006a")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        const QJsonObject o = json(r);
        QCOMPARE(o.value(QStringLiteral("atr")).toString(),
                 QStringLiteral("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A"));
        QCOMPARE(o.value(QStringLiteral("valid")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("errors")).toArray(), QJsonArray());
        QCOMPARE(o.value(QStringLiteral("convention")).toString(), QStringLiteral("direct"));
        QCOMPARE(o.value(QStringLiteral("protocols")).toArray(), (QJsonArray{0, 1}));
        QCOMPARE(o.value(QStringLiteral("fi")).toInt(), 372);
        QCOMPARE(o.value(QStringLiteral("di")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("historical_bytes")).toString(),
                 QStringLiteral("80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00"));
        QCOMPARE(o.value(QStringLiteral("tck_valid")), QJsonValue(true));
        QCOMPARE(o.value(QStringLiteral("card_names")).toArray(),
                 QJsonArray{QStringLiteral("MIFARE Classic 1K (as per PCSC std part3)")});
        const QJsonArray bytes = o.value(QStringLiteral("interface_bytes")).toArray();
        QCOMPARE(bytes.size(), 2);
        QCOMPARE(bytes.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("TD1"));
        QCOMPARE(bytes.at(1).toObject().value(QStringLiteral("meaning")).toObject().value(QStringLiteral("protocol")),
                 QJsonValue(1));
        const QJsonObject aid = o.value(QStringLiteral("historical"))
                                    .toObject()
                                    .value(QStringLiteral("objects"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QStringLiteral("decoded"))
                                    .toObject();
        QCOMPARE(aid.value(QStringLiteral("rid")).toString(), QStringLiteral("A0 00 00 03 06"));
        QCOMPARE(aid.value(QStringLiteral("pcsc_storage_card")).toObject().value(QStringLiteral("card")).toString(),
                 QStringLiteral("MIFARE Classic 1K"));
    }

    void t1Parameters()
    {
        const Run r = run({QStringLiteral("--json"),
                           QStringLiteral("3B DA 18 FF 81 B1 FE 75 1F 03 00 31 F5 73 C7 8A 40 00 90 00 B0")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = json(r);
        QCOMPARE(o.value(QStringLiteral("di")).toInt(), 12);
        QCOMPARE(o.value(QStringLiteral("tck_valid")), QJsonValue(true));
        const QJsonObject t1 = o.value(QStringLiteral("t1")).toObject();
        QCOMPARE(t1.value(QStringLiteral("ifsc")).toInt(), 254);
        QCOMPARE(t1.value(QStringLiteral("bwi")).toInt(), 7);
        QCOMPARE(t1.value(QStringLiteral("cwi")).toInt(), 5);
        QCOMPARE(o.value(QStringLiteral("voltage_classes")).toArray(),
                 (QJsonArray{QStringLiteral("A"), QStringLiteral("B")}));
        QCOMPARE(o.value(QStringLiteral("card_names")).toArray(), QJsonArray());
    }

    void textLikeAtrAnalysis()
    {
        // Separate arguments, as ATR_analysis takes them.
        const Run r = run({QStringLiteral("3B"), QStringLiteral("16"), QStringLiteral("96"), QStringLiteral("41"),
                           QStringLiteral("73"), QStringLiteral("74"), QStringLiteral("72"), QStringLiteral("69"),
                           QStringLiteral("64")});
        QCOMPARE(r.exitCode, 0);
        const QString text = QString::fromUtf8(r.out);
        QVERIFY2(text.contains(QLatin1String("ATR: 3B 16 96 41 73 74 72 69 64\n")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("+ TS = 3B --> Direct convention\n")));
        QVERIFY(text.contains(QLatin1String("+ T0 = 16, Y(1): 0001, K: 6")));
        QVERIFY(text.contains(QLatin1String("  TA1 = 96 --> Fi=512, Di=32, 16 cycles/ETU")));
        QVERIFY(text.contains(QLatin1String("+ Historical bytes: 41 73 74 72 69 64\n")));
    }

    void invalidAtr()
    {
        Run r = run({QStringLiteral("--json"), QStringLiteral("3B 80 01 00")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(r.err.contains("TCK"));
        QJsonObject o = json(r);
        QCOMPARE(o.value(QStringLiteral("valid")).toBool(), false);
        QCOMPARE(o.value(QStringLiteral("tck_valid")), QJsonValue(false));
        QCOMPARE(o.value(QStringLiteral("errors")).toArray().at(0).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("wrong_tck"));
        QVERIFY(!o.contains(QStringLiteral("error")));

        // What was understood is still printed.
        r = run({QStringLiteral("3B 80 01 00")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains("TD1 = 01"));
        QVERIFY(r.out.contains("ERROR"));

        r = run({QStringLiteral("--json"), QStringLiteral("3B ZZ")});
        QCOMPARE(r.exitCode, 1);
        o = json(r);
        QCOMPARE(o.value(QStringLiteral("atr")), QJsonValue());
        QCOMPARE(o.value(QStringLiteral("input")).toString(), QStringLiteral("3B ZZ"));
        QCOMPARE(o.value(QStringLiteral("errors")).toArray().at(0).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("invalid_character"));
        QCOMPARE(o.value(QStringLiteral("protocols")).toArray(), QJsonArray());
        QCOMPARE(o.value(QStringLiteral("tck_valid")), QJsonValue());
    }

    void usageError()
    {
        Run r = run({});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
        r = run({QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        r = run({QStringLiteral("--no-such-option"), QStringLiteral("3B00")});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestAtrCli)
#include "tst_atr_cli.moc"
