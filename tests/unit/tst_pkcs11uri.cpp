// Pkcs11Uri: RFC 7512 URIs through p11-kit, formatted the way p11tool
// (GnuTLS) prints them, parsed back and matched against snapshots.

#include "PeerProcess.h"
#include "backend/pkcs11/Pkcs11Text.h"
#include "backend/pkcs11/Pkcs11Uri.h"

#include <QTest>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <p11-kit/uri.h>

using namespace tokendesk;

namespace {

TokenInfo token(const QByteArray& label, const QByteArray& serial, const QByteArray& model = "SoftHSM v2",
                const QByteArray& manufacturer = "SoftHSM project")
{
    // Raw fields as a module hands them over: blank-padded to the struct's sizes.
    TokenInfo t;
    t.labelRaw = Pkcs11Text::padded(label, 32);
    t.manufacturerRaw = Pkcs11Text::padded(manufacturer, 32);
    t.modelRaw = Pkcs11Text::padded(model, 16);
    t.serialRaw = Pkcs11Text::padded(serial, 16);
    t.label = Pkcs11Text::decode(t.labelRaw);
    t.serial = Pkcs11Text::decode(t.serialRaw);
    t.slot.slotId = 7;
    t.slot.descriptionRaw = Pkcs11Text::padded("Virtual PCD 00 00", 64);
    t.slot.manufacturerRaw = Pkcs11Text::padded("Virtual Smart Card Architecture", 32);
    return t;
}

ObjectInfo object(ObjectInfo::Class cls, const QByteArray& id, const QByteArray& label)
{
    ObjectInfo o;
    o.objectClass = cls;
    o.id = id;
    o.labelRaw = label;
    o.label = Pkcs11Text::decode(label);
    return o;
}

/// The object's whole URI as p11-kit formats it, made here without Pkcs11Uri: the oracle for
/// forObject, which joins a token's part formatted once and each object's own.
QString p11kitObjectUri(const TokenInfo& t, const ObjectInfo& o)
{
    const std::unique_ptr<P11KitUri, decltype(&p11_kit_uri_free)> uri(p11_kit_uri_new(), p11_kit_uri_free);
    CK_TOKEN_INFO* info = p11_kit_uri_get_token_info(uri.get());
    std::memset(info, 0, sizeof *info);
    // A field the module did not give stays zeros: p11-kit leaves it out.
    const auto copy = [](const QByteArray& raw, unsigned char* field, int size) {
        if (!raw.isEmpty()) {
            Pkcs11Text::copyTo(raw, field, size);
        }
    };
    copy(t.labelRaw, info->label, sizeof info->label);
    copy(t.manufacturerRaw, info->manufacturerID, sizeof info->manufacturerID);
    copy(t.modelRaw, info->model, sizeof info->model);
    copy(t.serialRaw, info->serialNumber, sizeof info->serialNumber);
    const auto set = [&uri](CK_ATTRIBUTE_TYPE type, const QByteArray& value) {
        CK_ATTRIBUTE a{type, const_cast<char*>(value.constData()), static_cast<CK_ULONG>(value.size())};
        QCOMPARE(p11_kit_uri_set_attribute(uri.get(), &a), P11_KIT_URI_OK);
    };
    if (!o.id.isEmpty()) {
        set(CKA_ID, o.id);
    }
    if (!o.labelRaw.isEmpty()) {
        set(CKA_LABEL, o.labelRaw);
    }
    if (o.objectClass != ObjectInfo::Class::Other) {
        const CK_OBJECT_CLASS cls = Pkcs11Uri::classCode(o.objectClass);
        set(CKA_CLASS, QByteArray(reinterpret_cast<const char*>(&cls), sizeof cls));
    }
    char* text = nullptr;
    if (p11_kit_uri_format(uri.get(), P11_KIT_URI_FOR_OBJECT_ON_TOKEN, &text) != P11_KIT_URI_OK) {
        return {};
    }
    const QString result = QString::fromUtf8(text);
    std::free(text);
    return result;
}

Pkcs11Uri parsed(const QString& text)
{
    auto uri = Pkcs11Uri::parse(text);
    if (!uri) {
        qFatal("cannot parse %s", qPrintable(text));
    }
    return uri.value();
}

} // namespace

