// Virtual tokens (backend/vtoken) in a home of the test's own, with no SOFTHSM2_CONF: the user
// configuration TokenDesk makes, tokens made, listed, reset and removed through libsofthsm2 and
// checked with SoftHSM's own softhsm2-util and pkcs11-tool; the SO PIN in the bench's Secret
// Service (gnome-keyring) and in no file of the home. Imports cancelled after every step, and
// imports that must fail, leave the token as it was (pkcs11-tool -O) and no token behind
// (softhsm2-util --show-slots).

#include "P12Maker.h"
#include "PeerProcess.h"
#include "SoftHsmPeers.h"
#include "VtokenHome.h"
#include "backend/vtoken/P12Importer.h"
#include "backend/vtoken/SoPinVault.h"
#include "backend/vtoken/SoftHsmConfig.h"
#include "backend/vtoken/VirtualTokens.h"
#include "backend/x509/Pkcs12Reader.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <optional>
#include <unistd.h>

using namespace tokendesk;

namespace {

using SoftHsmPeers::listObjects;
using SoftHsmPeers::showSlots;
using SoftHsmPeers::tokenCount;

const QByteArray kPin = "4711-pin";
const QByteArray kPassword = "p12-password";

/// For QVERIFY2, which builds its message whether or not the check fails.
template<typename R> QByteArray why(const R& result)
{
    return result ? QByteArray() : result.error().codeName().toUtf8();
}

SecureBytes secret(const QByteArray& bytes)
{
    return SecureBytes(bytes.constData(), bytes.size());
}

} // namespace

class TestVtoken : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void userConfigurationMade();
    void existingConfigurationKept();
    void windowPreparesOnlyWhenNeeded();
    void createResetRemove();
    void labelsRefused();
    void importCancelledAfterEveryStep();
    void importIntoExistingCancelledAfterEveryStep();
    void failedImportsLeaveNothing();

private:
    Pkcs12Contents contents(const QString& file, const QByteArray& password);

    std::optional<VtokenHome> m_home;
    std::optional<QTemporaryDir> m_files;
    std::optional<P12Maker> m_maker;
};

void TestVtoken::initTestCase()
{
    // NO_READERS (CMake): this test runs beside those that put cards in the bench's readers, so
    // neither it nor its peers (OpenSC through p11-kit in gnutls-cli, p11tool) may reach pcscd.
    qputenv("PCSCLITE_CSOCK_NAME", "/nonexistent/tokendesk-no-readers");
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "the bench provides the Secret Service");
    QVERIFY2(!SoftHsmConfig::modulePath().isEmpty(), "softhsm2 is installed");
    m_files.emplace();
    m_maker.emplace(m_files->path());
    QVERIFY2(m_maker->makeCa(), qPrintable(m_maker->error()));
    QVERIFY2(m_maker->makeLeaf(QStringLiteral("alice"), QStringLiteral("rsa:2048"), QStringLiteral("Alice")),
             qPrintable(m_maker->error()));
    QVERIFY2(m_maker->makeLeaf(QStringLiteral("bob"), QStringLiteral("P-256"), QStringLiteral("Bob")),
             qPrintable(m_maker->error()));
    QVERIFY2(m_maker->exportP12(QStringLiteral("alice"), QStringLiteral("alice.p12"), kPassword),
             qPrintable(m_maker->error()));
    QVERIFY2(m_maker->exportP12(QStringLiteral("bob"), QStringLiteral("bob.p12"), kPassword),
             qPrintable(m_maker->error()));
    m_home.emplace();
    QVERIFY(m_home->isValid());
}

void TestVtoken::cleanupTestCase()
{
    m_home.reset();
}

Pkcs12Contents TestVtoken::contents(const QString& file, const QByteArray& password)
{
    auto bytes = Pkcs12Reader::readFile(m_maker->path(file));
    if (!bytes) {
        qWarning() << "read" << file << bytes.error().codeName();
        return {};
    }
    auto parsed = Pkcs12Reader::parse(bytes.value().bytes(), secret(password));
    if (!parsed) {
        qWarning() << "parse" << file << parsed.error().codeName();
        return {};
    }
    return std::move(parsed).value();
}

