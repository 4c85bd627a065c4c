// Tokens, objects and URIs of backend/pkcs11 against SoftHSM2 and its peers: tokens made and filled with
// pkcs11-tool and openssl, listed by us and by pkcs11-tool -L and p11tool.
// Every test makes its own token folder (SoftHsmTokens), so none shares a token.

#include "ModuleOptions.h"
#include "PeerProcess.h"
#include "SoftHsmTokens.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "backend/pkcs11/Pkcs11Text.h"

#include <QCryptographicHash>
#include <QFile>
#include <QMap>
#include <QSet>
#include <QTest>
#include <QUrl>

using namespace tokendesk;

namespace {

ModuleRegistry::Options softhsmOnly()
{
    return testmodules::only(SoftHsmTokens::modulePath());
}

QByteArray sha256(const QByteArray& der)
{
    return QCryptographicHash::hash(der, QCryptographicHash::Sha256).toHex();
}

// A URI's parts, order aside: "pkcs11:a=1;b=2" and "pkcs11:b=2;a=1" are the same URI.
QStringList parts(const QString& uri)
{
    QStringList list = uri.mid(int(qstrlen("pkcs11:"))).split(QLatin1Char(';'), Qt::SkipEmptyParts);
    list.sort();
    return list;
}

QSet<QString> normalized(const QStringList& uris)
{
    QSet<QString> set;
    for (const QString& uri : uris) {
        set.insert(parts(uri).join(QLatin1Char(';')));
    }
    return set;
}

QStringList lines(const QByteArray& out)
{
    QStringList list;
    for (const QByteArray& line : out.split('\n')) {
        if (line.startsWith("pkcs11:")) {
            list << QString::fromUtf8(line.trimmed());
        }
    }
    return list;
}

const TokenInfo* tokenWithSerial(const TokenList& tokens, const QByteArray& serial)
{
    for (const TokenInfo& t : tokens) {
        if (t.serial.toUtf8() == serial) {
            return &t;
        }
    }
    return nullptr;
}

ObjectList ofClass(const ObjectList& objects, ObjectInfo::Class cls)
{
    ObjectList list;
    for (const ObjectInfo& o : objects) {
        if (o.objectClass == cls) {
            list << o;
        }
    }
    return list;
}

} // namespace

class TestPkcs11SoftHsm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tokensMatchPkcs11ToolListing();
    void certificatesAndKeys();
    void urisAreP11toolsAndMatchBack();
    void absentTokenIsNamed();

private:
    Pkcs11Token tokenLabelled(const ModuleRegistry& registry, const QString& label);
};

void TestPkcs11SoftHsm::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("SOFTHSM2_CONF"), "run inside the bench (testbench.sh exec)");
    for (const char* peer : {"pkcs11-tool", "p11tool", "openssl", "sh"}) {
        QVERIFY2(PeerProcess::which(QString::fromLatin1(peer)), peer); // a missing peer is a failure
    }
    QVERIFY(QFile::exists(SoftHsmTokens::modulePath()));
}

Pkcs11Token TestPkcs11SoftHsm::tokenLabelled(const ModuleRegistry& registry, const QString& label)
{
    const auto uri =
        Pkcs11Uri::parse(QStringLiteral("pkcs11:token=") + QString::fromLatin1(QUrl::toPercentEncoding(label)));
    if (!uri) {
        qFatal("bad label %s", qPrintable(label));
    }
    auto tokens = registry.findTokens(uri.value());
    if (!tokens || tokens.value().size() != 1) {
        qFatal("token %s: not exactly one", qPrintable(label));
    }
    return tokens.value().constFirst();
}

