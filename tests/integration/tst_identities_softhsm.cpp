// Identities on SoftHSM2: certificates with and without keys, keys imported and generated on the
// token, private keys that only show after login ("key expected" before, "present" after
// TokenReader::readLoggedIn), and the same certificates through `tokendesk report --json`,
// `cert show URI` and `cert export URI`, compared with `openssl x509`.

#include "CertificateChecks.h"
#include "ModuleOptions.h"
#include "SoftHsmTokens.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "backend/pkcs11/PinPrompter.h"
#include "backend/pkcs11/TokenReader.h"

#include <QFile>
#include <QTemporaryDir>

using namespace tokendesk;
using namespace certchecks;

namespace {

/// Answers the PIN prompt with a fixed answer (nullopt: the user cancelled) and records the requests.
class ScriptedPinPrompter : public PinPrompter
{
public:
    explicit ScriptedPinPrompter(std::optional<QString> answer) : m_answer(std::move(answer)) {}
    std::optional<SecureBytes> askPin(const PinRequest& request) override
    {
        requests << request;
        if (!m_answer) {
            return std::nullopt;
        }
        const QByteArray utf8 = m_answer->toUtf8();
        return SecureBytes(utf8.constData(), utf8.size());
    }
    QList<PinRequest> requests;

private:
    std::optional<QString> m_answer;
};

ModuleRegistry::Options softhsmOnly()
{
    return testmodules::only(SoftHsmTokens::modulePath());
}

QHash<QString, CertificateEntry> byLabel(const QList<CertificateEntry>& entries)
{
    QHash<QString, CertificateEntry> map;
    for (const CertificateEntry& e : entries) {
        map.insert(e.object.label, e);
    }
    return map;
}

const QString kToken = QStringLiteral("Identities");

} // namespace

