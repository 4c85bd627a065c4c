// backend/pkcs11 through OpenSC's module with the simulated PIV card in the
// bench's pcscd: the token pkcs11-tool lists, the certificates the simulator
// made, removal and reinsertion, and a card pulled in the middle of reading.
//
// The pulled-card loop reads objects (Pkcs11Token::objects, which asks only
// the slot before reading) and never C_GetTokenInfo: with OpenSC 0.23 a
// C_GetTokenInfo on a PIV card in the ~0.5 s between the card leaving vpcd and
// pcscd noticing deadlocks the module for good (see Pkcs11Token::checkPresent).

#include "ModuleOptions.h"
#include "PeerProcess.h"
#include "SimCard.h"
#include "backend/pkcs11/ModuleRegistry.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QThread>
#include <atomic>
#include <mutex>
#include <thread>

using namespace tokendesk;

namespace {

ModuleRegistry::Options openscOnly()
{
    return testmodules::openscOnly();
}

PeerResult pkcs11Tool(const QStringList& args)
{
    return PeerProcess::run(QStringLiteral("pkcs11-tool"),
                            QStringList{QStringLiteral("--module"), PeerProcess::pkcs11Module()} + args);
}

// "  token label        : X" of pkcs11-tool -L, for each slot with a token.
QStringList listed(const QByteArray& listing, const char* key)
{
    QStringList values;
    const QRegularExpression re(QStringLiteral("^\\s*%1\\s*:\\s(.*)$").arg(QLatin1String(key)),
                                QRegularExpression::MultilineOption);
    auto it = re.globalMatch(QString::fromUtf8(listing));
    while (it.hasNext()) {
        values << it.next().captured(1).trimmed();
    }
    return values;
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

QByteArray sha256(const QByteArray& der)
{
    return QCryptographicHash::hash(der, QCryptographicHash::Sha256).toHex();
}

} // namespace

class TestPkcs11Piv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tokenAndObjectsMatchPkcs11Tool();
    void removedTokenIsNotPresentUntilReinserted();
    void cardPulledWhileReading();
};

void TestPkcs11Piv::initTestCase()
{
    QVERIFY2(QFile::exists(SimCard::simulatorPath()), "TOKENDESK_SIMCARD must name tokendesk-simcard");
    for (const char* var : {"PCSCLITE_CSOCK_NAME", "TOKENDESK_VPCD_PORT", "OPENSC_CONF"}) {
        QVERIFY2(qEnvironmentVariableIsSet(var), var); // run inside the bench (testbench.sh exec)
    }
    QVERIFY2(PeerProcess::which(QStringLiteral("pkcs11-tool")), "pkcs11-tool");
    QVERIFY(QFile::exists(PeerProcess::pkcs11Module()));
    for (int reader : {0, 1}) {
        QString error;
        QVERIFY2(SimCard::waitForCardPresent(reader, false, 5000, &error), qPrintable(error));
    }
}