void TestPkcs11SoftHsm::tokensMatchPkcs11ToolListing()
{
    SoftHsmTokens hsm;
    QVERIFY2(hsm.isValid(), qPrintable(hsm.errorString()));
    struct Label
    {
        QByteArray raw;
        QString shown;
    };
    const QList<Label> labels{
        {"TokenDesk One", QStringLiteral("TokenDesk One")},
        {QStringLiteral("Zwei \u00e9 \u00fc \u20ac").toUtf8(), QStringLiteral("Zwei \u00e9 \u00fc \u20ac")},
        {"  padded", QStringLiteral("  padded")}, // leading blanks are the label's
        {"ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345")}, // no padding at all
        {"Caf\xe9 M\xfcller", QStringLiteral("Caf\u00e9 M\u00fcller")},                           // Latin-1, not UTF-8
    };
    for (const Label& label : labels) {
        QVERIFY2(hsm.createToken(label.raw), qPrintable(hsm.errorString()));
    }

    ModuleRegistry registry(softhsmOnly());
    QCOMPARE(registry.modules().size(), 1);
    QVERIFY(registry.modules().constFirst().ok());
    QCOMPARE(registry.modules().constFirst().path, SoftHsmTokens::modulePath());
    const TokenScan scan = registry.scan();
    QVERIFY(scan.errors.isEmpty());
    // Five tokens and SoftHSM's free slot, which holds an uninitialized token.
    QCOMPARE(scan.tokens.size(), labels.size() + 1);
    QCOMPARE(
        std::count_if(scan.tokens.cbegin(), scan.tokens.cend(), [](const TokenInfo& t) { return !t.tokenInitialized; }),
        1);

    const PeerResult urls = hsm.p11tool({QStringLiteral("--list-token-urls")});
    QVERIFY2(urls.ok(), urls.describe().constData());
    QStringList ourUris;
    for (const Label& label : labels) {
        const SoftHsmTokens::Listed listed = hsm.listed(label.raw);
        QVERIFY2(listed.initialized, label.raw.constData());
        const TokenInfo* token = tokenWithSerial(scan.tokens, listed.serial);
        QVERIFY2(token, listed.serial.constData());
        QCOMPARE(token->label, label.shown);
        QCOMPARE(Pkcs11Text::trimmed(token->labelRaw), listed.label);
        QCOMPARE(token->labelRaw.size(), 32);
        QCOMPARE(token->manufacturer.toUtf8(), listed.manufacturer);
        QCOMPARE(token->model.toUtf8(), listed.model);
        QCOMPARE(token->modulePath, SoftHsmTokens::modulePath());
        QCOMPARE(token->loginRequired, listed.flags.contains("login required"));
        QCOMPARE(token->rng, listed.flags.contains("rng"));
        QCOMPARE(token->tokenInitialized, listed.flags.contains("token initialized"));
        QCOMPARE(token->userPinInitialized, listed.flags.contains("PIN initialized"));
        QVERIFY(token->userPinInitialized && token->loginRequired && !token->userPin.locked);
        QCOMPARE(QByteArray::number(token->minPinLength) + '/' + QByteArray::number(token->maxPinLength),
                 listed.pinLengths);
        QVERIFY(!token->slot.description.isEmpty());
        ourUris << token->uri;
    }
    // p11tool lists the initialized tokens with the same URIs.
    QStringList softhsmUrls;
    for (const QString& url : lines(urls.out)) {
        if (url.contains(QLatin1String("model=SoftHSM%20v2"))) {
            softhsmUrls << url;
        }
    }
    QCOMPARE(normalized(softhsmUrls), normalized(ourUris));
    // The same strings exactly: p11-kit formats for both.
    QCOMPARE(QSet<QString>(softhsmUrls.cbegin(), softhsmUrls.cend()), QSet<QString>(ourUris.cbegin(), ourUris.cend()));
}