class TestIdentitiesSoftHsm : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SoftHsmTokens> m_hsm;
    std::unique_ptr<OpensslTool> m_ssl;
    QTemporaryDir m_dir;
    QHash<QString, QByteArray> m_der; ///< by object label
    QString m_serial;

    bool ssl(const QStringList& args) { return m_ssl->ok(args); }
    QString p(const QString& name) const { return m_ssl->path(name); }
    bool tool(quint64 slot, const QStringList& args)
    {
        const PeerResult r =
            m_hsm->tool(QStringList{QStringLiteral("--slot"), QString::number(slot), QStringLiteral("--login"),
                                    QStringLiteral("--pin"), QStringLiteral("env:TD_PIN")} +
                        args);
        if (!r.ok()) {
            qWarning("%s", r.describe().constData());
        }
        return r.ok();
    }
    bool writeCert(quint64 slot, const QString& name, const QString& id, const QString& label)
    {
        m_der.insert(label, m_ssl->read(name));
        return tool(slot, {QStringLiteral("--write-object"), p(name), QStringLiteral("--type"), QStringLiteral("cert"),
                           QStringLiteral("--id"), id, QStringLiteral("--label"), label});
    }
    /// A certificate for a key generated on the token: its public key read back, signed by a CA key.
    bool certifyTokenKey(quint64 slot, const QString& id, const QString& cn, const QString& out)
    {
        const QString pubDer = out + QStringLiteral(".pub.der");
        const QString pubPem = out + QStringLiteral(".pub.pem");
        const QString csr = out + QStringLiteral(".csr");
        return tool(slot, {QStringLiteral("--read-object"), QStringLiteral("--type"), QStringLiteral("pubkey"),
                           QStringLiteral("--id"), id, QStringLiteral("-o"), p(pubDer)}) &&
               ssl({QStringLiteral("pkey"), QStringLiteral("-pubin"), QStringLiteral("-inform"), QStringLiteral("DER"),
                    QStringLiteral("-in"), p(pubDer), QStringLiteral("-out"), p(pubPem)}) &&
               ssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-key"), p(QStringLiteral("ca.key")),
                    QStringLiteral("-subj"), QStringLiteral("/CN=%1/O=TokenDesk").arg(cn), QStringLiteral("-out"),
                    p(csr)}) &&
               ssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), p(csr),
                    QStringLiteral("-CA"), p(QStringLiteral("ca.pem")), QStringLiteral("-CAkey"),
                    p(QStringLiteral("ca.key")), QStringLiteral("-force_pubkey"), p(pubPem),
                    QStringLiteral("-set_serial"), QStringLiteral("0x0123456789ABCDEF01"), QStringLiteral("-days"),
                    QStringLiteral("365"), QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"),
                    p(out)});
    }

    Pkcs11Token findToken(const ModuleRegistry& registry)
    {
        for (const TokenInfo& t : registry.scan().tokens) {
            if (t.label == kToken) {
                return Pkcs11Token(registry.module(t.modulePath), t);
            }
        }
        qFatal("token not found");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("TOKENDESK_BINARY")), "TOKENDESK_BINARY");
        QVERIFY2(PeerProcess::which(QStringLiteral("pkcs11-tool")), "pkcs11-tool");
        QVERIFY(m_dir.isValid());
        m_ssl = std::make_unique<OpensslTool>(m_dir.path());
        m_hsm = std::make_unique<SoftHsmTokens>();
        QVERIFY2(m_hsm->isValid(), qPrintable(m_hsm->errorString()));
        quint64 slot = 0;
        QVERIFY2(m_hsm->createToken(kToken.toUtf8(), &slot), qPrintable(m_hsm->errorString()));

        // Alice: RSA key and certificate made by openssl, imported with the same ID (the key private).
        QVERIFY(ssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                     QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                     p(QStringLiteral("a.key")), QStringLiteral("-subj"), QStringLiteral("/CN=Alice/O=TokenDesk"),
                     QStringLiteral("-days"), QStringLiteral("365"), QStringLiteral("-outform"), QStringLiteral("DER"),
                     QStringLiteral("-out"), p(QStringLiteral("a.der"))}));
        QVERIFY(ssl({QStringLiteral("pkey"), QStringLiteral("-in"), p(QStringLiteral("a.key")),
                     QStringLiteral("-pubout"), QStringLiteral("-out"), p(QStringLiteral("a.pub"))}));
        QVERIFY(writeCert(slot, QStringLiteral("a.der"), QStringLiteral("a1"), QStringLiteral("Alice")));
        QVERIFY(tool(slot, {QStringLiteral("--write-object"), p(QStringLiteral("a.key")), QStringLiteral("--type"),
                            QStringLiteral("privkey"), QStringLiteral("--id"), QStringLiteral("a1"),
                            QStringLiteral("--label"), QStringLiteral("Alice"), QStringLiteral("--private")}));
        QVERIFY(tool(slot, {QStringLiteral("--write-object"), p(QStringLiteral("a.pub")), QStringLiteral("--type"),
                            QStringLiteral("pubkey"), QStringLiteral("--id"), QStringLiteral("a1"),
                            QStringLiteral("--label"), QStringLiteral("Alice")}));
        // Bob: an EC certificate without any key on the token.
        QVERIFY(ssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                     QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                     QStringLiteral("-keyout"), p(QStringLiteral("b.key")), QStringLiteral("-subj"),
                     QStringLiteral("/CN=Bob/O=TokenDesk"), QStringLiteral("-days"), QStringLiteral("365"),
                     QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"),
                     p(QStringLiteral("b.der"))}));
        QVERIFY(writeCert(slot, QStringLiteral("b.der"), QStringLiteral("b2"), QStringLiteral("Bob")));
        // Carol (RSA) and Dave (P-256): keys generated on the token, certificates under another ID,
        // so only the public key (modulus, EC point) pairs them.
        QVERIFY(m_ssl->key(QStringLiteral("ca.key"), QStringLiteral("ec:P-256")));
        QVERIFY(m_ssl->selfSigned(QStringLiteral("ca.pem"), QStringLiteral("ca.key"),
                                  QStringLiteral("/CN=TokenDesk Test CA"),
                                  OpensslTool::config({}, "basicConstraints = critical,CA:TRUE")));
        QVERIFY2(
            m_hsm->generateKeyPair(slot, QStringLiteral("c3"), QStringLiteral("Carol key"), QStringLiteral("rsa:2048")),
            qPrintable(m_hsm->errorString()));
        QVERIFY(certifyTokenKey(slot, QStringLiteral("c3"), QStringLiteral("Carol"), QStringLiteral("c.der")));
        QVERIFY(writeCert(slot, QStringLiteral("c.der"), QStringLiteral("c4"), QStringLiteral("Carol")));
        QVERIFY2(m_hsm->generateKeyPair(slot, QStringLiteral("d5"), QStringLiteral("Dave key"),
                                        QStringLiteral("EC:prime256v1")),
                 qPrintable(m_hsm->errorString()));
        QVERIFY(certifyTokenKey(slot, QStringLiteral("d5"), QStringLiteral("Dave"), QStringLiteral("d.der")));
        QVERIFY(writeCert(slot, QStringLiteral("d.der"), QStringLiteral("d6"), QStringLiteral("Dave")));
        m_serial = QString::fromUtf8(m_hsm->listed(kToken.toUtf8()).serial);
        QVERIFY(!m_serial.isEmpty());
    }

    void readWithoutLogin()
    {
        const ModuleRegistry registry(softhsmOnly());
        const Pkcs11Token token = findToken(registry);
        const TokenContents contents = TokenReader::read(token);
        QVERIFY(!contents.error);
        QVERIFY(!contents.loggedIn);
        QCOMPARE(contents.token.serial, m_serial);
        QCOMPARE(contents.certificates.size(), 4);
        const auto entries = byLabel(contents.certificates);
        for (auto it = m_der.cbegin(); it != m_der.cend(); ++it) {
            QVERIFY2(entries.contains(it.key()), qPrintable(it.key()));
            QVERIFY(entries.value(it.key()).info);
            QCOMPARE(entries.value(it.key()).sha256(),
                     QCryptographicHash::hash(it.value(), QCryptographicHash::Sha256));
            QVERIFY(!entries.value(it.key()).privateKey); // private: hidden before login
        }
        using KS = CertificateEntry::KeyState;
        // A public key beside the certificate says its private key hides until login.
        QCOMPARE(entries.value(QStringLiteral("Alice")).keyState, KS::Expected);
        QCOMPARE(entries.value(QStringLiteral("Alice")).publicKey->id, QByteArray::fromHex("a1"));
        QCOMPARE(entries.value(QStringLiteral("Bob")).keyState, KS::None);
        QCOMPARE(entries.value(QStringLiteral("Carol")).keyState, KS::Expected);
        QCOMPARE(entries.value(QStringLiteral("Carol")).publicKey->id, QByteArray::fromHex("c3"));
        QCOMPARE(entries.value(QStringLiteral("Dave")).keyState, KS::Expected);
        QCOMPARE(entries.value(QStringLiteral("Dave")).publicKey->id, QByteArray::fromHex("d5"));
        QVERIFY(contents.identities().isEmpty());
    }

    void readLoggedInSettlesExpectedKeys()
    {
        const ModuleRegistry registry(softhsmOnly());
        const Pkcs11Token token = findToken(registry);
        ScriptedPinPrompter prompter(SoftHsmTokens::kUserPin);
        auto contents = TokenReader::readLoggedIn(token, prompter);
        QVERIFY2(contents, qPrintable(contents ? QString() : contents.error().codeName()));
        QCOMPARE(prompter.requests.size(), 1);
        QCOMPARE(prompter.requests.constFirst().purpose, PinRequest::Purpose::Login);
        QCOMPARE(prompter.requests.constFirst().secret, PinRequest::Secret::UserPin);
        QCOMPARE(prompter.requests.constFirst().token.serial, m_serial);
        QVERIFY(contents.value().loggedIn);
        const auto entries = byLabel(contents.value().certificates);
        using KS = CertificateEntry::KeyState;
        const QList<QPair<QString, QByteArray>> identities{{QStringLiteral("Alice"), QByteArray::fromHex("a1")},
                                                           {QStringLiteral("Carol"), QByteArray::fromHex("c3")},
                                                           {QStringLiteral("Dave"), QByteArray::fromHex("d5")}};
        for (const auto& [label, keyId] : identities) {
            const CertificateEntry e = entries.value(label);
            QCOMPARE(e.keyState, KS::Present);
            QVERIFY(e.privateKey);
            QCOMPARE(e.privateKey->id, keyId);
            QCOMPARE(e.privateKey->isPrivate, std::optional<bool>(true));
            QVERIFY(e.privateKey->uri.endsWith(QLatin1String(";type=private")));
        }
        QCOMPARE(entries.value(QStringLiteral("Bob")).keyState, KS::None);
        QCOMPARE(contents.value().identities().size(), 3);

        // Logged out afterwards: a plain read hides the keys again.
        const TokenContents after = TokenReader::read(token);
        QVERIFY(!after.error);
        QCOMPARE(byLabel(after.certificates).value(QStringLiteral("Alice")).keyState, KS::Expected);
    }

    void wrongPinAndCancel()
    {
        const ModuleRegistry registry(softhsmOnly());
        const Pkcs11Token token = findToken(registry);
        ScriptedPinPrompter wrong(QStringLiteral("999999"));
        auto failed = TokenReader::readLoggedIn(token, wrong);
        QVERIFY(!failed);
        QCOMPARE(failed.error().kind, Pkcs11Error::Kind::PinIncorrect);
        QCOMPARE(wrong.requests.size(), 1); // never retried by itself
        ScriptedPinPrompter cancel(std::nullopt);
        auto cancelled = TokenReader::readLoggedIn(token, cancel);
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().kind, Pkcs11Error::Kind::Cancelled);
        // The right PIN still works: the wrong one did not lock anything here.
        ScriptedPinPrompter right(SoftHsmTokens::kUserPin);
        QVERIFY(TokenReader::readLoggedIn(token, right));
    }

    void reportListsTheCertificates()
    {
        const PeerResult run = runTokendesk({QStringLiteral("report"), QStringLiteral("--json"),
                                             QStringLiteral("--module"), SoftHsmTokens::modulePath()});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject report = json(run);
        const auto certificates = certificatesOf(report, m_serial);
        QCOMPARE(certificates.size(), 4);
        for (auto it = m_der.cbegin(); it != m_der.cend(); ++it) {
            const QString sha = sha256Hex(it.value());
            QVERIFY2(certificates.contains(sha), qPrintable(it.key()));
            const QJsonObject cert = certificates.value(sha);
            QVERIFY(writePem(*m_ssl, it.key() + QStringLiteral(".pem"), it.value()));
            compareWithOpenssl(cert, *m_ssl, it.key() + QStringLiteral(".pem"));
            if (QTest::currentTestFailed()) {
                return;
            }
            QCOMPARE(cert.value(QStringLiteral("token_label")).toString(), kToken);
            QCOMPARE(cert.value(QStringLiteral("module")).toString(), QStringLiteral("softhsm2"));
            QCOMPARE(cert.value(QStringLiteral("label")).toString(), it.key());
            QCOMPARE(cert.value(QStringLiteral("validity")).toString(), QStringLiteral("valid"));
            QCOMPARE(cert.value(QStringLiteral("pairings")).toArray(), QJsonArray());
            QCOMPARE(cert.value(QStringLiteral("has_private_key")).toBool(true), false);
            QCOMPARE(cert.value(QStringLiteral("key_state")).toString(),
                     it.key() == QLatin1String("Bob") ? QStringLiteral("none") : QStringLiteral("expected"));
            QVERIFY(cert.value(QStringLiteral("private_key_uri")).isNull());
            const auto uri = Pkcs11Uri::parse(cert.value(QStringLiteral("uri")).toString());
            QVERIFY(uri);
            QCOMPARE(uri.value().tokenSerial(), m_serial);
            QCOMPARE(uri.value().objectClass(), std::optional<ObjectInfo::Class>(ObjectInfo::Class::Certificate));
        }
        // The text form lists them too.
        const PeerResult text =
            runTokendesk({QStringLiteral("report"), QStringLiteral("--module"), SoftHsmTokens::modulePath()});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("CN=Carol") && text.out.contains("expected after login"), text.out.constData());
    }

    void certShowAndExportUri()
    {
        const QJsonObject report = json(runTokendesk({QStringLiteral("report"), QStringLiteral("--json"),
                                                      QStringLiteral("--module"), SoftHsmTokens::modulePath()}));
        const QJsonObject dave = certificatesOf(report, m_serial).value(sha256Hex(m_der.value(QStringLiteral("Dave"))));
        const QString uri = dave.value(QStringLiteral("uri")).toString();
        QVERIFY(!uri.isEmpty());
        const QStringList module{QStringLiteral("--module"), SoftHsmTokens::modulePath()};

        const PeerResult show = runTokendesk(
            QStringList{QStringLiteral("cert"), QStringLiteral("show"), uri, QStringLiteral("--json")} + module);
        QVERIFY2(show.ok(), show.describe().constData());
        const QJsonObject shown = json(show);
        compareWithOpenssl(shown, *m_ssl, QStringLiteral("Dave.pem"));
        QCOMPARE(shown.value(QStringLiteral("uri")).toString(), uri);
        QCOMPARE(shown.value(QStringLiteral("token_serial")).toString(), m_serial);
        QCOMPARE(shown.value(QStringLiteral("token_label")).toString(), kToken);
        QCOMPARE(shown.value(QStringLiteral("key_state")).toString(), QStringLiteral("expected"));
        // The chain: issued by the test CA, which is on no token and in no trust store.
        QCOMPARE(shown.value(QStringLiteral("chain")).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("missing_issuer"));
        // The same JSON as `cert show FILE`, plus where the certificate is: the token's fields
        // instead of the file's ("file": how many certificates it holds, what was skipped).
        const PeerResult file = runTokendesk({QStringLiteral("cert"), QStringLiteral("show"),
                                              m_ssl->path(QStringLiteral("d.der")), QStringLiteral("--json")});
        QVERIFY2(file.ok(), file.describe().constData());
        const QJsonObject fromFile = json(file);
        QVERIFY(fromFile.contains(QStringLiteral("file")));
        QVERIFY(!shown.contains(QStringLiteral("file")));
        for (auto it = fromFile.constBegin(); it != fromFile.constEnd(); ++it) {
            if (it.key() != QLatin1String("file")) {
                QCOMPARE(shown.value(it.key()), it.value());
            }
        }

        const PeerResult text = runTokendesk(QStringList{QStringLiteral("cert"), QStringLiteral("show"), uri} + module);
        QVERIFY2(text.ok(), text.describe().constData());
        QVERIFY(text.out.contains("CN=Dave"));
        QVERIFY(text.out.contains(uri.toUtf8()));

        const QString derOut = m_ssl->path(QStringLiteral("export.der"));
        const PeerResult der = runTokendesk(QStringList{QStringLiteral("cert"), QStringLiteral("export"), uri,
                                                        QStringLiteral("-o"), derOut, QStringLiteral("--der")} +
                                            module);
        QVERIFY2(der.ok(), der.describe().constData());
        QCOMPARE(m_ssl->read(QStringLiteral("export.der")), m_der.value(QStringLiteral("Dave")));
        const QString pemOut = m_ssl->path(QStringLiteral("export.pem"));
        const PeerResult pem = runTokendesk(
            QStringList{QStringLiteral("cert"), QStringLiteral("export"), uri, QStringLiteral("-o"), pemOut} + module);
        QVERIFY2(pem.ok(), pem.describe().constData());
        QCOMPARE(m_ssl->der(QStringLiteral("export.pem")), m_der.value(QStringLiteral("Dave")));

        // A URI naming every certificate of the token: show lists them all, export refuses.
        const QString all = QStringLiteral("pkcs11:token=%1;serial=%2;type=cert").arg(kToken, m_serial);
        const PeerResult many = runTokendesk(
            QStringList{QStringLiteral("cert"), QStringLiteral("show"), all, QStringLiteral("--json")} + module);
        QVERIFY2(many.ok(), many.describe().constData());
        QCOMPARE(json(many).value(QStringLiteral("certificates")).toArray().size(), 4);
        const PeerResult ambiguous = runTokendesk(QStringList{QStringLiteral("cert"), QStringLiteral("export"), all,
                                                              QStringLiteral("-o"), pemOut, QStringLiteral("--json")} +
                                                  module);
        QCOMPARE(ambiguous.exitCode, 1);
        QCOMPARE(json(ambiguous).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("several_objects"));
    }

    void absentTokenAndMissingObject()
    {
        const QStringList module{QStringLiteral("--module"), SoftHsmTokens::modulePath()};
        const PeerResult absent =
            runTokendesk(QStringList{QStringLiteral("cert"), QStringLiteral("show"),
                                     QStringLiteral("pkcs11:token=Gone%20Token;serial=00000000deadbeef;type=cert"),
                                     QStringLiteral("--json")} +
                         module);
        QCOMPARE(absent.exitCode, 1);
        const QJsonObject error = json(absent).value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("token_not_present"));
        QVERIFY2(error.value(QStringLiteral("message")).toString().contains(QStringLiteral("Gone Token")),
                 absent.describe().constData());
        QVERIFY2(error.value(QStringLiteral("message")).toString().contains(QStringLiteral("00000000deadbeef")),
                 absent.describe().constData());
        QVERIFY(absent.err.contains("Gone Token"));

        const PeerResult exportAbsent =
            runTokendesk(QStringList{QStringLiteral("cert"), QStringLiteral("export"),
                                     QStringLiteral("pkcs11:token=Gone%20Token;serial=00000000deadbeef;type=cert"),
                                     QStringLiteral("-o"), m_ssl->path(QStringLiteral("never.pem"))} +
                         module);
        QCOMPARE(exportAbsent.exitCode, 1);
        QVERIFY(!QFile::exists(m_ssl->path(QStringLiteral("never.pem"))));

        for (const QString& uri : {QStringLiteral("pkcs11:token=Identities;object=Nobody;type=cert"),
                                   QStringLiteral("pkcs11:token=Identities;object=Alice;type=data")}) {
            const PeerResult none = runTokendesk(
                QStringList{QStringLiteral("cert"), QStringLiteral("show"), uri, QStringLiteral("--json")} + module);
            QCOMPARE(none.exitCode, 1);
            QCOMPARE(json(none).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                     QStringLiteral("object_not_found"));
        }
    }
};

QTEST_GUILESS_MAIN(TestIdentitiesSoftHsm)
#include "tst_identities_softhsm.moc"