void TestPkcs11Piv::tokenAndObjectsMatchPkcs11Tool()
{
    SimCard card;
    card.setGuid(QStringLiteral("0123456789abcdef0011223344556677"));
    QVERIFY2(card.start(), qPrintable(card.errorString()));
    const PeerResult slots = pkcs11Tool({QStringLiteral("--list-slots")});
    QVERIFY2(slots.ok(), slots.describe().constData());
    const QStringList serials = listed(slots.out, "serial num");
    QCOMPARE(serials.size(), 1);
    QVERIFY(card.guid().endsWith(serials.constFirst())); // OpenSC's serial: the GUID's tail

    ModuleRegistry registry(openscOnly());
    QCOMPARE(registry.modules().size(), 1);
    QVERIFY(registry.modules().constFirst().ok());
    QCOMPARE(registry.modules().constFirst().name, QStringLiteral("opensc-pkcs11"));
    const TokenScan scan = registry.scan();
    QVERIFY(scan.errors.isEmpty());
    QCOMPARE(scan.tokens.size(), 1);
    const TokenInfo& token = scan.tokens.constFirst();
    QCOMPARE(token.serial, serials.constFirst());
    QCOMPARE(token.label, listed(slots.out, "token label").constFirst());
    QCOMPARE(token.manufacturer, listed(slots.out, "token manufacturer").constFirst());
    QCOMPARE(token.model, listed(slots.out, "token model").constFirst());
    QVERIFY(token.loginRequired);
    QVERIFY(token.userPinInitialized);
    QVERIFY(!token.userPin.locked && !token.userPin.finalTry && !token.userPin.countLow);
    QVERIFY(token.slot.description.startsWith(SimCard::readerName(0)));
    QVERIFY(token.slot.removable);
    QVERIFY(token.slot.tokenPresent);
    // The other reader is an empty slot.
    QVERIFY(std::any_of(scan.emptySlots.cbegin(), scan.emptySlots.cend(), [](const SlotInfo& s) {
        return s.description.startsWith(SimCard::readerName(1)) && !s.tokenPresent && !s.tokenError;
    }));

    auto objects = Pkcs11Token(registry.loaded().front(), token).objects();
    QVERIFY2(objects, qPrintable(objects ? QString() : objects.error().codeName()));
    const ObjectList certificates = ofClass(objects.value(), ObjectInfo::Class::Certificate);
    QCOMPARE(certificates.size(), 2);
    for (const ObjectInfo& cert : certificates) {
        // OpenSC's ids for PIV: 01 is slot 9A, 02 slot 9C.
        QVERIFY2(cert.id == "\x01" || cert.id == "\x02", cert.id.toHex().constData());
        const QString slot = cert.id == "\x01" ? QStringLiteral("9a") : QStringLiteral("9c");
        QCOMPARE(sha256(cert.value), card.certSha256(slot));
        QCOMPARE(cert.certificateType, std::optional<quint64>(0));
    }
    const ObjectList publicKeys = ofClass(objects.value(), ObjectInfo::Class::PublicKey);
    QCOMPARE(publicKeys.size(), 2);
    // OpenSC 0.23 shows PIV private keys only after login.
    QCOMPARE(ofClass(objects.value(), ObjectInfo::Class::PrivateKey).size(), 0);
    for (const ObjectInfo& key : publicKeys) {
        const bool rsa = key.id == "\x01";
        QCOMPARE(key.keyType, rsa ? ObjectInfo::KeyType::Rsa : ObjectInfo::KeyType::Ec);
        if (rsa) {
            QCOMPARE(key.modulusBits, 2048);
        } else {
            QCOMPARE(key.ecParams.toHex(), QByteArray("06082a8648ce3d030107")); // P-256
        }
    }
    // PIV data objects (CCC, CHUID, ...) as OpenSC exposes them.
    const ObjectList data = ofClass(objects.value(), ObjectInfo::Class::Data);
    QVERIFY(std::any_of(data.cbegin(), data.cend(),
                        [](const ObjectInfo& o) { return o.label == QLatin1String("Card Holder Unique Identifier"); }));

    // As many objects of each class as pkcs11-tool -O shows.
    const PeerResult listing = pkcs11Tool({QStringLiteral("--list-objects")});
    QVERIFY2(listing.ok(), listing.describe().constData());
    QCOMPARE(int(listing.out.count("Certificate Object")), certificates.size());
    QCOMPARE(int(listing.out.count("Public Key Object")), publicKeys.size());
    QCOMPARE(int(listing.out.count("Private Key Object")), 0);
    QCOMPARE(int(listing.out.count("Data object")), data.size());

    // Logged in (the simulator's PIN, through our own C_Login): the private keys.
    const QByteArray pin = card.options().pin.isEmpty() ? QByteArrayLiteral("123456") : card.options().pin.toUtf8();
    const Pkcs11Token handle(registry.loaded().front(), token);
    auto loggedIn = handle.withSession<ObjectList>([&](Pkcs11Session& session) -> Result<ObjectList, Pkcs11Error> {
        if (auto login = session.login(Pkcs11Session::User::User, pin); !login) {
            return login.error();
        }
        return ObjectReader::read(session, handle.info());
    });
    QVERIFY2(loggedIn, qPrintable(loggedIn ? QString() : loggedIn.error().codeName()));
    const ObjectList privateKeys = ofClass(loggedIn.value(), ObjectInfo::Class::PrivateKey);
    QCOMPARE(privateKeys.size(), 2);
    for (const ObjectInfo& key : privateKeys) {
        const bool rsa = key.id == "\x01";
        QCOMPARE(key.keyType, rsa ? ObjectInfo::KeyType::Rsa : ObjectInfo::KeyType::Ec);
        QCOMPARE(key.sign, std::optional<bool>(true));
        QCOMPARE(key.sensitive, std::optional<bool>(true));
        // 9C is the PIN-always slot: the PIN before every signature.
        QCOMPARE(key.alwaysAuthenticate.value_or(false), !rsa);
        QVERIFY(key.uri.endsWith(QLatin1String(";type=private")));
    }
    QProcessEnvironment env;
    env.insert(QStringLiteral("TD_PIN"), QString::fromUtf8(pin));
    const PeerResult withLogin =
        PeerProcess::run(QStringLiteral("pkcs11-tool"),
                         {QStringLiteral("--module"), PeerProcess::pkcs11Module(), QStringLiteral("--login"),
                          QStringLiteral("--pin"), QStringLiteral("env:TD_PIN"), QStringLiteral("--list-objects")},
                         {}, env);
    QVERIFY2(withLogin.ok(), withLogin.describe().constData());
    QCOMPARE(int(withLogin.out.count("Private Key Object")), privateKeys.size());
    QCOMPARE(int(withLogin.out.count("Data object")), ofClass(loggedIn.value(), ObjectInfo::Class::Data).size());
    QCOMPARE(card.pinTriesLeft(), 3);
    QVERIFY(card.stop());
}

