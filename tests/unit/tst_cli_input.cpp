// Careless input to the command line, as a new user (or a script) gives it: escape sequences and NUL
// in URIs and paths never reach the terminal raw; names that are not UTF-8 still name their file; a
// repeated URI attribute and an invalid URI are usage errors (exit 2); a --module that does not load
// is named as the reason, not "insert the token"; a FIFO with no writer does not hang `cert show`.

#include "OpensslTool.h"
#include "models/PrintableText.h"
#include "models/TerminalSafeDevice.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using namespace tokendesk;

class TestCliInput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    OpensslTool m_ssl{m_dir.path()};

    static ToolRun tokendesk(const QStringList& arguments)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("tokendesk.*.debug=false"));
        env.remove(QStringLiteral("TOKENDESK_MODULES"));
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("TOKENDESK_BINARY"), arguments);
        if (!p.waitForFinished(30000)) {
            qWarning() << "tokendesk did not finish";
            p.kill();
            p.waitForFinished();
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }

    static QString errorCode(const ToolRun& r)
    {
        return QJsonDocument::fromJson(r.out)
            .object()
            .value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }

    /// No byte a terminal would act on: C0 controls but the final newline, DEL, and C1 in UTF-8.
    static bool terminalSafe(const QByteArray& text)
    {
        for (qsizetype i = 0; i < text.size(); ++i) {
            const auto c = static_cast<unsigned char>(text.at(i));
            if ((c < 0x20 && c != '\n') || c == 0x7F) {
                return false;
            }
            if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text.at(i + 1)) >= 0x80 &&
                static_cast<unsigned char>(text.at(i + 1)) <= 0x9F) {
                return false;
            }
        }
        return text.count('\n') <= 1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(!qEnvironmentVariableIsEmpty("TOKENDESK_BINARY"));
        QVERIFY(m_dir.isValid());
        QVERIFY(m_ssl.key(QStringLiteral("k.key"), QStringLiteral("ec:P-256")));
        QVERIFY(m_ssl.selfSigned(QStringLiteral("c.pem"), QStringLiteral("k.key"), QStringLiteral("/CN=Input"),
                                 OpensslTool::config({}, "basicConstraints = CA:FALSE\n"),
                                 {QStringLiteral("-days"), QStringLiteral("5")}));
    }

    void printableText_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("shown");
        QTest::newRow("plain") << QStringLiteral("Alice Müller 🔑") << QStringLiteral("Alice Müller 🔑");
        QTest::newRow("escape sequences")
            << QStringLiteral("\x1b]0;t\x07\x1b[2J") << QStringLiteral("\\e]0;t\\x07\\e[2J");
        QTest::newRow("newline and NUL") << QString::fromUtf16(u"a\nb\0c", 5) << QStringLiteral("a\\nb\\x00c");
        QTest::newRow("C1 and DEL") << QString::fromUtf16(u"\u009b2J\u007f") << QStringLiteral("\\x9B2J\\x7F");
        QTest::newRow("bidi override") << QString::fromUtf16(u"gpj.\u202Eexe") << QStringLiteral("gpj.\\u{202E}exe");
        QTest::newRow("backslash") << QStringLiteral("a\\e") << QStringLiteral("a\\\\e");
        QTest::newRow("byte not UTF-8") << QString::fromUtf16(u"caf\xDCE9") << QStringLiteral("caf\\xE9");
    }
    void printableText()
    {
        QFETCH(QString, input);
        QFETCH(QString, shown);
        QCOMPARE(PrintableText::escape(input), shown);
    }

    // The last guard on stdout and stderr: no control byte passes, text does, also split.
    void terminalSafeDevice_data()
    {
        QTest::addColumn<QByteArray>("first");
        QTest::addColumn<QByteArray>("second");
        QTest::addColumn<QByteArray>("shown");
        QTest::newRow("text") << QByteArray("Caf\xC3\xA9 \xC2\xA2\tok\n") << QByteArray()
                              << QByteArray("Caf\xC3\xA9 \xC2\xA2\tok\n");
        QTest::newRow("ESC and NUL") << QByteArray("a\x1b[2J", 5) + QByteArray(1, '\0') << QByteArray("b")
                                     << QByteArray("a\\e[2J\\x00b");
        QTest::newRow("C1 CSI") << QByteArray("x\xC2\x9B"
                                              "2J")
                                << QByteArray() << QByteArray("x\\x9B2J");
        QTest::newRow("C1 split") << QByteArray("x\xC2")
                                  << QByteArray("\x9B"
                                                "2J")
                                  << QByteArray("x\\x9B2J");
        QTest::newRow("C2 text split") << QByteArray("x\xC2") << QByteArray("\xA2") << QByteArray("x\xC2\xA2");
        // Pieces where every byte passes go out as they came (not copied); after a C2 held back the
        // next piece is looked at byte by byte all the same.
        QTest::newRow("all pass") << QByteArray("{\n\t\"a\": \"Caf\xC3\xA9\"\n}") << QByteArray("\n")
                                  << QByteArray("{\n\t\"a\": \"Caf\xC3\xA9\"\n}\n");
        QTest::newRow("C2, then a piece that passes")
            << QByteArray("x\xC2") << QByteArray("ok") << QByteArray("x\xC2ok");
        QTest::newRow("C2, then C1") << QByteArray("x\xC2") << QByteArray("\x85ok") << QByteArray("x\\x85ok");
        QTest::newRow("DEL, CR, BEL") << QByteArray("\x7f\r\x07") << QByteArray() << QByteArray("\\x7F\\r\\x07");
    }
    void terminalSafeDevice()
    {
        QFETCH(QByteArray, first);
        QFETCH(QByteArray, second);
        QFETCH(QByteArray, shown);
        bool pending = false;
        QByteArray out = TerminalSafeDevice::escape(first, &pending);
        out += TerminalSafeDevice::escape(second, &pending);
        QVERIFY(!pending);
        QCOMPARE(out, shown);
    }

    // A typo is told, with the list, instead of opening the window; --help lists every command.
    void unknownCommandAndHelp()
    {
        const ToolRun typo = tokendesk({QStringLiteral("frobnicate")});
        QCOMPARE(typo.exitCode, 2);
        QVERIFY(typo.out.isEmpty());
        QVERIFY2(typo.err.startsWith("tokendesk: unknown command \"frobnicate\"."), typo.err.constData());
        const ToolRun escaped = tokendesk({QStringLiteral("repor\x1b[2J")});
        QCOMPARE(escaped.exitCode, 2);
        QVERIFY(terminalSafe(escaped.err.left(escaped.err.indexOf('\n') + 1)));
        const ToolRun help = tokendesk({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char* command : {"report", "watch", "atr", "cert", "pin"}) {
            QVERIFY2(help.out.contains(QByteArray(QByteArray("\n  ") + command + ' ')), command);
            QVERIFY2(typo.err.contains(QByteArray(QByteArray("\n  ") + command + ' ')), command);
        }
        // A command's --help shows its own options only.
        const ToolRun pinHelp = tokendesk({QStringLiteral("pin"), QStringLiteral("--help")});
        QCOMPARE(pinHelp.exitCode, 0);
        QVERIFY2(pinHelp.out.contains(" pin [options] status|change|unblock URI"), pinHelp.out.constData());
        QVERIFY(pinHelp.out.contains("--so") && pinHelp.out.contains("--final-try") &&
                pinHelp.out.contains("--module"));
        QVERIFY(!pinHelp.out.contains("--der") && !pinHelp.out.contains("--count") &&
                !pinHelp.out.contains("--all-tokens"));
        const ToolRun certHelp = tokendesk({QStringLiteral("cert"), QStringLiteral("--help")});
        QVERIFY(certHelp.out.contains("--der") && !certHelp.out.contains("--so"));
    }

    void uriEscapesStayEscaped()
    {
        // A token label with a terminal title, a screen clear and a NUL, as a URI allows.
        for (const QString& uri : {QStringLiteral("pkcs11:token=%1b%5d0%3bpwned%07%1b%5b2J"),
                                   QStringLiteral("pkcs11:token=a%00b;serial=%1b%5b31m")}) {
            const ToolRun r = tokendesk({QStringLiteral("pin"), QStringLiteral("status"), uri});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(terminalSafe(r.err), r.err.toHex().constData());
            QVERIFY(r.err.contains("\\e") || r.err.contains("\\x00"));
        }
        const ToolRun json = tokendesk({QStringLiteral("pin"), QStringLiteral("status"),
                                        QStringLiteral("pkcs11:token=%1b[2J"), QStringLiteral("--json")});
        QVERIFY(!json.out.contains("\\u001b")); // escaped for people before it went into JSON
        QVERIFY(terminalSafe(json.err));
    }

    void invalidUrisAreUsageErrors_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::newRow("not a URI") << QStringLiteral("pkcs11:token=%zz");
        QTest::newRow("repeated token") << QStringLiteral("pkcs11:token=a;token=b");
        QTest::newRow("repeated, case") << QStringLiteral("pkcs11:serial=1;model=x;SERIAL=2");
        QTest::newRow("escape in a bad URI") << QStringLiteral("pkcs11:token=%zz\x1b[2J");
    }
    void invalidUrisAreUsageErrors()
    {
        QFETCH(QString, uri);
        for (const QString& command : {QStringLiteral("pin"), QStringLiteral("cert")}) {
            const ToolRun r =
                tokendesk({command, command == QLatin1String("pin") ? QStringLiteral("status") : QStringLiteral("show"),
                           uri, QStringLiteral("--json")});
            QCOMPARE(r.exitCode, 2);
            QCOMPARE(errorCode(r), QStringLiteral("invalid_uri"));
            QVERIFY(terminalSafe(r.err));
        }
    }

    // report names a module that does not load; every command that looks for a token does too.
    void moduleErrorsAreNamed_data()
    {
        QTest::addColumn<QString>("module");
        QVERIFY(m_ssl.write(QStringLiteral("text.so"), "not a library\n"));
        QTest::newRow("text file") << m_ssl.path(QStringLiteral("text.so"));
        QTest::newRow("folder") << m_dir.path();
        QTest::newRow("missing") << m_ssl.path(QStringLiteral("missing.so"));
        QTest::newRow("libc") << QStringLiteral("/lib/x86_64-linux-gnu/libc.so.6");
    }
    void moduleErrorsAreNamed()
    {
        QFETCH(QString, module);
        const QString uri = QStringLiteral("pkcs11:token=Absent");
        const QList<QStringList> commands{
            {QStringLiteral("pin"), QStringLiteral("status"), uri},
            {QStringLiteral("cert"), QStringLiteral("show"), uri + QStringLiteral(";type=cert")},
            {QStringLiteral("cert"), QStringLiteral("test"), uri + QStringLiteral(";type=cert")}};
        for (const QStringList& command : commands) {
            const ToolRun r =
                tokendesk(command + QStringList{QStringLiteral("--module"), module, QStringLiteral("--json")});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(errorCode(r) != QLatin1String("token_not_present"), r.out.constData());
            QVERIFY2(r.err.contains("module"), r.err.constData());
            QVERIFY2(!r.err.contains("Insert the token"), r.err.constData());
        }
    }

    void fifoWithoutWriterDoesNotHang()
    {
        const QString fifo = m_ssl.path(QStringLiteral("cert.fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QElapsedTimer timer;
        timer.start();
        const ToolRun r = tokendesk({QStringLiteral("cert"), QStringLiteral("show"), fifo, QStringLiteral("--json")});
        QVERIFY(timer.elapsed() < 15000);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!errorCode(r).isEmpty());
    }

    void pathsAreBytesAndShownEscaped()
    {
        // A Latin-1 name is read; a name with a newline and an escape sequence is shown escaped.
        const QByteArray latin1 = QFile::encodeName(m_dir.path()) + "/caf\xE9.pem";
        QFile::copy(m_ssl.path(QStringLiteral("c.pem")), m_ssl.path(QStringLiteral("plain.pem")));
        QCOMPARE(::rename(QFile::encodeName(m_ssl.path(QStringLiteral("plain.pem"))).constData(), latin1.constData()),
                 0);
        QProcess p;
        p.start(QStringLiteral("sh"),
                {QStringLiteral("-c"),
                 QStringLiteral("exec \"$0\" cert show \"$1\"/\"$(printf 'caf\\351.pem')\" --json"),
                 qEnvironmentVariable("TOKENDESK_BINARY"), m_dir.path()});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().contains("CN=Input"));
        QCOMPARE(::unlink(latin1.constData()), 0);

        const ToolRun r = tokendesk(
            {QStringLiteral("cert"), QStringLiteral("show"), m_ssl.path(QStringLiteral("no\nsuch\x1b[2J.pem"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(terminalSafe(r.err), r.err.constData());
        QVERIFY2(r.err.contains("no\\nsuch\\e[2J.pem"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliInput)
#include "tst_cli_input.moc"