void TestVtoken::userConfigurationMade()
{
    QVERIFY(!QFileInfo::exists(m_home->softhsmConf()));
    QCOMPARE(SoftHsmConfig::path(), m_home->softhsmConf());
    auto config = SoftHsmConfig::ensure();
    QVERIFY2(config, why(config).constData());
    QVERIFY(config.value().created);
    QCOMPARE(config.value().tokenDir, m_home->tokenDir());
    QVERIFY(QFileInfo(m_home->tokenDir()).isDir());
    QCOMPARE(QFileInfo(m_home->tokenDir()).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup |
                                                            QFile::WriteOther | QFile::ExeGroup | QFile::ExeOther),
             QFileDevice::Permissions());
    // SoftHSM's own tool reads the same file: its free slot is there.
    QVERIFY2(showSlots().contains("Initialized:      no"), showSlots().constData());
    // A second ensure() reads what is there and writes nothing.
    const QDateTime written = QFileInfo(m_home->softhsmConf()).lastModified();
    auto again = SoftHsmConfig::ensure();
    QVERIFY(again);
    QVERIFY(!again.value().created);
    QCOMPARE(QFileInfo(m_home->softhsmConf()).lastModified(), written);
}

void TestVtoken::existingConfigurationKept()
{
    VtokenHome other;
    QDir().mkpath(other.path() + QStringLiteral("/.config/softhsm2"));
    QDir().mkpath(other.path() + QStringLiteral("/mine"));
    const QByteArray text = "# the user's own\ndirectories.tokendir = " + QFile::encodeName(other.path()) +
                            "/mine\nobjectstore.backend = file\n";
    QFile file(other.softhsmConf());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
    file.close();
    auto config = SoftHsmConfig::ensure();
    QVERIFY(config);
    QVERIFY(!config.value().created);
    QCOMPARE(config.value().tokenDir, other.path() + QStringLiteral("/mine"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), text);
    QVERIFY(!QFileInfo::exists(other.tokenDir()));
}

void TestVtoken::windowPreparesOnlyWhenNeeded()
{
    VtokenHome fresh;
    QFile system(SoftHsmConfig::systemPath());
    QVERIFY2(system.open(QIODevice::ReadOnly), qPrintable(SoftHsmConfig::systemPath()));
    const QString systemTokens = SoftHsmConfig::tokenDirectory(system.readAll());
    const bool systemWritable =
        !systemTokens.isEmpty() && ::access(QFile::encodeName(systemTokens).constData(), W_OK | X_OK) == 0;
    SoftHsmConfig::prepareForWindow();
    // Whoever can write the system's token folder (root, as here; the softhsm group) keeps it;
    // anyone else gets the user configuration before SoftHSM2 is loaded.
    QCOMPARE(QFileInfo::exists(fresh.softhsmConf()), !systemWritable);
    // With SOFTHSM2_CONF set nothing is made, whoever runs it.
    VtokenHome other;
    qputenv("SOFTHSM2_CONF", QFile::encodeName(other.path()) + "/elsewhere.conf");
    SoftHsmConfig::prepareForWindow();
    qunsetenv("SOFTHSM2_CONF");
    QVERIFY(!QFileInfo::exists(other.softhsmConf()));
    QVERIFY(!QFileInfo::exists(other.path() + QStringLiteral("/elsewhere.conf")));
}

void TestVtoken::createResetRemove()
{
    auto tokens = VirtualTokens::open();
    QVERIFY2(tokens, why(tokens).constData());
    auto made = tokens.value().create(QStringLiteral("Alpha"), secret(kPin));
    QVERIFY2(made, why(made).constData());
    const TokenInfo info = made.value().info();
    QCOMPARE(info.label, QStringLiteral("Alpha"));
    QVERIFY(!info.serial.isEmpty());
    QVERIFY(info.userPinInitialized);
    QVERIFY2(showSlots().contains("Alpha"), showSlots().constData());

    auto listed = tokens.value().list();
    QVERIFY(listed);
    QCOMPARE(listed.value().size(), 1);
    QVERIFY(listed.value().constFirst().soPinStored);

    // The SO PIN is in the keyring, and in no file of the home (the token files included).
    auto soPin = SoPinVault::read(info.serial);
    QVERIFY(soPin);
    QVERIFY(soPin.value().has_value());
    QCOMPARE(soPin.value()->size(), 24);
    QCOMPARE(m_home->filesContaining(soPin.value()->bytes()), QStringList());
    QCOMPARE(m_home->filesContaining(kPin), QStringList());

    // The user PIN works for SoftHSM's peer; after a reset the new one does and the old one not.
    QVERIFY2(listObjects(QStringLiteral("Alpha"), kPin).ok(), listObjects(QStringLiteral("Alpha"), kPin).describe());
    QVERIFY(tokens.value().resetUserPin(info, secret("new-pin-2")));
    QVERIFY(!listObjects(QStringLiteral("Alpha"), kPin).ok());
    QVERIFY(listObjects(QStringLiteral("Alpha"), "new-pin-2").ok());

    // Found by label and by serial.
    QVERIFY(tokens.value().find(QStringLiteral("Alpha")));
    QVERIFY(tokens.value().find(info.serial));
    QCOMPARE(tokens.value().find(QStringLiteral("Beta")).error().code, VirtualTokenError::Code::NotFound);

    QVERIFY(tokens.value().remove(info));
    QVERIFY2(!showSlots().contains("Alpha"), showSlots().constData());
    auto gone = SoPinVault::read(info.serial);
    QVERIFY(gone);
    QVERIFY(!gone.value().has_value());
    auto after = tokens.value().list(false);
    QVERIFY(after);
    QCOMPARE(after.value().size(), 0);
}

