// BrowserIntegration in a home of its own (HOME set for this process and its peers; SOFTHSM2_CONF
// unset, so SoftHSM2 reads $HOME/.config/softhsm2/softhsm2.conf as it does for the user): a token
// with a certificate, made with pkcs11-tool; p11-kit sees it; ~/.pki/nssdb is created and the
// proxy registered, and NSS's own certutil lists the token's certificate through it, then no
// longer once removed. A fake Firefox profile tree (relative and absolute profiles, one in use),
// and the careless user's profiles.ini (a device, a missing folder, control characters, "..").

#include "PeerProcess.h"
#include "backend/vtoken/BrowserFiles.h"
#include "backend/vtoken/BrowserIntegration.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace tokendesk;

namespace {

const QString kUserPin = QStringLiteral("24681357");
const QString kSoPin = QStringLiteral("13572468");
const QString kToken = QStringLiteral("TDBROWSER");
const QString kCert = QStringLiteral("tdcert");

QString softhsmModule()
{
    for (const char* path : {"/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                             "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so", "/usr/lib/softhsm/libsofthsm2.so"}) {
        if (QFile::exists(QString::fromLatin1(path))) {
            return QString::fromLatin1(path);
        }
    }
    return {};
}

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Fails the test with the peer's output unless it succeeded.
#define RUN_OK(result)                                                                                                 \
    do {                                                                                                               \
        const PeerResult r_ = (result);                                                                                \
        QVERIFY2(r_.ok(), r_.describe().constData());                                                                  \
    } while (false)

PeerResult certutilList(const QString& dir)
{
    return PeerProcess::run(QStringLiteral("certutil"),
                            {QStringLiteral("-L"), QStringLiteral("-h"), QStringLiteral("all"), QStringLiteral("-d"),
                             QStringLiteral("sql:") + dir});
}

PeerResult createDatabase(const QString& dir)
{
    QDir().mkpath(dir);
    return PeerProcess::run(
        QStringLiteral("certutil"),
        {QStringLiteral("-N"), QStringLiteral("-d"), QStringLiteral("sql:") + dir, QStringLiteral("--empty-password")});
}

} // namespace

class TestBrowserIntegration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void p11KitSeesSoftHsm();
    void chromiumDatabaseAbsent();
    void registerCreatesChromiumDatabase();
    void registerAgainIsNothing();
    void p11KitEnableRule();
    void unregisterRemovesProxy();
    void firefoxProfiles();
    void firefoxRunning();
    void carelessProfiles();
    void missingTools();

private:
    ProgramView view(const QList<ProgramView>& views, ProgramView::Kind kind, const QString& name = {});
    QList<ProgramView> checked(const BrowserIntegration& integration);

    QTemporaryDir m_tmp;
    QString m_home;
    QMap<QByteArray, QByteArray> m_savedEnv;
    QString m_library;
    QString m_nssdb;
    QProcess m_firefox; // a stand-in process whose pid the profile's lock names
};

ProgramView TestBrowserIntegration::view(const QList<ProgramView>& views, ProgramView::Kind kind, const QString& name)
{
    for (const ProgramView& v : views) {
        if (v.kind == kind && v.name == name) {
            return v;
        }
    }
    return {};
}

QList<ProgramView> TestBrowserIntegration::checked(const BrowserIntegration& integration)
{
    auto views = integration.check();
    if (!views) {
        qWarning() << "check failed:" << views.error().codeName() << views.error().detail;
        return {};
    }
    return views.value();
}