void TestPkcs11Piv::removedTokenIsNotPresentUntilReinserted()
{
    SimCard card;
    card.setSlots({QStringLiteral("9a=p256"), QStringLiteral("9c=p256")}); // no RSA key to make: faster
    QVERIFY2(card.start(), qPrintable(card.errorString()));
    ModuleRegistry registry(openscOnly());
    const TokenScan scan = registry.scan();
    QCOMPARE(scan.tokens.size(), 1);
    const TokenInfo token = scan.tokens.constFirst();
    const auto certs = Pkcs11Uri::parse(token.uri + QStringLiteral(";type=cert"));
    QVERIFY(certs);
    auto before = registry.findObjects(certs.value());
    QVERIFY(before);
    QCOMPARE(before.value().size(), 2);
    const Pkcs11Token handle(registry.loaded().front(), token);

    QVERIFY2(card.remove(), qPrintable(card.errorString()));
    auto absent = registry.findObjects(certs.value());
    QVERIFY(!absent);
    QCOMPARE(absent.error().kind, Pkcs11Error::Kind::TokenNotPresent);
    QCOMPARE(absent.error().tokenLabel, token.label);
    QCOMPARE(absent.error().tokenSerial, token.serial);
    // A token handle from before says the same, in its own words.
    auto stale = handle.objects();
    QVERIFY(!stale);
    QCOMPARE(stale.error().kind, Pkcs11Error::Kind::TokenNotPresent);
    QCOMPARE(stale.error().tokenSerial, token.serial);
    QCOMPARE(registry.scan().tokens.size(), 0);

    QVERIFY2(card.insert(), qPrintable(card.errorString()));
    auto again = registry.findObjects(certs.value());
    QVERIFY2(again, qPrintable(again ? QString() : again.error().codeName()));
    QCOMPARE(again.value(), before.value());
    auto reopened = handle.objects();
    QVERIFY(reopened);
    QCOMPARE(ofClass(reopened.value(), ObjectInfo::Class::Certificate), before.value());
    QVERIFY(card.stop());
}