void TestVtoken::labelsRefused()
{
    auto tokens = VirtualTokens::open();
    QVERIFY(tokens);
    for (const QString& bad :
         {QString(), QStringLiteral(" lead"), QStringLiteral("trail "), QStringLiteral("new\nline"),
          QStringLiteral("esc\x1b[31m"), QString(33, QLatin1Char('x')), QString(17, QChar(0x00e9))}) {
        auto made = tokens.value().create(bad, secret(kPin));
        QVERIFY2(!made, qPrintable(bad));
        QCOMPARE(made.error().code, VirtualTokenError::Code::BadLabel);
    }
    auto first = tokens.value().create(QStringLiteral("Twice"), secret(kPin));
    QVERIFY(first);
    auto second = tokens.value().create(QStringLiteral("Twice"), secret(kPin));
    QVERIFY(!second);
    QCOMPARE(second.error().code, VirtualTokenError::Code::LabelTaken);
    QCOMPARE(showSlots().count("Twice"), 1);
    QVERIFY(tokens.value().remove(first.value().info()));
}

void TestVtoken::importCancelledAfterEveryStep()
{
    const Pkcs12Contents alice = contents(QStringLiteral("alice.p12"), kPassword);
    const ImportPlan plan = ImportPlan::make(alice);
    QVERIFY(plan.importable());
    QCOMPARE(plan.identities.size(), 1);
    QCOMPARE(plan.chain.size(), 1);
    auto tokens = VirtualTokens::open();
    QVERIFY(tokens);
    const int total = 4 + 1;
    for (int stopAt = 0; stopAt <= total; ++stopAt) {
        int done = 0;
        P12Importer::Request request;
        request.tokenLabel = QStringLiteral("Cancelled");
        request.createToken = true;
        request.progress = [&done](int now, int) {
            done = now;
        };
        request.cancelled = [&] {
            return done >= stopAt;
        };
        auto imported = P12Importer::run(tokens.value(), alice, plan, secret(kPin), request);
        QVERIFY2(!imported, qPrintable(QString::number(stopAt)));
        QCOMPARE(imported.error().code, ImportError::Code::Cancelled);
        QVERIFY2(!showSlots().contains("Cancelled"), qPrintable(QString::number(stopAt)));
        auto listed = tokens.value().list(false);
        QVERIFY(listed);
        QCOMPARE(listed.value().size(), 0);
    }
    // And without a cancel, the same import goes through: the cancels above were real.
    P12Importer::Request request;
    request.tokenLabel = QStringLiteral("Cancelled");
    request.createToken = true;
    auto imported = P12Importer::run(tokens.value(), alice, plan, secret(kPin), request);
    QVERIFY2(imported, why(imported).constData());
    QCOMPARE(imported.value().objects.size(), 4);
    QVERIFY(imported.value().verifications.constFirst().verified);
    QVERIFY(tokens.value().remove(imported.value().token));
}