void TestPkcs11SoftHsm::certificatesAndKeys()
{
    SoftHsmTokens hsm;
    QVERIFY2(hsm.isValid(), qPrintable(hsm.errorString()));
    quint64 slot = 0;
    QVERIFY2(hsm.createToken("Certs", &slot), qPrintable(hsm.errorString()));
    const QString utf8Label = QStringLiteral("Zertifikat f\u00fcr \u00c9lise");
    const QList<QPair<QString, QString>> certs{{QStringLiteral("01"), QStringLiteral("ec cert")},
                                               {QStringLiteral("02"), QStringLiteral("rsa cert")},
                                               {QStringLiteral("03"), utf8Label}};
    QMap<QByteArray, QByteArray> written; // id -> SHA-256 of the DER written
    for (const auto& [id, label] : certs) {
        const QByteArray der =
            hsm.writeCertificate(slot, id, label, id == QLatin1String("02") ? QStringLiteral("rsa") : QString());
        QVERIFY2(!der.isEmpty(), qPrintable(hsm.errorString()));
        written.insert(QByteArray::fromHex(id.toLatin1()), sha256(der));
    }
    QVERIFY2(hsm.generateKeyPair(slot, QStringLiteral("02"), QStringLiteral("rsa key"), QStringLiteral("rsa:2048")),
             qPrintable(hsm.errorString()));
    QVERIFY2(hsm.generateKeyPair(slot, QStringLiteral("04"), QStringLiteral("ec key"), QStringLiteral("EC:prime256v1")),
             qPrintable(hsm.errorString()));

    ModuleRegistry registry(softhsmOnly());
    const Pkcs11Token token = tokenLabelled(registry, QStringLiteral("Certs"));
    auto objects = token.objects();
    QVERIFY2(objects, qPrintable(objects ? QString() : objects.error().codeName()));

    const ObjectList certificates = ofClass(objects.value(), ObjectInfo::Class::Certificate);
    QCOMPARE(certificates.size(), 3);
    for (const ObjectInfo& cert : certificates) {
        QVERIFY2(written.contains(cert.id), cert.id.toHex().constData());
        QCOMPARE(sha256(cert.value), written.value(cert.id));      // the DER, byte for byte
        QCOMPARE(cert.certificateType, std::optional<quint64>(0)); // CKC_X_509
        QCOMPARE(cert.tokenSerial, token.info().serial);
        QVERIFY(!cert.subject.isEmpty());
        QVERIFY(cert.trusted.has_value()); // SoftHSM has CKA_TRUSTED (false here)
        QVERIFY(!*cert.trusted);
    }
    const auto byId = [&](const QByteArray& id) {
        for (const ObjectInfo& c : certificates) {
            if (c.id == id) {
                return c;
            }
        }
        return ObjectInfo();
    };
    QCOMPARE(byId("\x01").label, QStringLiteral("ec cert"));
    QCOMPARE(byId("\x03").label, utf8Label);
    QCOMPARE(byId("\x03").labelRaw, utf8Label.toUtf8());

    // Without login: the public keys, not the private ones.
    const ObjectList publicKeys = ofClass(objects.value(), ObjectInfo::Class::PublicKey);
    QCOMPARE(publicKeys.size(), 2);
    QCOMPARE(ofClass(objects.value(), ObjectInfo::Class::PrivateKey).size(), 0);
    for (const ObjectInfo& key : publicKeys) {
        if (key.id == "\x02") {
            QCOMPARE(key.keyType, ObjectInfo::KeyType::Rsa);
            QCOMPARE(key.modulusBits, 2048);
            QCOMPARE(key.label, QStringLiteral("rsa key"));
        } else {
            QCOMPARE(key.id, QByteArray("\x04"));
            QCOMPARE(key.keyType, ObjectInfo::KeyType::Ec);
            QCOMPARE(key.ecParams.toHex(), QByteArray("06082a8648ce3d030107")); // prime256v1
        }
        QCOMPARE(key.verify, std::optional<bool>(true));
    }

    // Logged in: the private keys too, with what they may do.
    const QByteArray pin = SoftHsmTokens::kUserPin.toUtf8();
    auto loggedIn = token.withSession<ObjectList>([&](Pkcs11Session& session) -> Result<ObjectList, Pkcs11Error> {
        if (auto login = session.login(Pkcs11Session::User::User, pin); !login) {
            return login.error();
        }
        ObjectQuery query;
        query.classes = {ObjectInfo::Class::PrivateKey};
        return ObjectReader::read(session, token.info(), query);
    });
    QVERIFY2(loggedIn, qPrintable(loggedIn ? QString() : loggedIn.error().codeName()));
    QCOMPARE(loggedIn.value().size(), 2);
    for (const ObjectInfo& key : loggedIn.value()) {
        QCOMPARE(key.sign, std::optional<bool>(true));
        QCOMPARE(key.sensitive, std::optional<bool>(true));
        QCOMPARE(key.alwaysAuthenticate, std::optional<bool>(false));
        QCOMPARE(key.isPrivate, std::optional<bool>(true));
        QCOMPARE(key.keyType, key.id == "\x02" ? ObjectInfo::KeyType::Rsa : ObjectInfo::KeyType::Ec);
        if (key.keyType == ObjectInfo::KeyType::Rsa) {
            QCOMPARE(key.modulusBits, 2048); // from CKA_MODULUS: SoftHSM has no CKA_MODULUS_BITS on private keys
        }
        QVERIFY(key.uri.endsWith(QLatin1String(";type=private")));
    }

    // A wrong PIN is a typed error.
    auto wrong = token.withSession<Done>(
        [](Pkcs11Session& session) { return session.login(Pkcs11Session::User::User, QByteArrayLiteral("00000000")); });
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().kind, Pkcs11Error::Kind::PinIncorrect);
    QCOMPARE(wrong.error().codeName(), QStringLiteral("CKR_PIN_INCORRECT"));
    auto after = token.refresh();
    QVERIFY(after);
    QVERIFY(after.value().userPin.countLow);
}