class TestPkcs11Uri : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokenUriIsWhatP11toolPrints()
    {
        // Both strings as `p11tool --list-token-urls` printed them for SoftHSM tokens.
        QCOMPARE(Pkcs11Uri::forToken(token("First", "4ce16e91fc6cca3c")),
                 QStringLiteral("pkcs11:model=SoftHSM%20v2;manufacturer=SoftHSM%20project;serial=4ce16e91fc6cca3c;"
                                "token=First"));
        QCOMPARE(Pkcs11Uri::forToken(token(QStringLiteral("Zwei \u00e9").toUtf8(), "a88f5a0c6f82fd40")),
                 QStringLiteral("pkcs11:model=SoftHSM%20v2;manufacturer=SoftHSM%20project;serial=a88f5a0c6f82fd40;"
                                "token=Zwei%20%C3%A9"));
    }

    void systemTrustTokenAgainstP11tool()
    {
        // p11-kit-trust's token, formatted by us and listed by p11tool on this system.
        QVERIFY2(PeerProcess::which(QStringLiteral("p11tool")), "p11tool (gnutls-bin) is missing");
        const PeerResult urls = PeerProcess::run(QStringLiteral("p11tool"), {QStringLiteral("--list-token-urls")});
        QVERIFY2(urls.ok(), urls.describe().constData());
        const QString ours = Pkcs11Uri::forToken(token("System Trust", "1", "p11-kit-trust", "PKCS#11 Kit"));
        QCOMPARE(ours, QStringLiteral("pkcs11:model=p11-kit-trust;manufacturer=PKCS%2311%20Kit;serial=1;"
                                      "token=System%20Trust"));
        QVERIFY2(urls.out.split('\n').contains(ours.toUtf8()), urls.describe().constData());
    }

    void objectUriIsWhatP11toolPrints()
    {
        const TokenInfo t = token("First", "4ce16e91fc6cca3c");
        QCOMPARE(Pkcs11Uri::forObject(t, object(ObjectInfo::Class::Certificate, "\x01", "cert one")),
                 QStringLiteral("pkcs11:model=SoftHSM%20v2;manufacturer=SoftHSM%20project;serial=4ce16e91fc6cca3c;"
                                "token=First;id=%01;object=cert%20one;type=cert"));
        // No empty id= or object= parts; every class has its type= word.
        QCOMPARE(Pkcs11Uri::forObject(t, object(ObjectInfo::Class::PrivateKey, {}, {})),
                 Pkcs11Uri::forToken(t) + QStringLiteral(";type=private"));
        QVERIFY(Pkcs11Uri::forObject(t, object(ObjectInfo::Class::PublicKey, "\x02", "k"))
                    .endsWith(QLatin1String(";id=%02;object=k;type=public")));
        QVERIFY(Pkcs11Uri::forObject(t, object(ObjectInfo::Class::Data, {}, "d"))
                    .endsWith(QLatin1String(";object=d;type=data")));
        QVERIFY(Pkcs11Uri::forObject(t, object(ObjectInfo::Class::SecretKey, {}, "s"))
                    .endsWith(QLatin1String(";object=s;type=secret-key")));
    }

    void objectUrisOfTokensInTurnAsP11KitFormatsThem()
    {
        // forObject formats a token's part once per thread and joins each object's own to it:
        // the same text as p11-kit's whole URI, for objects of every kind, tokens in turn (the
        // token's part made again at each change), and tokens with empty fields.
        // Each token comes right after the one before it in this list: two that differ in label
        // only, then in serial only (two cards of a kind), in model only, in manufacturer only;
        // and one whose module gave no field at all (its part: "pkcs11:").
        const QList<TokenInfo> tokens{token("Renamed", "4ce16e91fc6cca3c"),
                                      token("First", "4ce16e91fc6cca3c"),
                                      token("First", "9999888877776666"),
                                      token("First", "9999888877776666", "Other model"),
                                      token("First", "9999888877776666", "Other model", "Other maker"),
                                      token("Second", "1111222233334444"),
                                      TokenInfo(),
                                      token("", "", "", ""),
                                      token("a;b/c%d?e", "00", "m=1", "\xc3\xa9t\xc3\xa9")};
        const QList<ObjectInfo> objects{
            object(ObjectInfo::Class::Certificate, "\x01", "cert one"),
            object(ObjectInfo::Class::PrivateKey, {}, {}),
            object(ObjectInfo::Class::PublicKey, QByteArray("\x00\xff;%", 4), "k;=/?%"),
            object(ObjectInfo::Class::Data, {}, "d"),
            object(ObjectInfo::Class::SecretKey, "\x02", {}),
            object(ObjectInfo::Class::Other, {}, {}),
            object(ObjectInfo::Class::Other, "\x03", "\xe2\x82\xac uro"),
        };
        int checked = 0;
        for (int round = 0; round < 3; ++round) {
            for (qsizetype t = 0; t < tokens.size(); ++t) {
                // Round 1: each token's objects in a row; rounds 2 and 3: the token changes each time.
                for (qsizetype i = 0; i < objects.size(); ++i) {
                    const TokenInfo& on = round == 0 ? tokens.at(t) : tokens.at((t + i + round) % tokens.size());
                    const QString expected = p11kitObjectUri(on, objects.at(i));
                    QVERIFY(expected.startsWith(QLatin1String("pkcs11:")));
                    QCOMPARE(Pkcs11Uri::forObject(on, objects.at(i)), expected);
                    ++checked;
                }
            }
        }
        QCOMPARE(checked, 3 * tokens.size() * objects.size());
    }

    void tokenUriMatchesItsToken()
    {
        const TokenInfo first = token("First", "4ce16e91fc6cca3c");
        const TokenInfo second = token("Second", "1111222233334444");
        const Pkcs11Uri uri = parsed(Pkcs11Uri::forToken(first));
        QVERIFY(uri.matchesToken(first));
        QVERIFY(!uri.matchesToken(second));
        QCOMPARE(uri.tokenLabel(), QStringLiteral("First"));
        QCOMPARE(uri.tokenSerial(), QStringLiteral("4ce16e91fc6cca3c"));
        QVERIFY(uri.hasTokenParts());
        QVERIFY(!uri.hasObjectParts());

        // Parts left out match anything; parts given must match.
        QVERIFY(parsed(QStringLiteral("pkcs11:")).matchesToken(second));
        QVERIFY(!parsed(QStringLiteral("pkcs11:")).hasTokenParts());
        QVERIFY(parsed(QStringLiteral("pkcs11:token=Second")).matchesToken(second));
        QVERIFY(!parsed(QStringLiteral("pkcs11:token=Second")).matchesToken(first));
        QVERIFY(parsed(QStringLiteral("pkcs11:serial=4ce16e91fc6cca3c")).matchesToken(first));
        QVERIFY(!parsed(QStringLiteral("pkcs11:manufacturer=Other")).matchesToken(first));
        // "token=Fir" is not a prefix match.
        QVERIFY(!parsed(QStringLiteral("pkcs11:token=Fir")).matchesToken(first));
    }

    void slotPartsMatchTheSlot()
    {
        const TokenInfo t = token("PIV", "0011223344556677");
        QVERIFY(parsed(QStringLiteral("pkcs11:slot-description=Virtual%20PCD%2000%2000")).matchesToken(t));
        QVERIFY(!parsed(QStringLiteral("pkcs11:slot-description=Virtual%20PCD%2000%2001")).matchesToken(t));
        QVERIFY(parsed(QStringLiteral("pkcs11:slot-id=7")).matchesToken(t));
        QVERIFY(!parsed(QStringLiteral("pkcs11:slot-id=8")).matchesToken(t));
        QVERIFY(parsed(QStringLiteral("pkcs11:slot-id=8")).hasTokenParts());
    }

    void objectUrisRoundTrip_data()
    {
        QTest::addColumn<int>("cls");
        QTest::addColumn<QByteArray>("id");
        QTest::addColumn<QByteArray>("label");
        QTest::newRow("cert") << int(ObjectInfo::Class::Certificate) << QByteArray("\x01") << QByteArray("cert one");
        QTest::newRow("binary id") << int(ObjectInfo::Class::PrivateKey) << QByteArray("\x00\xff\x10;", 4)
                                   << QByteArray("key");
        QTest::newRow("reserved characters")
            << int(ObjectInfo::Class::PublicKey) << QByteArray("\x02") << QByteArray("a;b=c/d?e%f&g");
        QTest::newRow("utf-8 label") << int(ObjectInfo::Class::Certificate) << QByteArray("\x03")
                                     << QStringLiteral("Zertifikat f\u00fcr \u00c9lise").toUtf8();
        QTest::newRow("latin-1 label") << int(ObjectInfo::Class::Data) << QByteArray() << QByteArray("caf\xe9");
        QTest::newRow("no label") << int(ObjectInfo::Class::Certificate) << QByteArray("\x04") << QByteArray();
    }

    void objectUrisRoundTrip()
    {
        QFETCH(int, cls);
        QFETCH(QByteArray, id);
        QFETCH(QByteArray, label);
        const TokenInfo t = token("First", "4ce16e91fc6cca3c");
        const ObjectInfo o = object(ObjectInfo::Class(cls), id, label);
        const Pkcs11Uri uri = parsed(Pkcs11Uri::forObject(t, o));
        QVERIFY(uri.matchesToken(t));
        QVERIFY(uri.matchesObject(o));
        QCOMPARE(uri.objectClass(), std::optional<ObjectInfo::Class>(ObjectInfo::Class(cls)));
        QCOMPARE(uri.id().value_or(QByteArray()), id);
        QCOMPARE(uri.label().value_or(QByteArray()), label);
        // Formatting the parsed URI again gives the same string.
        QCOMPARE(uri.toString(), Pkcs11Uri::forObject(t, o));

        ObjectInfo otherClass = o;
        otherClass.objectClass = ObjectInfo::Class(cls) == ObjectInfo::Class::Certificate
                                     ? ObjectInfo::Class::PublicKey
                                     : ObjectInfo::Class::Certificate;
        QVERIFY(!uri.matchesObject(otherClass));
        if (!id.isEmpty()) {
            ObjectInfo otherId = o;
            otherId.id = QByteArray("\x7f");
            QVERIFY(!uri.matchesObject(otherId));
            // An object without CKA_ID does not match an id= with bytes.
            otherId.id.clear();
            QVERIFY(!uri.matchesObject(otherId));
        }
        if (!label.isEmpty()) {
            ObjectInfo otherLabel = o;
            otherLabel.labelRaw = label + "x";
            QVERIFY(!uri.matchesObject(otherLabel));
        }
    }

    void latin1TokenLabel()
    {
        const TokenInfo t = token("Caf\xe9", "0000000000000001");
        QCOMPARE(t.label, QStringLiteral("Caf\u00e9"));
        const QString text = Pkcs11Uri::forToken(t);
        QVERIFY2(text.endsWith(QLatin1String(";token=Caf%E9")), qPrintable(text));
        const Pkcs11Uri uri = parsed(text);
        QVERIFY(uri.matchesToken(t));
        QCOMPARE(uri.tokenLabel(), QStringLiteral("Caf\u00e9"));
        // The UTF-8 spelling of the same word is another label.
        QVERIFY(!parsed(QStringLiteral("pkcs11:token=Caf%C3%A9")).matchesToken(t));
    }

    void moduleUris()
    {
        ModuleInfo m;
        m.name = QStringLiteral("softhsm2");
        m.path = QStringLiteral("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so");
        m.descriptionRaw = Pkcs11Text::padded("Implementation of PKCS11", 32);
        m.manufacturerRaw = Pkcs11Text::padded("SoftHSM", 32);
        m.libraryVersion = {2, 6};
        const QString text = Pkcs11Uri::forModule(m);
        QCOMPARE(text, QStringLiteral("pkcs11:library-description=Implementation%20of%20PKCS11;"
                                      "library-manufacturer=SoftHSM;library-version=2.6"));
        QVERIFY(parsed(text).matchesModule(m));
        ModuleInfo other = m;
        other.libraryVersion = {2, 5};
        QVERIFY(!parsed(text).matchesModule(other));
        // RFC 7512 query attributes: the library's name without "lib" and ".so", or its path.
        QVERIFY(parsed(QStringLiteral("pkcs11:?module-name=softhsm2")).matchesModule(m));
        QVERIFY(!parsed(QStringLiteral("pkcs11:?module-name=opensc-pkcs11")).matchesModule(m));
        QVERIFY(parsed(QStringLiteral("pkcs11:token=x?module-path=") + m.path).matchesModule(m));
        QVERIFY(!parsed(QStringLiteral("pkcs11:?module-path=/nonexistent/libsofthsm2.so")).matchesModule(m));
    }

    void invalidUris()
    {
        for (const QString& bad : {QStringLiteral("http://example.org"), QStringLiteral("pkcs11:id=%zz"),
                                   QStringLiteral(""), QStringLiteral("token=First")}) {
            const auto uri = Pkcs11Uri::parse(bad);
            QVERIFY2(!uri, qPrintable(bad));
            QCOMPARE(uri.error().kind, Pkcs11Error::Kind::InvalidUri);
            QCOMPARE(uri.error().detail, bad);
            QCOMPARE(uri.error().codeName(), QStringLiteral("invalid_uri"));
        }
        // A part p11-kit does not know parses, and then matches nothing.
        const auto unknown = Pkcs11Uri::parse(QStringLiteral("pkcs11:token=First;x-unknown=1"));
        QVERIFY(unknown);
        QVERIFY(!unknown.value().matchesToken(token("First", "4ce16e91fc6cca3c")));
    }
};

QTEST_GUILESS_MAIN(TestPkcs11Uri)
#include "tst_pkcs11uri.moc"