void TestVtoken::importIntoExistingCancelledAfterEveryStep()
{
    auto tokens = VirtualTokens::open();
    QVERIFY(tokens);
    auto made = tokens.value().create(QStringLiteral("Existing"), secret(kPin));
    QVERIFY(made);
    const Pkcs12Contents bob = contents(QStringLiteral("bob.p12"), kPassword);
    const ImportPlan plan = ImportPlan::make(bob);
    QVERIFY(plan.importable());
    const PeerResult before = listObjects(QStringLiteral("Existing"), kPin);
    QVERIFY(before.ok());
    for (int stopAt = 0; stopAt <= 5; ++stopAt) {
        int done = 0;
        P12Importer::Request request;
        request.tokenLabel = QStringLiteral("Existing");
        request.progress = [&done](int now, int) {
            done = now;
        };
        request.cancelled = [&] {
            return done >= stopAt;
        };
        auto imported = P12Importer::run(tokens.value(), bob, plan, secret(kPin), request);
        QVERIFY(!imported);
        QCOMPARE(imported.error().code, ImportError::Code::Cancelled);
        QCOMPARE(listObjects(QStringLiteral("Existing"), kPin).out, before.out);
        QVERIFY(showSlots().contains("Existing")); // a token the import did not make stays
    }
    P12Importer::Request request;
    request.tokenLabel = QStringLiteral("Existing");
    auto imported = P12Importer::run(tokens.value(), bob, plan, secret(kPin), request);
    QVERIFY(imported);
    const PeerResult after = listObjects(QStringLiteral("Existing"), kPin);
    QVERIFY(after.out.contains("Private Key Object; EC"));
    QVERIFY(after.out.contains("Certificate Object; type = X.509 cert"));
    QVERIFY(after.out.contains("label:      bob"));
    // The key is sensitive and not extractable (pkcs11-tool would add "extractable"); it was known
    // outside the token, so PKCS#11 makes it neither "always sensitive" nor "never extractable".
    const QByteArray key = after.out.mid(after.out.indexOf("Private Key Object; EC"));
    QVERIFY2(key.contains("Access:     sensitive\n"), after.out.constData());
    QVERIFY2(key.contains("Usage:      sign, derive\n"), after.out.constData());

    // Importing the same again is refused and changes nothing.
    auto again = P12Importer::run(tokens.value(), bob, plan, secret(kPin), request);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ImportError::Code::AlreadyOnToken);
    QCOMPARE(listObjects(QStringLiteral("Existing"), kPin).out, after.out);
    QVERIFY(tokens.value().remove(made.value().info()));
}

void TestVtoken::failedImportsLeaveNothing()
{
    auto tokens = VirtualTokens::open();
    QVERIFY(tokens);
    const int tokensBefore = tokenCount();
    const Pkcs12Contents alice = contents(QStringLiteral("alice.p12"), kPassword);
    // A wrong user PIN for an existing token: nothing written.
    auto made = tokens.value().create(QStringLiteral("WrongPin"), secret(kPin));
    QVERIFY(made);
    const PeerResult before = listObjects(QStringLiteral("WrongPin"), kPin);
    P12Importer::Request request;
    request.tokenLabel = QStringLiteral("WrongPin");
    auto wrongPin = P12Importer::run(tokens.value(), alice, ImportPlan::make(alice), secret("not-the-pin"), request);
    QVERIFY(!wrongPin);
    QCOMPARE(wrongPin.error().codeName(), QStringLiteral("pin_incorrect"));
    QCOMPARE(listObjects(QStringLiteral("WrongPin"), kPin).out, before.out);
    QVERIFY(tokens.value().remove(made.value().info()));

    // A key with another identity's certificate: no plan, no token made.
    Pkcs12Contents mixed = contents(QStringLiteral("alice.p12"), kPassword);
    Pkcs12Contents bob = contents(QStringLiteral("bob.p12"), kPassword);
    mixed.keys.clear();
    mixed.keys.push_back(std::move(bob.keys.front()));
    const ImportPlan mismatch = ImportPlan::make(mixed);
    QVERIFY(!mismatch.importable());
    QCOMPARE(mismatch.blocker->code, ImportError::Code::KeyWithoutCertificate);
    request.tokenLabel = QStringLiteral("Mismatch");
    request.createToken = true;
    auto refused = P12Importer::run(tokens.value(), mixed, mismatch, secret(kPin), request);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ImportError::Code::KeyWithoutCertificate);
    QCOMPARE(tokenCount(), tokensBefore);
}

QTEST_GUILESS_MAIN(TestVtoken)
#include "tst_vtoken.moc"