void TestPkcs11SoftHsm::urisAreP11toolsAndMatchBack()
{
    SoftHsmTokens hsm;
    QVERIFY2(hsm.isValid(), qPrintable(hsm.errorString()));
    quint64 slot = 0;
    QVERIFY2(hsm.createToken(QStringLiteral("URI t\u00f6ken").toUtf8(), &slot), qPrintable(hsm.errorString()));
    for (const QString& id : {QStringLiteral("01"), QStringLiteral("a0b1"), QStringLiteral("03")}) {
        QVERIFY2(!hsm.writeCertificate(slot, id, QStringLiteral("cert; %1/x").arg(id), QString()).isEmpty(),
                 qPrintable(hsm.errorString()));
    }
    QVERIFY2(hsm.generateKeyPair(slot, QStringLiteral("01"), QStringLiteral("key 1"), QStringLiteral("EC:prime256v1")),
             qPrintable(hsm.errorString()));

    ModuleRegistry registry(softhsmOnly());
    const Pkcs11Token token = tokenLabelled(registry, QStringLiteral("URI t\u00f6ken"));
    auto objects = token.objects();
    QVERIFY(objects);
    QStringList certUris;
    QStringList publicUris;
    for (const ObjectInfo& o : objects.value()) {
        publicUris << o.uri;
        if (o.objectClass == ObjectInfo::Class::Certificate) {
            certUris << o.uri;
        }
    }
    QCOMPARE(certUris.size(), 3);
    QCOMPARE(publicUris.size(), 4);

    const PeerResult allCerts =
        hsm.p11tool({QStringLiteral("--list-all-certs"), QStringLiteral("--only-urls"), token.info().uri});
    QVERIFY2(allCerts.ok(), allCerts.describe().constData());
    QCOMPARE(normalized(lines(allCerts.out)), normalized(certUris));
    const PeerResult all = hsm.p11tool({QStringLiteral("--list-all"), QStringLiteral("--only-urls"), token.info().uri});
    QVERIFY2(all.ok(), all.describe().constData());
    QCOMPARE(normalized(lines(all.out)), normalized(publicUris));

    // Every URI finds its object again, and only it.
    for (const ObjectInfo& o : objects.value()) {
        const auto uri = Pkcs11Uri::parse(o.uri);
        QVERIFY2(uri, qPrintable(o.uri));
        QVERIFY(uri.value().matchesToken(token.info()));
        QVERIFY(uri.value().matchesObject(o));
        auto found = registry.findObjects(uri.value());
        QVERIFY2(found, qPrintable(o.uri));
        QCOMPARE(found.value().size(), 1);
        QCOMPARE(found.value().constFirst(), o);
    }
    // The token URI finds the token; type=cert on it finds the three certificates.
    const auto certsOnToken = Pkcs11Uri::parse(token.info().uri + QStringLiteral(";type=cert"));
    QVERIFY(certsOnToken);
    auto found = registry.findObjects(certsOnToken.value());
    QVERIFY(found);
    QCOMPARE(found.value().size(), 3);
    // An id that is not there.
    const auto missing = Pkcs11Uri::parse(token.info().uri + QStringLiteral(";id=%ee;type=cert"));
    QVERIFY(missing);
    auto none = registry.findObjects(missing.value());
    QVERIFY(!none);
    QCOMPARE(none.error().kind, Pkcs11Error::Kind::ObjectNotFound);
}

void TestPkcs11SoftHsm::absentTokenIsNamed()
{
    SoftHsmTokens hsm;
    QVERIFY2(hsm.isValid(), qPrintable(hsm.errorString()));
    QVERIFY2(hsm.createToken("Present"), qPrintable(hsm.errorString()));
    ModuleRegistry registry(softhsmOnly());
    const auto uri = Pkcs11Uri::parse(
        QStringLiteral("pkcs11:model=SoftHSM%20v2;serial=0123456789abcdef;token=Elsewhere;id=%01;type=cert"));
    QVERIFY(uri);
    auto objects = registry.findObjects(uri.value());
    QVERIFY(!objects);
    QCOMPARE(objects.error().kind, Pkcs11Error::Kind::TokenNotPresent);
    QCOMPARE(objects.error().tokenLabel, QStringLiteral("Elsewhere"));
    QCOMPARE(objects.error().tokenSerial, QStringLiteral("0123456789abcdef"));
    QCOMPARE(objects.error().codeName(), QStringLiteral("CKR_TOKEN_NOT_PRESENT"));

    // A snapshot of a token that is gone: the same error, by the snapshot's key.
    TokenInfo gone = tokenLabelled(registry, QStringLiteral("Present")).info();
    gone.serialRaw = Pkcs11Text::padded("ffffffffffffffff", 16);
    gone.serial = QStringLiteral("ffffffffffffffff");
    auto token = registry.findToken(gone);
    QVERIFY(!token);
    QCOMPARE(token.error().kind, Pkcs11Error::Kind::TokenNotPresent);
    QCOMPARE(token.error().tokenSerial, gone.serial);
    // And a Pkcs11Token whose slot now holds another token refuses to work on it.
    const Pkcs11Token stale(registry.loaded().front(), gone);
    auto staleObjects = stale.objects();
    QVERIFY(!staleObjects);
    QCOMPARE(staleObjects.error().kind, Pkcs11Error::Kind::TokenNotPresent);
    QCOMPARE(staleObjects.error().tokenLabel, QStringLiteral("Present"));
}

QTEST_GUILESS_MAIN(TestPkcs11SoftHsm)
#include "tst_pkcs11_softhsm.moc"