void TestBrowserIntegration::initTestCase()
{
    // NO_READERS (CMake): runs beside the tests that put cards in the bench's readers, so neither
    // it nor its peers (certutil through p11-kit-proxy loads OpenSC) may reach pcscd.
    qputenv("PCSCLITE_CSOCK_NAME", "/nonexistent/tokendesk-no-readers");
    QVERIFY(m_tmp.isValid());
    m_library = softhsmModule();
    QVERIFY2(!m_library.isEmpty(), "libsofthsm2.so is not installed (scripts/deps.sh)");
    QVERIFY(PeerProcess::which(QStringLiteral("modutil")));
    QVERIFY(QFileInfo(BrowserIntegration::defaultProxyModule()).isFile());

    // The bench's SOFTHSM2_CONF and XDG_CONFIG_HOME would hide the home's own configuration.
    for (const char* name : {"HOME", "SOFTHSM2_CONF", "XDG_CONFIG_HOME"}) {
        m_savedEnv.insert(name, qEnvironmentVariableIsSet(name) ? qgetenv(name) : QByteArray());
    }
    m_home = QDir(m_tmp.path()).filePath(QStringLiteral("home"));
    QVERIFY(QDir().mkpath(m_home + QStringLiteral("/.config/softhsm2")));
    qputenv("HOME", QFile::encodeName(m_home));
    qunsetenv("SOFTHSM2_CONF");
    qunsetenv("XDG_CONFIG_HOME");
    m_nssdb = m_home + QStringLiteral("/.pki/nssdb");

    const QString tokens = m_home + QStringLiteral("/.local/share/softhsm2/tokens");
    QVERIFY(QDir().mkpath(tokens));
    QCOMPARE(::chmod(QFile::encodeName(tokens).constData(), 0700), 0);
    QVERIFY(writeFile(m_home + QStringLiteral("/.config/softhsm2/softhsm2.conf"),
                      "directories.tokendir = " + QFile::encodeName(tokens) +
                          "\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n"));

    QProcessEnvironment secrets;
    secrets.insert(QStringLiteral("TD_PIN"), kUserPin);
    secrets.insert(QStringLiteral("TD_SO"), kSoPin);
    const QString tool = QStringLiteral("pkcs11-tool");
    const QStringList module{QStringLiteral("--module"), m_library};
    RUN_OK(PeerProcess::run(tool,
                            module + QStringList{QStringLiteral("--init-token"), QStringLiteral("--label"), kToken,
                                                 QStringLiteral("--so-pin"), QStringLiteral("env:TD_SO")},
                            {}, secrets));
    RUN_OK(PeerProcess::run(tool,
                            module + QStringList{QStringLiteral("--token-label"), kToken, QStringLiteral("--login"),
                                                 QStringLiteral("--login-type"), QStringLiteral("so"),
                                                 QStringLiteral("--so-pin"), QStringLiteral("env:TD_SO"),
                                                 QStringLiteral("--init-pin"), QStringLiteral("--new-pin"),
                                                 QStringLiteral("env:TD_PIN")},
                            {}, secrets));
    const QString der = QDir(m_tmp.path()).filePath(QStringLiteral("cert.der"));
    RUN_OK(
        PeerProcess::run(QStringLiteral("openssl"),
                         {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                          QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                          QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("30"),
                          QStringLiteral("-subj"), QStringLiteral("/CN=TokenDesk Browser Test"),
                          QStringLiteral("-keyout"), QDir(m_tmp.path()).filePath(QStringLiteral("cert.key")),
                          QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"), der}));
    RUN_OK(PeerProcess::run(tool,
                            module + QStringList{QStringLiteral("--token-label"), kToken, QStringLiteral("--login"),
                                                 QStringLiteral("--pin"), QStringLiteral("env:TD_PIN"),
                                                 QStringLiteral("--write-object"), der, QStringLiteral("--type"),
                                                 QStringLiteral("cert"), QStringLiteral("--id"), QStringLiteral("01"),
                                                 QStringLiteral("--label"), kCert},
                            {}, secrets));
}

void TestBrowserIntegration::cleanupTestCase()
{
    if (m_firefox.state() != QProcess::NotRunning) {
        m_firefox.kill(); // our own child, by its pid
        m_firefox.waitForFinished(3000);
    }
    for (auto it = m_savedEnv.cbegin(); it != m_savedEnv.cend(); ++it) {
        if (it.value().isNull()) {
            qunsetenv(it.key().constData());
        } else {
            qputenv(it.key().constData(), it.value());
        }
    }
}

void TestBrowserIntegration::p11KitSeesSoftHsm()
{
    const BrowserIntegration integration;
    QCOMPARE(integration.homeDir(), m_home);
    const QList<ProgramView> views = checked(integration);
    QVERIFY(!views.isEmpty());
    QCOMPARE(views.first().kind, ProgramView::Kind::P11Kit);
    QVERIFY(views.first().sees);
    QCOMPARE(views.first().path, BrowserFiles::canonical(m_library));
    QCOMPARE(views.first().detail, QStringLiteral("softhsm2")); // /usr/share/p11-kit/modules/softhsm2.module
    QVERIFY(!views.first().writable);
}

void TestBrowserIntegration::chromiumDatabaseAbsent()
{
    const ProgramView nss = view(checked(BrowserIntegration()), ProgramView::Kind::NssDatabase);
    QCOMPARE(nss.path, m_nssdb);
    QVERIFY(!nss.exists);
    QVERIFY(!nss.sees);
    QVERIFY(nss.writable);
    QVERIFY(!QFileInfo::exists(m_nssdb));
}

void TestBrowserIntegration::registerCreatesChromiumDatabase()
{
    const BrowserIntegration integration;
    const auto registered = integration.registerProxy(m_nssdb);
    QVERIFY2(registered.ok(), qPrintable(registered.ok() ? QString() : registered.error().detail));
    QVERIFY(QFileInfo(m_nssdb + QStringLiteral("/cert9.db")).isFile());
    QCOMPARE(QFileInfo(m_nssdb).permissions() & 0x0077, QFileDevice::Permissions());

    const ProgramView nss = view(checked(integration), ProgramView::Kind::NssDatabase);
    QVERIFY(nss.exists);
    QVERIFY(nss.sees);
    QCOMPARE(nss.detail, QStringLiteral("p11-kit-proxy"));

    // NSS itself, through the proxy, reads the token's certificate from the home's SoftHSM2.
    const PeerResult listed = certutilList(m_nssdb);
    QVERIFY2(listed.ok(), listed.describe().constData());
    QVERIFY2(listed.out.contains((kToken + QLatin1Char(':') + kCert).toUtf8()), listed.describe().constData());
}

void TestBrowserIntegration::registerAgainIsNothing()
{
    const QByteArray before = readFile(m_nssdb + QStringLiteral("/pkcs11.txt"));
    QVERIFY(before.contains("p11-kit-proxy.so"));
    QVERIFY(BrowserIntegration().registerProxy(m_nssdb).ok());
    QCOMPARE(readFile(m_nssdb + QStringLiteral("/pkcs11.txt")), before);
}

void TestBrowserIntegration::p11KitEnableRule()
{
    // p11-kit reads no user module files for root (this bench), so the rule that keeps SoftHSM2
    // out of the proxy is checked on its own: pkcs11.conf(5), names split at commas or blanks.
    const QString proxy = QStringLiteral("p11-kit-proxy");
    QVERIFY(BrowserFiles::enabledIn(proxy, QString(), QString()));
    QVERIFY(!BrowserFiles::enabledIn(proxy, QString(), QStringLiteral("firefox, p11-kit-proxy")));
    QVERIFY(BrowserFiles::enabledIn(proxy, QString(), QStringLiteral("p11-kit-proxy2")));
    QVERIFY(BrowserFiles::enabledIn(proxy, QStringLiteral("p11-kit-proxy seahorse"), QString()));
    QVERIFY(!BrowserFiles::enabledIn(proxy, QStringLiteral("seahorse"), QString()));
    QVERIFY(!BrowserFiles::enabledIn(proxy, QStringLiteral(""), QString()));
}

void TestBrowserIntegration::unregisterRemovesProxy()
{
    const BrowserIntegration integration;
    QVERIFY(integration.unregisterProxy(m_nssdb).ok());
    const PeerResult listed = certutilList(m_nssdb);
    QVERIFY2(listed.ok(), listed.describe().constData());
    QVERIFY2(!listed.out.contains(kToken.toUtf8()), listed.describe().constData());
    const ProgramView nss = view(checked(integration), ProgramView::Kind::NssDatabase);
    QVERIFY(nss.exists);
    QVERIFY(!nss.sees);
    QVERIFY(nss.detail.isEmpty());
    // Nothing left to remove, and no database at all: both fine.
    QVERIFY(integration.unregisterProxy(m_nssdb).ok());
    QVERIFY(integration.unregisterProxy(m_home + QStringLiteral("/nothing-here")).ok());
}

void TestBrowserIntegration::firefoxProfiles()
{
    const QString firefox = m_home + QStringLiteral("/.mozilla/firefox");
    const QString relative = firefox + QStringLiteral("/ab12.default-esr");
    const QString absolute = QDir(m_tmp.path()).filePath(QStringLiteral("elsewhere/profile"));
    RUN_OK(createDatabase(relative));
    RUN_OK(createDatabase(absolute));
    QVERIFY(writeFile(firefox + QStringLiteral("/profiles.ini"),
                      "[Install4F96D1932A9F858E]\nDefault=ab12.default-esr\nLocked=1\n\n"
                      "[Profile1]\nName=elsewhere\nIsRelative=0\nPath=" +
                          QFile::encodeName(absolute) +
                          "\n\n[Profile0]\nName=default-esr\nIsRelative=1\nPath=ab12.default-esr\nDefault=1\n\n"
                          "[General]\nStartWithLastProfile=1\nVersion=2\n"));
    const BrowserIntegration integration;
    QList<ProgramView> views = checked(integration);
    QCOMPARE(views.size(), 4);
    QCOMPARE(views.at(2).name, QStringLiteral("elsewhere")); // profiles.ini order
    ProgramView esr = view(views, ProgramView::Kind::FirefoxProfile, QStringLiteral("default-esr"));
    ProgramView other = view(views, ProgramView::Kind::FirefoxProfile, QStringLiteral("elsewhere"));
    QCOMPARE(esr.path, relative);
    QCOMPARE(other.path, absolute);
    QVERIFY(esr.exists && other.exists && esr.writable && other.writable);
    QVERIFY(!esr.sees && !other.sees && !esr.inUse);

    for (const QString& dir : {relative, absolute}) {
        QVERIFY(integration.registerProxy(dir).ok());
        const PeerResult listed = certutilList(dir);
        QVERIFY2(listed.out.contains((kToken + QLatin1Char(':') + kCert).toUtf8()), listed.describe().constData());
    }
    views = checked(integration);
    QVERIFY(view(views, ProgramView::Kind::FirefoxProfile, QStringLiteral("default-esr")).sees);
    QVERIFY(view(views, ProgramView::Kind::FirefoxProfile, QStringLiteral("elsewhere")).sees);
    QVERIFY(!view(views, ProgramView::Kind::NssDatabase).sees);

    for (const QString& dir : {relative, absolute}) {
        QVERIFY(integration.unregisterProxy(dir).ok());
    }
    views = checked(integration);
    QVERIFY(!view(views, ProgramView::Kind::FirefoxProfile, QStringLiteral("default-esr")).sees);
    QVERIFY(!view(views, ProgramView::Kind::FirefoxProfile, QStringLiteral("elsewhere")).sees);
}

void TestBrowserIntegration::firefoxRunning()
{
    // Firefox on Linux leaves `lock` -> "ADDRESS:+PID" while it runs. modutil does not look at
    // it: with -force it writes anyway (without -force it prints a "close the browser" warning
    // whatever runs, and goes on at end of input). So the profile is reported in use, and
    // registering works; Firefox loads the module at its next start.
    const QString dir = m_home + QStringLiteral("/.mozilla/firefox/ab12.default-esr");
    m_firefox.start(QStringLiteral("sleep"), {QStringLiteral("300")});
    QVERIFY(m_firefox.waitForStarted());
    const QString lock = dir + QStringLiteral("/lock");
    QVERIFY(QFile::link(QStringLiteral("127.0.0.1:+%1").arg(m_firefox.processId()), lock));
    const BrowserIntegration integration;
    QVERIFY(view(checked(integration), ProgramView::Kind::FirefoxProfile, QStringLiteral("default-esr")).inUse);
    QVERIFY(integration.registerProxy(dir).ok());
    QVERIFY(view(checked(integration), ProgramView::Kind::FirefoxProfile, QStringLiteral("default-esr")).sees);
    QVERIFY(integration.unregisterProxy(dir).ok());

    m_firefox.kill();
    QVERIFY(m_firefox.waitForFinished(3000));
    QVERIFY(!view(checked(integration), ProgramView::Kind::FirefoxProfile, QStringLiteral("default-esr")).inUse);
    QVERIFY(QFile::remove(lock));
}

void TestBrowserIntegration::carelessProfiles()
{
    // A home of its own, so the views above stay as they are.
    const QString home = QDir(m_tmp.path()).filePath(QStringLiteral("careless"));
    const QString firefox = home + QStringLiteral("/.mozilla/firefox");
    QVERIFY(QDir().mkpath(firefox));
    // A real database reached through "..", and one whose pkcs11.txt is a pipe nobody writes to.
    RUN_OK(createDatabase(home + QStringLiteral("/real")));
    const QString piped = firefox + QStringLiteral("/piped");
    RUN_OK(createDatabase(piped));
    QVERIFY(QFile::remove(piped + QStringLiteral("/pkcs11.txt")));
    QCOMPARE(::mkfifo(QFile::encodeName(piped + QStringLiteral("/pkcs11.txt")).constData(), 0600), 0);
    QCOMPARE(::mkfifo(QFile::encodeName(firefox + QStringLiteral("/fifo")).constData(), 0600), 0);
    QVERIFY(writeFile(firefox + QStringLiteral("/profiles.ini"),
                      "[Profile0]\nName=null\nIsRelative=0\nPath=/dev/null\n"
                      "[Profile1]\nName=missing\nIsRelative=1\nPath=gone.default\n"
                      "[Profile2]\nName=control\nIsRelative=1\nPath=bad\rname\x1b[31m\n"
                      "[Profile3]\nName=dots\nIsRelative=1\nPath=../../real\n"
                      "[Profile4]\nName=piped\nIsRelative=1\nPath=piped\n"
                      "[Profile5]\nName=fifo\nIsRelative=1\nPath=fifo\n"
                      "[Profile6]\nName=nopath\nIsRelative=1\n"
                      "[Profile7\nName=broken\nPath=\n"
                      "garbage without equals\n=\n" +
                          QByteArray("\0binary\n", 8)));
    const BrowserIntegration integration(home);
    QElapsedTimer timer;
    timer.start();
    const QList<ProgramView> views = checked(integration);
    QVERIFY2(timer.elapsed() < 5000, "check() must not block on a device or a pipe");
    QCOMPARE(views.size(), 2 + 6);
    for (const char* name : {"null", "missing", "control", "fifo"}) {
        const ProgramView v = view(views, ProgramView::Kind::FirefoxProfile, QString::fromLatin1(name));
        QVERIFY2(!v.exists && !v.sees, name);
    }
    const ProgramView control = view(views, ProgramView::Kind::FirefoxProfile, QStringLiteral("control"));
    QCOMPARE(control.path, firefox + QStringLiteral("/bad\rname\x1b[31m"));
    QVERIFY(!control.writable);
    const ProgramView dots = view(views, ProgramView::Kind::FirefoxProfile, QStringLiteral("dots"));
    QCOMPARE(dots.path, firefox + QStringLiteral("/../../real")); // listed as written
    QVERIFY(dots.exists && !dots.writable);
    const ProgramView pipe = view(views, ProgramView::Kind::FirefoxProfile, QStringLiteral("piped"));
    QVERIFY(pipe.exists && !pipe.sees);

    using Code = BrowserError::Code;
    const auto code = [](const Status<BrowserError>& status) {
        return status.ok() ? Code(-1) : status.error().code;
    };
    QCOMPARE(code(integration.registerProxy(QStringLiteral("/dev/null"))), Code::NotAnNssDatabase);
    QCOMPARE(code(integration.registerProxy(firefox + QStringLiteral("/gone.default"))), Code::NotAnNssDatabase);
    QVERIFY(!QFileInfo::exists(firefox + QStringLiteral("/gone.default")));
    QCOMPARE(code(integration.registerProxy(control.path)), Code::UnsafePath);
    QCOMPARE(code(integration.registerProxy(dots.path)), Code::UnsafePath);
    QCOMPARE(code(integration.unregisterProxy(dots.path)), Code::UnsafePath);
    QVERIFY(!readFile(home + QStringLiteral("/real/pkcs11.txt")).contains("p11-kit-proxy"));
    // A real database in a folder whose name holds a newline: never written to either.
    const QString newline = home + QStringLiteral("/new\nline");
    RUN_OK(createDatabase(newline));
    QVERIFY(!BrowserFiles::isSafePath(newline));
    QCOMPARE(code(integration.registerProxy(newline)), Code::UnsafePath);
    QVERIFY(!readFile(newline + QStringLiteral("/pkcs11.txt")).contains("p11-kit-proxy"));
    // profiles.ini itself a link to a device: nothing listed, nothing read from it.
    QVERIFY(QFile::remove(firefox + QStringLiteral("/profiles.ini")));
    QVERIFY(QFile::link(QStringLiteral("/dev/zero"), firefox + QStringLiteral("/profiles.ini")));
    QCOMPARE(checked(integration).size(), 2);
}

void TestBrowserIntegration::missingTools()
{
    const QString dir = QDir(m_tmp.path()).filePath(QStringLiteral("tools/db"));
    RUN_OK(createDatabase(dir));
    const BrowserIntegration noProxy(m_home, QStringLiteral("/nonexistent/p11-kit-proxy.so"));
    auto status = noProxy.registerProxy(dir);
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, BrowserError::Code::ProxyMissing);
    QCOMPARE(status.error().codeName(), QStringLiteral("proxy_missing"));

    const QByteArray path = qgetenv("PATH");
    const QString empty = QDir(m_tmp.path()).filePath(QStringLiteral("tools/bin"));
    QVERIFY(QDir().mkpath(empty));
    qputenv("PATH", QFile::encodeName(empty));
    status = BrowserIntegration().registerProxy(dir);
    qputenv("PATH", path);
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, BrowserError::Code::ToolMissing);
    QCOMPARE(status.error().detail, QStringLiteral("modutil"));
    QCOMPARE(status.error().codeName(), QStringLiteral("tool_missing"));
}

QTEST_GUILESS_MAIN(TestBrowserIntegration)
#include "tst_browserintegration.moc"