void TestPkcs11Piv::cardPulledWhileReading()
{
    SimCard card;
    card.setSlots({QStringLiteral("9a=p256"), QStringLiteral("9c=p256")});
    QVERIFY2(card.start(), qPrintable(card.errorString()));
    ModuleRegistry registry(openscOnly());
    const TokenScan scan = registry.scan();
    QCOMPARE(scan.tokens.size(), 1);
    const Pkcs11Token token(registry.loaded().front(), scan.tokens.constFirst());
    const auto uri = Pkcs11Uri::parse(scan.tokens.constFirst().uri);
    QVERIFY(uri);
    const ObjectList expected = token.objects().valueOr({});
    QCOMPARE(ofClass(expected, ObjectInfo::Class::Certificate).size(), 2);

    for (int round = 0; round < 3; ++round) {
        std::atomic<bool> stop{false};
        std::mutex resultsLock;
        int successes = 0;
        QList<Pkcs11Error> errors;
        const auto record = [&](const Result<ObjectList, Pkcs11Error>& result) {
            const std::lock_guard<std::mutex> lock(resultsLock);
            if (result) {
                // A read that succeeds has everything: a card pulled halfway is an error, not half a list.
                successes += result.value() == expected ? 1 : 0;
                if (result.value() != expected) {
                    errors << Pkcs11Error::fromCode(0, QStringLiteral("partial list"));
                }
            } else {
                errors << result.error();
            }
        };
        std::thread reader([&] {
            while (!stop) {
                record(token.objects());
            }
        });
        ObjectQuery certificatesOnly;
        certificatesOnly.classes = {ObjectInfo::Class::Certificate};
        const ObjectList expectedCertificates = ofClass(expected, ObjectInfo::Class::Certificate);
        std::thread second([&] {
            while (!stop) {
                const auto result = token.objects(certificatesOnly);
                // Counted like the full reads: the same objects, or an error.
                record(result && result.value() == expectedCertificates ? Result<ObjectList, Pkcs11Error>(expected)
                                                                        : result);
            }
        });
        QThread::msleep(300);
        QCOMPARE(card.control(QStringLiteral("remove")), QStringLiteral("removed"));
        QString error;
        QVERIFY2(SimCard::waitForCardPresent(0, false, 5000, &error), qPrintable(error));
        QThread::msleep(300);
        stop = true;
        reader.join();
        second.join();

        QStringList kinds;
        for (const Pkcs11Error& e : std::as_const(errors)) {
            kinds << e.function + QLatin1Char(':') + e.codeName();
        }
        kinds.removeDuplicates();
        qInfo("round %d: %d complete reads, %d errors (%s)", round, successes, int(errors.size()),
              qPrintable(kinds.join(QLatin1String(", "))));
        QVERIFY2(successes > 0, "no read before the card was pulled");
        QVERIFY(!errors.isEmpty());
        for (const Pkcs11Error& e : std::as_const(errors)) {
            const bool removal = e.kind == Pkcs11Error::Kind::TokenNotPresent ||
                                 e.kind == Pkcs11Error::Kind::SessionClosed || e.kind == Pkcs11Error::Kind::DeviceError;
            QVERIFY2(removal, qPrintable(e.function + QLatin1Char(' ') + e.codeName()));
        }
        // Once the card is gone it stays a clean TokenNotPresent, for the handle and for the URI.
        auto gone = token.objects();
        QVERIFY(!gone);
        QCOMPARE(gone.error().kind, Pkcs11Error::Kind::TokenNotPresent);
        auto byUri = registry.findObjects(uri.value());
        QVERIFY(!byUri);
        QCOMPARE(byUri.error().kind, Pkcs11Error::Kind::TokenNotPresent);

        QVERIFY2(card.insert(), qPrintable(card.errorString()));
        auto back = token.objects();
        QVERIFY2(back, qPrintable(back ? QString() : back.error().codeName()));
        QCOMPARE(back.value(), expected);
    }
    QVERIFY(card.stop());
}

QTEST_GUILESS_MAIN(TestPkcs11Piv)
#include "tst_pkcs11_piv.moc"
