// The report's documents without a reader or module: serial numbers masked as SerialMask promises,
// the HTML harmless whatever a label holds (markup, control characters), JSON valid with DEL and C1
// controls in it, and the outline's text and HTML carrying the same lines.

#include "models/report/ReportDocument.h"
#include "models/report/ReportOutline.h"
#include "models/report/SerialMask.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace tokendesk;

class TestReportDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void masksSerials_data()
    {
        QTest::addColumn<QString>("serial");
        QTest::addColumn<QString>("masked");
        QTest::newRow("softhsm") << "8c2e7b3a91d04f55"
                                 << "************4f55";
        QTest::newRow("certificate, colons kept") << "01:23:45:67:89:AB"
                                                  << "**:**:**:**:89:AB";
        QTest::newRow("seven: masked whole") << "1234567"
                                             << "*******";
        QTest::newRow("eight: last four kept") << "12345678"
                                               << "****5678";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("negative certificate serial") << "-0A1B2C3D4E"
                                                     << "-******3D4E";
    }
    void masksSerials()
    {
        QFETCH(QString, serial);
        QFETCH(QString, masked);
        QCOMPARE(SerialMask(true).serial(serial), masked);
        QCOMPARE(SerialMask(false).serial(serial), serial);
    }

    void masksUris()
    {
        const SerialMask mask(true);
        QCOMPARE(mask.uri(QStringLiteral("pkcs11:model=SoftHSM%20v2;manufacturer=SoftHSM%20project;"
                                         "serial=8c2e7b3a91d04f55;token=Demo;type=cert")),
                 QStringLiteral("pkcs11:model=SoftHSM%20v2;manufacturer=SoftHSM%20project;"
                                "serial=************4f55;token=Demo;type=cert"));
        // First attribute, percent-encoded value, and a query that merely says "serial=".
        QCOMPARE(mask.uri(QStringLiteral("pkcs11:serial=AB%2FCD%2F1234;token=x?pin-source=serial=1")),
                 QStringLiteral("pkcs11:serial=**%2F**%2F1234;token=x?pin-source=serial=1"));
        // A token called "serial=..." is not its serial.
        QCOMPARE(mask.uri(QStringLiteral("pkcs11:token=serial=12345678")),
                 QStringLiteral("pkcs11:token=serial=12345678"));
        QCOMPARE(SerialMask(false).uri(QStringLiteral("pkcs11:serial=12345678")),
                 QStringLiteral("pkcs11:serial=12345678"));
    }

    void masksNamesAndReaders()
    {
        const SerialMask mask(true);
        QCOMPARE(mask.distinguishedName(QStringLiteral("serialNumber=PNOEE-38001085718,CN=Mari\\,Maasikas,C=EE")),
                 QStringLiteral("serialNumber=*****-*******5718,CN=Mari\\,Maasikas,C=EE"));
        QCOMPARE(mask.distinguishedName(QStringLiteral("CN=Demo User+serialNumber=12345678")),
                 QStringLiteral("CN=Demo User+serialNumber=****5678"));
        QCOMPARE(mask.distinguishedName(QStringLiteral("CN=serialNumber=12345678")),
                 QStringLiteral("CN=serialNumber=12345678"));
        QCOMPARE(mask.readerName(QStringLiteral("Yubico YubiKey OTP+FIDO+CCID (0012345678) 00 00")),
                 QStringLiteral("Yubico YubiKey OTP+FIDO+CCID (******5678) 00 00"));
        QCOMPARE(mask.readerName(QStringLiteral("Virtual PCD 00 00")), QStringLiteral("Virtual PCD 00 00"));
    }

    void masksSerialsEverywhere()
    {
        const QStringList serials{QStringLiteral("cbd7fda33c82b0e1"), QStringLiteral("01"),
                                  QStringLiteral("3A4B5C6D7E")};
        const QString text = QStringLiteral("OU=07B1CBD7FDA33C82B0E1ff serial 01 cert 3a4b5c6d7e.");
        QCOMPARE(SerialMask(true).everywhere(text, serials),
                 QStringLiteral("OU=07B1************B0E1ff serial 01 cert ******6d7e."));
        QCOMPARE(SerialMask(false).everywhere(text, serials), text);
    }

    void htmlIsHarmless()
    {
        ReportOutline outline;
        outline.add(0, QStringLiteral("Tokens (1):"));
        outline.add(1, QStringLiteral("<script>alert(1)</script>\x1b]0;owned\x07 & \"x\" \u202e"));
        outline.add(2, QStringLiteral("serial: 1234\nReaders (9):"));
        outline.add(0, QStringLiteral("Certificates (0):"));
        const QString html = ReportDocument::html(outline, QStringLiteral("2026-12-04T20:00:00Z"));
        QVERIFY(!html.contains(QLatin1String("<script")));
        QVERIFY(html.contains(QLatin1String("&lt;script&gt;alert(1)&lt;/script&gt;")));
        QVERIFY(html.contains(QLatin1String("&amp; &quot;x&quot;")));
        QVERIFY(html.contains(QLatin1String("\\e]0;owned\\x07")));
        QVERIFY(html.contains(QLatin1String("\\u{202E}")));
        // The newline in a value stays inside its item: no heading of its own.
        QVERIFY(html.contains(QLatin1String("serial: 1234\\nReaders (9):")));
        QVERIFY(html.contains(QLatin1String("Content-Security-Policy")));
        for (const QChar c : html) {
            QVERIFY2(c == QLatin1Char('\n') ||
                         (c.unicode() >= 0x20 && c.unicode() != 0x7F && !(c.unicode() >= 0x80 && c.unicode() <= 0x9F)),
                     qPrintable(QString::number(c.unicode(), 16)));
        }
        // The same lines as the text, nested as they are indented.
        QCOMPARE(html.count(QLatin1String("<h2>")), 2);
        QCOMPARE(html.count(QLatin1String("<ul>")), 2);
        QCOMPARE(html.count(QLatin1String("<ul>")), html.count(QLatin1String("</ul>")));
        QCOMPARE(html.count(QLatin1String("<li>")), html.count(QLatin1String("</li>")));
    }

    void textIsIndentedOutline()
    {
        ReportOutline outline;
        outline.add(0, QStringLiteral("Tokens (1):"));
        outline.add(1, QStringLiteral("Demo"));
        outline.add(2, QStringLiteral("serial: 1"));
        QCOMPARE(outline.toText(), QStringLiteral("Tokens (1):\n  Demo\n    serial: 1\n"));
        QCOMPARE(ReportDocument::terminalSafe(QStringLiteral("a\x1b[2Jb\tc\n\u009b")),
                 QByteArray("a\\e[2Jb\tc\n\\x9B"));
    }

    void jsonStaysValid()
    {
        const QJsonObject o{{QStringLiteral("label"), QStringLiteral("del\x7f csi\u009b ok\u00e9")}};
        const QByteArray json = ReportDocument::safeJson(QJsonDocument(o).toJson());
        QVERIFY(json.contains("del\\u007f csi\\u009b ok\xc3\xa9"));
        QJsonParseError error{};
        const QJsonDocument back = QJsonDocument::fromJson(json, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(back.object(), o);
        // Nothing left for the terminal guard to change: the command line prints these bytes.
        QCOMPARE(ReportDocument::terminalSafe(QString::fromUtf8(json)), json);
    }
};

QTEST_GUILESS_MAIN(TestReportDocument)
#include "tst_reportdocument.moc"
