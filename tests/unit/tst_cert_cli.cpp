// `tokendesk cert show FILE [--json]` and `tokendesk cert export FILE -o OUT [--der]`: the JSON
// document against openssl, the export byte for byte against `openssl x509`, errors and exit codes.

#include "OpensslTool.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

class TestCertCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    OpensslTool m_ssl{m_dir.path()};

    // CTest turns debug logging on; here stderr must hold the error sentence alone (run() below).
    ToolRun tokendesk(const QStringList& arguments)
    {
        return run(qEnvironmentVariable("TOKENDESK_BINARY"), QStringList{QStringLiteral("cert")} + arguments);
    }

    // Mounts made private (nothing propagates back), then the stand-in ($1) over /dev/null.
    const QString kBindStandIn = QStringLiteral("mount --make-rprivate / && mount --bind \"$1\" /dev/null");

    // Any program, its output and exit code (-1 when it did not finish); HOME in `home` if given.
    static ToolRun run(const QString& program, const QStringList& arguments, const QString& home = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("tokendesk.*.debug=false"));
        if (!home.isEmpty()) {
            env.insert(QStringLiteral("HOME"), home);
            env.remove(QStringLiteral("XDG_CONFIG_HOME"));
            env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
        }
        p.setProcessEnvironment(env);
        p.start(program, arguments);
        if (!p.waitForFinished(30000)) {
            qWarning() << program << "did not finish";
        }
        return {p.exitStatus() == QProcess::NormalExit && p.error() != QProcess::FailedToStart ? p.exitCode() : -1,
                p.readAllStandardOutput(), p.readAllStandardError()};
    }

    static QJsonObject json(const ToolRun& r)
    {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        if (error.error != QJsonParseError::NoError) {
            qWarning() << "not JSON:" << r.out;
        }
        return doc.object();
    }

    static QString plainHex(const QString& opensslFingerprint)
    {
        return opensslFingerprint.toLower().remove(QLatin1Char(':'));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("TOKENDESK_BINARY")) {
            QFAIL("TOKENDESK_BINARY is not set");
        }
        QVERIFY(m_dir.isValid());
        QVERIFY(m_ssl.key(QStringLiteral("k.key"), QStringLiteral("ec:P-256")));
        QVERIFY(m_ssl.selfSigned(
            QStringLiteral("c.pem"), QStringLiteral("k.key"), QStringLiteral("/O=Acme/CN=Bob Card"),
            OpensslTool::config({}, "subjectAltName = email:bob@example.org, "
                                    "otherName:1.3.6.1.4.1.311.20.2.3;UTF8:bob@EXAMPLE.ORG\n"
                                    "extendedKeyUsage = clientAuth, 1.3.6.1.4.1.311.20.2.2\n"
                                    "keyUsage = critical, digitalSignature\nbasicConstraints = critical, CA:FALSE\n"
                                    "subjectKeyIdentifier = hash\n"),
            {QStringLiteral("-days"), QStringLiteral("400"), QStringLiteral("-set_serial"),
             QStringLiteral("0x0102030405")}));
    }

    void showJson()
    {
        const QString file = m_ssl.path(QStringLiteral("c.pem"));
        const ToolRun r = tokendesk({QStringLiteral("show"), file, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        const QJsonObject o = json(r);
        const QStringList nameopt{QStringLiteral("-nameopt"), QStringLiteral("RFC2253,-esc_msb")};
        QCOMPARE(o.value(QStringLiteral("subject")).toString(),
                 m_ssl.x509Value(QStringLiteral("c.pem"), QStringList{QStringLiteral("-subject")} + nameopt));
        QCOMPARE(o.value(QStringLiteral("issuer")).toString(),
                 m_ssl.x509Value(QStringLiteral("c.pem"), QStringList{QStringLiteral("-issuer")} + nameopt));
        QCOMPARE(o.value(QStringLiteral("friendly_name")).toString(), QStringLiteral("Bob Card"));
        QCOMPARE(o.value(QStringLiteral("serial")).toString(),
                 m_ssl.x509Value(QStringLiteral("c.pem"), {QStringLiteral("-serial")}));
        QCOMPARE(o.value(QStringLiteral("sha256")).toString(),
                 plainHex(m_ssl.x509Value(QStringLiteral("c.pem"),
                                          {QStringLiteral("-fingerprint"), QStringLiteral("-sha256")})));
        QCOMPARE(o.value(QStringLiteral("sha1")).toString(),
                 plainHex(m_ssl.x509Value(QStringLiteral("c.pem"),
                                          {QStringLiteral("-fingerprint"), QStringLiteral("-sha1")})));
        const QDateTime notAfter =
            OpensslTool::opensslDate(m_ssl.x509Value(QStringLiteral("c.pem"), {QStringLiteral("-enddate")}));
        QCOMPARE(o.value(QStringLiteral("not_after")).toString(), notAfter.toString(Qt::ISODate));
        QVERIFY(o.value(QStringLiteral("not_after")).toString().endsWith(QLatin1Char('Z')));
        const QDateTime notBefore =
            OpensslTool::opensslDate(m_ssl.x509Value(QStringLiteral("c.pem"), {QStringLiteral("-startdate")}));
        QCOMPARE(QDateTime::fromString(o.value(QStringLiteral("not_before")).toString(), Qt::ISODate), notBefore);
        QCOMPARE(o.value(QStringLiteral("validity")).toString(), QStringLiteral("valid"));
        const QJsonObject key = o.value(QStringLiteral("key")).toObject();
        QCOMPARE(key.value(QStringLiteral("algorithm")).toString(), QStringLiteral("ec"));
        QCOMPARE(key.value(QStringLiteral("bits")).toInt(), 256);
        QCOMPARE(key.value(QStringLiteral("curve")).toString(), QStringLiteral("prime256v1"));
        QCOMPARE(o.value(QStringLiteral("signature_algorithm")).toString(), QStringLiteral("ecdsa-with-SHA256"));
        const QJsonArray san = o.value(QStringLiteral("san")).toArray();
        QCOMPARE(san.size(), 2);
        QCOMPARE(san.at(1).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("upn"));
        QCOMPARE(san.at(1).toObject().value(QStringLiteral("value")).toString(), QStringLiteral("bob@EXAMPLE.ORG"));
        QCOMPARE(o.value(QStringLiteral("key_usage")).toArray(), QJsonArray{QStringLiteral("digitalSignature")});
        const QJsonArray eku = o.value(QStringLiteral("extended_key_usage")).toArray();
        QCOMPARE(eku.size(), 2);
        QCOMPARE(eku.at(1).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("smartcardLogon"));
        QCOMPARE(o.value(QStringLiteral("basic_constraints")).toObject().value(QStringLiteral("ca")),
                 QJsonValue(false));
        QCOMPARE(o.value(QStringLiteral("ski")).toString(),
                 plainHex(m_ssl.extension(QStringLiteral("c.pem"), QStringLiteral("subjectKeyIdentifier")).join("")));
        QCOMPARE(o.value(QStringLiteral("public_key_sha1")).toString(), o.value(QStringLiteral("ski")).toString());
        QCOMPARE(o.value(QStringLiteral("extensions")).toArray().size(), 5);
        for (const char* k : {"policies", "crl_distribution_points"}) {
            QVERIFY2(o.value(QLatin1String(k)).isArray(), k);
        }
        QVERIFY(o.value(QStringLiteral("aia")).toObject().value(QStringLiteral("ocsp")).isArray());
        const QJsonObject chain = o.value(QStringLiteral("chain")).toObject();
        QCOMPARE(chain.value(QStringLiteral("status")).toString(), QStringLiteral("untrusted_root"));
        QCOMPARE(chain.value(QStringLiteral("certificates")).toArray().size(), 1);
    }

    void showText()
    {
        const ToolRun r = tokendesk({QStringLiteral("show"), m_ssl.path(QStringLiteral("c.pem"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("CN=Bob Card,O=Acme"));
        QVERIFY(r.out.contains("Smart card logon"));
    }

    void exportRoundTrip()
    {
        const QString pem = m_ssl.path(QStringLiteral("c.pem"));
        const QString der = m_ssl.path(QStringLiteral("out.der"));
        const QString back = m_ssl.path(QStringLiteral("back.pem"));
        QCOMPARE(
            tokendesk({QStringLiteral("export"), pem, QStringLiteral("-o"), der, QStringLiteral("--der")}).exitCode, 0);
        QCOMPARE(m_ssl.read(QStringLiteral("out.der")), m_ssl.der(QStringLiteral("c.pem")));
        const ToolRun r =
            tokendesk({QStringLiteral("export"), der, QStringLiteral("--output"), back, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(json(r).value(QStringLiteral("format")).toString(), QStringLiteral("pem"));
        QCOMPARE(m_ssl.read(QStringLiteral("back.pem")), m_ssl.read(QStringLiteral("c.pem")));
    }

    void badFile()
    {
        QVERIFY(m_ssl.write(QStringLiteral("junk.pem"), "not a certificate\n"));
        const ToolRun r = tokendesk({QStringLiteral("show"), m_ssl.path(QStringLiteral("junk.pem"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(r.err.trimmed().endsWith('.'));
        const ToolRun j =
            tokendesk({QStringLiteral("show"), m_ssl.path(QStringLiteral("junk.pem")), QStringLiteral("--json")});
        QCOMPARE(j.exitCode, 1);
        const QJsonObject error = json(j).value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("not_a_certificate"));
        QCOMPARE(error.value(QStringLiteral("message")).toString() + QLatin1Char('\n'), QString::fromUtf8(j.err));
        const ToolRun missing = tokendesk({QStringLiteral("export"), m_ssl.path(QStringLiteral("nothing.der")),
                                           QStringLiteral("-o"), m_ssl.path(QStringLiteral("x.pem"))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(!QFile::exists(m_ssl.path(QStringLiteral("x.pem"))));
    }

    // -o - is standard output: PEM as text, DER byte for byte; --json cannot share it.
    void exportToStandardOutput()
    {
        const QString pem = m_ssl.path(QStringLiteral("c.pem"));
        const ToolRun asPem = tokendesk({QStringLiteral("export"), pem, QStringLiteral("-o"), QStringLiteral("-")});
        QCOMPARE(asPem.exitCode, 0);
        QCOMPARE(asPem.out, m_ssl.read(QStringLiteral("c.pem")));
        const ToolRun asDer = tokendesk(
            {QStringLiteral("export"), pem, QStringLiteral("-o"), QStringLiteral("-"), QStringLiteral("--der")});
        QCOMPARE(asDer.exitCode, 0);
        QCOMPARE(asDer.out, m_ssl.der(QStringLiteral("c.pem")));
        QVERIFY(!QFile::exists(QStringLiteral("-")));
        const ToolRun both = tokendesk(
            {QStringLiteral("export"), pem, QStringLiteral("-o"), QStringLiteral("-"), QStringLiteral("--json")});
        QCOMPARE(both.exitCode, 2);
        QVERIFY(both.out.isEmpty());
    }

    // Only regular files are replaced; the JSON error says why. A FIFO stands for any device node.
    void exportRefusesWhatIsNotAFile()
    {
        const QString pem = m_ssl.path(QStringLiteral("c.pem"));
        const QString fifo = m_ssl.path(QStringLiteral("out.fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const ToolRun r =
            tokendesk({QStringLiteral("export"), pem, QStringLiteral("-o"), fifo, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject error = json(r).value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("not_regular_file"));
        QVERIFY(error.value(QStringLiteral("message")).toString().contains(fifo));
        struct stat st = {};
        QCOMPARE(::lstat(QFile::encodeName(fifo).constData(), &st), 0);
        QVERIFY(S_ISFIFO(st.st_mode));
    }

    // The case that cost a machine its /dev/null: `-o /dev/null` is refused and /dev/null stays the
    // device. Where mount namespaces work (root), in a namespace of its own where a stand-in device
    // node (made here, 1:3) is bind-mounted on /dev/null, so that a regression breaks the stand-in
    // only. Where they are refused (an unprivileged container, a chroot whose root is not a mount
    // point), on the real /dev/null as a user who cannot write /dev (nobody through setpriv when
    // the test runs as root), so that a regression cannot replace it. The output says which ran.
    void exportRefusesDevNull()
    {
        const QString standIn = m_ssl.path(QStringLiteral("null-stand-in"));
        QString refused = QStringLiteral("not root: mknod and mount need it");
        if (::geteuid() == 0) {
            QCOMPARE(::mknod(QFile::encodeName(standIn).constData(), S_IFCHR | 0666, makedev(1, 3)), 0);
            // The namespace on its own first: tokendesk's refusal is exit 1 too.
            const ToolRun probe =
                run(QStringLiteral("unshare"), {QStringLiteral("--mount"), QStringLiteral("sh"), QStringLiteral("-c"),
                                                kBindStandIn, QStringLiteral("sh"), standIn});
            refused = probe.exitCode == 0 ? QString() : QString::fromLocal8Bit(probe.err.trimmed());
        }
        ToolRun r;
        QString device = QStringLiteral("/dev/null");
        if (refused.isEmpty()) {
            qInfo("in a mount namespace of its own, a stand-in device node bound on /dev/null");
            device = standIn;
            r = run(QStringLiteral("unshare"),
                    {QStringLiteral("--mount"), QStringLiteral("sh"), QStringLiteral("-c"),
                     kBindStandIn + QStringLiteral(" && exec \"$2\" cert export \"$3\" -o /dev/null --json"),
                     QStringLiteral("sh"), standIn, qEnvironmentVariable("TOKENDESK_BINARY"),
                     m_ssl.path(QStringLiteral("c.pem"))});
        } else {
            qInfo("no mount namespace (%s): the real /dev/null, as a user who cannot write /dev", qPrintable(refused));
            // That user reads the certificate from a folder open to all.
            QTemporaryDir open;
            QVERIFY(open.isValid());
            QCOMPARE(::chmod(QFile::encodeName(open.path()).constData(), 0755), 0);
            const QString pem = open.filePath(QStringLiteral("c.pem"));
            QVERIFY(QFile::copy(m_ssl.path(QStringLiteral("c.pem")), pem));
            QCOMPARE(::chmod(QFile::encodeName(pem).constData(), 0644), 0);
            // And runs a copy of the program from there: the build may be where that user cannot
            // go (a clone in /root, 0700, in a fresh Debian root).
            const QString program = open.filePath(QStringLiteral("tokendesk"));
            QVERIFY(QFile::copy(qEnvironmentVariable("TOKENDESK_BINARY"), program));
            QCOMPARE(::chmod(QFile::encodeName(program).constData(), 0755), 0);
            QStringList command{
                QStringLiteral("sh"),
                QStringLiteral("-c"),
                QStringLiteral("if [ -w /dev ]; then echo \"/dev is writable for $(id -un)\" >&2; exit 3; "
                               "fi; exec \"$1\" cert export \"$2\" -o /dev/null --json"),
                QStringLiteral("sh"),
                program,
                pem};
            if (::geteuid() == 0) {
                command = QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                      QStringLiteral("--clear-groups"), QStringLiteral("--")} +
                          command;
                r = run(QStringLiteral("setpriv"), command, open.path());
            } else {
                r = run(command.takeFirst(), command, open.path());
            }
        }
        QVERIFY2(r.exitCode == 1, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out)
                     .object()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("not_regular_file"));
        struct stat st = {};
        QCOMPARE(::lstat(QFile::encodeName(device).constData(), &st), 0);
        QVERIFY(S_ISCHR(st.st_mode));
        QCOMPARE(st.st_rdev, makedev(1, 3));
    }

    // A link planted by another user in a sticky world-writable folder is not followed; a
    // dangling link does not create its target.
    void exportRefusesUnsafeLinks()
    {
        const QString pem = m_ssl.path(QStringLiteral("c.pem"));
        const QString missing = m_ssl.path(QStringLiteral("missing-target.pem"));
        const QString dangling = m_ssl.path(QStringLiteral("dangling.pem"));
        QVERIFY(QFile::link(missing, dangling));
        const ToolRun d =
            tokendesk({QStringLiteral("export"), pem, QStringLiteral("-o"), dangling, QStringLiteral("--json")});
        QCOMPARE(d.exitCode, 1);
        QCOMPARE(json(d).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("dangling_symlink"));
        QVERIFY(!QFile::exists(missing));

        if (::geteuid() != 0) {
            return; // planting a link owned by another user needs root (CI runs as root)
        }
        QTemporaryDir shared;
        QVERIFY(shared.isValid());
        QCOMPARE(::chmod(QFile::encodeName(shared.path()).constData(), 01777), 0);
        const QString victim = m_ssl.path(QStringLiteral("victim.txt"));
        QVERIFY(m_ssl.write(QStringLiteral("victim.txt"), "precious\n"));
        const QString planted = shared.filePath(QStringLiteral("cert.pem"));
        QVERIFY(QFile::link(victim, planted));
        QCOMPARE(::lchown(QFile::encodeName(planted).constData(), 65534, 65534), 0);
        const ToolRun r = tokendesk({QStringLiteral("export"), pem, QStringLiteral("-o"), planted});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("symbolic link"));
        QCOMPARE(m_ssl.read(QStringLiteral("victim.txt")), QByteArray("precious\n"));
    }

    // Names are bytes: a Latin-1 name is written under exactly that name; a name with an escape
    // sequence is shown escaped, never sent raw to the terminal.
    void exportNamesAsBytes()
    {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.start(QStringLiteral("sh"),
                {QStringLiteral("-c"), QStringLiteral("exec \"$0\" cert export \"$1\" -o \"$(printf 'caf\\351.pem')\""),
                 qEnvironmentVariable("TOKENDESK_BINARY"), m_ssl.path(QStringLiteral("c.pem"))});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray latin1 = QFile::encodeName(m_dir.path()) + "/caf\xE9.pem";
        struct stat st = {};
        QCOMPARE(::stat(latin1.constData(), &st), 0);
        QCOMPARE(::unlink(latin1.constData()), 0);

        const QString evil = m_ssl.path(QStringLiteral("no-such-folder/\x1b]0;pwned\x07\x1b[2J.pem"));
        const ToolRun r =
            tokendesk({QStringLiteral("export"), m_ssl.path(QStringLiteral("c.pem")), QStringLiteral("-o"), evil});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!r.err.contains('\x1b'));
        QVERIFY(!r.err.contains('\x07'));
        QVERIFY2(r.err.contains("\\e]0;pwned\\x07\\e[2J.pem"), r.err.constData());
    }

    void usageErrors()
    {
        const QString pem = m_ssl.path(QStringLiteral("c.pem"));
        for (const QStringList& args :
             {QStringList{}, QStringList{QStringLiteral("show")}, QStringList{QStringLiteral("export"), pem},
              QStringList{QStringLiteral("frobnicate"), pem}, QStringList{QStringLiteral("show"), pem, pem},
              QStringList{QStringLiteral("show"), pem, QStringLiteral("--der")},
              QStringList{QStringLiteral("show"), pem, QStringLiteral("--bogus")}}) {
            const ToolRun r = tokendesk(args);
            QVERIFY2(r.exitCode == 2, qPrintable(args.join(' ')));
            QVERIFY(!r.err.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestCertCli)
#include "tst_cert_cli.moc"
