// The simulated card's PIV application, APDU by APDU, as OpenSC speaks to it.

#include "PivApplet.h"
#include "PivDataObjects.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/sha.h>
#include <sys/stat.h>

using namespace simcard;

namespace {

Bytes hex(const char* text)
{
    return Tlv::fromHex(text).value();
}

std::uint16_t statusOf(const Bytes& response)
{
    return static_cast<std::uint16_t>((response[response.size() - 2] << 8) | response[response.size() - 1]);
}

Bytes dataOf(const Bytes& response)
{
    return Bytes(response.begin(), response.end() - 2);
}

Bytes command(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2, const Bytes& data,
              std::optional<std::uint8_t> le = std::nullopt)
{
    Bytes c{cla, ins, p1, p2};
    if (!data.empty()) {
        c.push_back(static_cast<std::uint8_t>(data.size()));
        c.insert(c.end(), data.begin(), data.end());
    }
    if (le)
        c.push_back(*le);
    return c;
}

Bytes verifyPin(const std::string& pin)
{
    return command(0x00, 0x20, 0x00, 0x80, PivCardState::pad(pin));
}

Bytes concat(const Bytes& a, const Bytes& b)
{
    Bytes out = a;
    out.insert(out.end(), b.begin(), b.end());
    return out;
}

// 7C { 82 00, 81 <challenge> }
Bytes authTemplate(const Bytes& challenge)
{
    Bytes inner;
    Tlv::append(inner, 0x82, {});
    Tlv::append(inner, 0x81, challenge);
    return Tlv::encode(0x7C, inner);
}

// Sends the command, then GET RESPONSE while the card answers 61 xx; the data and the last status.
Bytes transmit(PivApplet& applet, const Bytes& c, std::uint16_t* status = nullptr)
{
    Bytes response = applet.process(c);
    Bytes data = dataOf(response);
    while (statusOf(response) >> 8 == 0x61) {
        const std::uint8_t le = static_cast<std::uint8_t>(statusOf(response) & 0xFF);
        response = applet.process({0x00, 0xC0, 0x00, 0x00, le});
        const Bytes more = dataOf(response);
        data.insert(data.end(), more.begin(), more.end());
    }
    if (status)
        *status = statusOf(response);
    return data;
}

PKeyPtr publicKey(const SlotKey& key)
{
    return PKeyPtr(X509_get_pubkey(key.cert.get()));
}

} // namespace

class TestPivApplet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void selectsByPartialAid();
    void refusesUnknownAidAndInstruction();
    void readsObjectsWithLe8ThenWhole();
    void certificateObjectsOnlyForSlotsWithKeys();
    void pinProtectedObjectsDependOnVerification();
    void verifyCountsAndLocks();
    void resetSecurityStatus();
    void changeReferenceData();
    void resetRetryCounterCostsPukTries();
    void rsaSignatureWithCommandChaining();
    void ecdsaSignatureIsPinAlways();
    void randomBytesFromWitness();
    void persistsEveryCounterChange();
    void stateFileRoundTrip();

private:
    Bytes select();

    PKeyPtr m_rsaKey;
    X509Ptr m_rsaCert;
    PKeyPtr m_ecKey;
    X509Ptr m_ecCert;
    std::unique_ptr<PivCardState> m_state;
    std::unique_ptr<PivApplet> m_applet;
    int m_persisted = 0;
};

void TestPivApplet::initTestCase()
{
    m_rsaKey = SimCardKeys::generate(KeyType::Rsa2048);
    m_ecKey = SimCardKeys::generate(KeyType::P256);
    QVERIFY(m_rsaKey && m_ecKey);
    m_rsaCert = SimCardKeys::selfSignedCert(m_rsaKey.get(), "CN=Test 9A");
    m_ecCert = SimCardKeys::selfSignedCert(m_ecKey.get(), "/CN=Test 9C/O=TokenDesk");
    QVERIFY(m_rsaCert && m_ecCert);
}

void TestPivApplet::init()
{
    // A fresh card per test; keys are shared because RSA generation is slow.
    m_applet.reset();
    m_state = std::make_unique<PivCardState>();
    std::string error;
    QVERIFY(m_state->initialize("123456", "12345678", 3, 3, &error));
    m_state->setGuid(hex("00112233445566778899aabbccddeeff"));
    for (auto [slot, type, key, cert] : {std::tuple{0x9A, KeyType::Rsa2048, m_rsaKey.get(), m_rsaCert.get()},
                                         std::tuple{0x9C, KeyType::P256, m_ecKey.get(), m_ecCert.get()}}) {
        SlotKey k;
        k.slot = static_cast<std::uint8_t>(slot);
        k.type = type;
        EVP_PKEY_up_ref(key);
        k.key.reset(key);
        X509_up_ref(cert);
        k.cert.reset(cert);
        m_state->setSlot(std::move(k));
    }
    m_persisted = 0;
    m_applet = std::make_unique<PivApplet>(*m_state, [this] {
        ++m_persisted;
        return true;
    });
}

Bytes TestPivApplet::select()
{
    return m_applet->process(hex("00 A4 04 00 09 A0 00 00 03 08 00 00 10 00 00"));
}

void TestPivApplet::selectsByPartialAid()
{
    const Bytes response = select();
    QCOMPARE(statusOf(response), 0x9000);
    const auto apt = Tlv::find(dataOf(response), 0x61);
    QVERIFY(apt);
    QCOMPARE(Tlv::find(*apt, 0x4F).value(), hex("00 00 10 00 01 00"));
    const auto authority = Tlv::find(*apt, 0x79);
    QVERIFY(authority);
    QCOMPARE(Tlv::find(*authority, 0x4F).value(), hex("A0 00 00 03 08"));
    QVERIFY(m_applet->selected());
    // The full AID, and P2=0C (no answer wanted).
    QCOMPARE(statusOf(m_applet->process(hex("00 A4 04 0C 0B A0 00 00 03 08 00 00 10 00 01 00"))), 0x9000);
}

void TestPivApplet::refusesUnknownAidAndInstruction()
{
    // Before any SELECT nothing answers, so other drivers' probes find nothing.
    QCOMPARE(statusOf(m_applet->process(hex("00 CB 3F FF 03 5C 01 7E 00"))), 0x6D00);
    QCOMPARE(statusOf(m_applet->process(hex("00 A4 04 00 07 62 76 01 FF 00 00 00 00"))), 0x6A82); // coolkey
    QCOMPARE(statusOf(m_applet->process(hex("00 A4 04 00 06 A0 00 00 00 01 01 00"))), 0x6A82);    // muscle
    QCOMPARE(statusOf(m_applet->process(hex("00 A4 04 00 04 A0 00 00 03 00"))), 0x6A82);          // too short
    QCOMPARE(statusOf(m_applet->process(hex("00 CA DF 30 00"))), 0x6D00);
    QCOMPARE(statusOf(select()), 0x9000);
    QCOMPARE(statusOf(m_applet->process(hex("00 50 00 00 00"))), 0x6D00);
    QCOMPARE(statusOf(m_applet->process(hex("80 CB 3F FF 03 5C 01 7E 00"))), 0x6E00);
    // A failed SELECT leaves the PIV application selected.
    QCOMPARE(statusOf(m_applet->process(hex("00 A4 04 00 06 A0 00 00 00 01 01 00"))), 0x6A82);
    QCOMPARE(statusOf(m_applet->process(hex("00 CB 3F FF 03 5C 01 7E 00"))), 0x9000);
    QCOMPARE(statusOf(m_applet->process(hex("00 CB 3F FF 05 5C 03 5F C1 FF 00"))), 0x6A82);
}

void TestPivApplet::readsObjectsWithLe8ThenWhole()
{
    select();
    const Bytes expected = PivDataObjects::certificate(SimCardKeys::certDer(m_rsaCert.get()));
    QVERIFY(expected.size() > 512);
    // Le=08: the first 8 bytes (tag and length), the rest announced with 61 xx.
    Bytes response = m_applet->process(hex("00 CB 3F FF 05 5C 03 5F C1 05 08"));
    QCOMPARE(dataOf(response), Bytes(expected.begin(), expected.begin() + 8));
    QCOMPARE(statusOf(response) >> 8, 0x61);
    // Then whole: 256 bytes at a time behind 61 xx, fetched with GET RESPONSE.
    response = m_applet->process(hex("00 CB 3F FF 05 5C 03 5F C1 05 00"));
    QCOMPARE(dataOf(response).size(), std::size_t{256});
    QCOMPARE(statusOf(response), 0x6100);
    std::uint16_t status = 0;
    QCOMPARE(transmit(*m_applet, hex("00 CB 3F FF 05 5C 03 5F C1 05 00"), &status), expected);
    QCOMPARE(status, 0x9000);
    // Another command drops what was not fetched.
    m_applet->process(hex("00 CB 3F FF 05 5C 03 5F C1 05 00"));
    m_applet->process(hex("00 20 00 80"));
    QCOMPARE(statusOf(m_applet->process(hex("00 C0 00 00 00"))), 0x6985);

    const Bytes chuid = transmit(*m_applet, hex("00 CB 3F FF 05 5C 03 5F C1 02 00"), &status);
    QCOMPARE(status, 0x9000);
    QCOMPARE(Tlv::find(Tlv::find(chuid, 0x53).value(), 0x34).value(), m_state->guid());
    const Bytes discovery = transmit(*m_applet, hex("00 CB 3F FF 03 5C 01 7E 00"), &status);
    QCOMPARE(Tlv::find(Tlv::find(discovery, 0x7E).value(), 0x4F).value(), PivApplet::aid());
    QCOMPARE(statusOf(m_applet->process(hex("00 CB 3F FF 05 5C 03 5F C1 07 00"))), 0x9000); // CCC
}

void TestPivApplet::certificateObjectsOnlyForSlotsWithKeys()
{
    select();
    std::uint16_t status = 0;
    const Bytes object = transmit(*m_applet, hex("00 CB 3F FF 05 5C 03 5F C1 0A 00"), &status);
    QCOMPARE(status, 0x9000);
    const Bytes body = Tlv::find(object, 0x53).value();
    QCOMPARE(Tlv::find(body, 0x70).value(), SimCardKeys::certDer(m_ecCert.get()));
    QVERIFY(Tlv::find(body, 0x71));
    QCOMPARE(statusOf(m_applet->process(hex("00 CB 3F FF 05 5C 03 5F C1 0B 00"))), 0x6A82); // 9D
    QCOMPARE(statusOf(m_applet->process(hex("00 CB 3F FF 05 5C 03 5F C1 01 00"))), 0x6A82); // 9E
}

void TestPivApplet::pinProtectedObjectsDependOnVerification()
{
    select();
    for (const char* c :
         {"00 CB 3F FF 05 5C 03 5F C1 09 00", "00 CB 3F FF 05 5C 03 5F C1 03 00", "00 CB 3F FF 05 5C 03 5F C1 21 00"})
        QCOMPARE(statusOf(m_applet->process(hex(c))), 0x6982);
    QCOMPARE(statusOf(m_applet->process(verifyPin("123456"))), 0x9000);
    for (const char* c :
         {"00 CB 3F FF 05 5C 03 5F C1 09 00", "00 CB 3F FF 05 5C 03 5F C1 03 00", "00 CB 3F FF 05 5C 03 5F C1 21 00"})
        QCOMPARE(statusOf(m_applet->process(hex(c))), 0x6A82);
}

void TestPivApplet::verifyCountsAndLocks()
{
    select();
    QCOMPARE(statusOf(m_applet->process(hex("00 20 00 80"))), 0x63C3);
    QCOMPARE(statusOf(m_applet->process(verifyPin("000000"))), 0x63C2);
    QCOMPARE(statusOf(m_applet->process(hex("00 20 00 80"))), 0x63C2);
    QCOMPARE(statusOf(m_applet->process(verifyPin("123456"))), 0x9000);
    QVERIFY(m_applet->pinVerified());
    QCOMPARE(statusOf(m_applet->process(hex("00 20 00 80"))), 0x9000);
    QCOMPARE(m_state->pinTriesLeft(), 3); // a right PIN restores the counter
    // Wrong length, wrong reference.
    QCOMPARE(statusOf(m_applet->process(hex("00 20 00 80 04 31 32 33 34"))), 0x6A80);
    QCOMPARE(statusOf(m_applet->process(command(0x00, 0x20, 0x00, 0x81, PivCardState::pad("12345678")))), 0x6A86);

    // A reset forgets the verification.
    m_applet->reset();
    select();
    QCOMPARE(statusOf(m_applet->process(hex("00 20 00 80"))), 0x63C3);
    QCOMPARE(statusOf(m_applet->process(verifyPin("111111"))), 0x63C2);
    QCOMPARE(statusOf(m_applet->process(verifyPin("111111"))), 0x63C1);
    QCOMPARE(statusOf(m_applet->process(verifyPin("111111"))), 0x63C0);
    QCOMPARE(m_state->pinTriesLeft(), 0);
    // Locked: even the right PIN is refused, and the status says blocked.
    QCOMPARE(statusOf(m_applet->process(verifyPin("123456"))), 0x6983);
    QCOMPARE(statusOf(m_applet->process(hex("00 20 00 80"))), 0x6983);
    QVERIFY(!m_applet->pinVerified());
}

void TestPivApplet::resetSecurityStatus()
{
    select();
    QCOMPARE(statusOf(m_applet->process(verifyPin("123456"))), 0x9000);
    QCOMPARE(statusOf(m_applet->process(hex("00 20 FF 80"))), 0x9000);
    QCOMPARE(statusOf(m_applet->process(hex("00 20 00 80"))), 0x63C3);
}

void TestPivApplet::changeReferenceData()
{
    select();
    const Bytes wrong = concat(PivCardState::pad("999999"), PivCardState::pad("654321"));
    QCOMPARE(statusOf(m_applet->process(command(0x00, 0x24, 0x00, 0x80, wrong))), 0x63C2);
    const Bytes tooShort = concat(PivCardState::pad("123456"), PivCardState::pad("1234"));
    QCOMPARE(statusOf(m_applet->process(command(0x00, 0x24, 0x00, 0x80, tooShort))), 0x6A80);
    const Bytes change = concat(PivCardState::pad("123456"), PivCardState::pad("654321"));
    QCOMPARE(statusOf(m_applet->process(command(0x00, 0x24, 0x00, 0x80, change))), 0x9000);
    QCOMPARE(m_state->pinTriesLeft(), 3);
    m_applet->reset();
    select();
    QCOMPARE(statusOf(m_applet->process(verifyPin("123456"))), 0x63C2);
    QCOMPARE(statusOf(m_applet->process(verifyPin("654321"))), 0x9000);

    // The PUK, reference 81.
    const Bytes changePuk = concat(PivCardState::pad("12345678"), PivCardState::pad("87654321"));
    QCOMPARE(statusOf(m_applet->process(command(0x00, 0x24, 0x00, 0x81, changePuk))), 0x9000);
    QCOMPARE(statusOf(m_applet->process(command(0x00, 0x24, 0x00, 0x81, changePuk))), 0x63C2);
    QCOMPARE(m_state->pukTriesLeft(), 2);
    QCOMPARE(m_state->checkPuk(PivCardState::pad("87654321")), PivCardState::Check::Ok);
}

void TestPivApplet::resetRetryCounterCostsPukTries()
{
    select();
    for (int i = 0; i < 3; ++i)
        m_applet->process(verifyPin("000000"));
    QCOMPARE(statusOf(m_applet->process(hex("00 20 00 80"))), 0x6983);

    const Bytes wrongPuk = concat(PivCardState::pad("00000000"), PivCardState::pad("222222"));
    QCOMPARE(statusOf(m_applet->process(command(0x00, 0x2C, 0x00, 0x80, wrongPuk))), 0x63C2);
    QCOMPARE(m_state->pukTriesLeft(), 2);
    QCOMPARE(m_state->pinTriesLeft(), 0);

    const Bytes unblock = concat(PivCardState::pad("12345678"), PivCardState::pad("222222"));
    QCOMPARE(statusOf(m_applet->process(command(0x00, 0x2C, 0x00, 0x80, unblock))), 0x9000);
    QCOMPARE(m_state->pukTriesLeft(), 3);
    QCOMPARE(m_state->pinTriesLeft(), 3);
    QCOMPARE(statusOf(m_applet->process(verifyPin("222222"))), 0x9000);

    // A PUK at zero is blocked for good.
    for (int i = 0; i < 3; ++i)
        m_applet->process(command(0x00, 0x2C, 0x00, 0x80, wrongPuk));
    QCOMPARE(m_state->pukTriesLeft(), 0);
    QCOMPARE(statusOf(m_applet->process(command(0x00, 0x2C, 0x00, 0x80, unblock))), 0x6983);
}

void TestPivApplet::rsaSignatureWithCommandChaining()
{
    select();
    // What OpenSC sends: the PKCS#1 v1.5 block of a SHA-256 DigestInfo, padded by the host.
    const Bytes digestInfoPrefix = hex("3031300d060960864801650304020105000420");
    const std::string message = "TokenDesk";
    Bytes digest(SHA256_DIGEST_LENGTH);
    SHA256(reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest.data());
    const Bytes digestInfo = concat(digestInfoPrefix, digest);
    Bytes block{0x00, 0x01};
    block.insert(block.end(), 256 - 3 - digestInfo.size(), 0xFF);
    block.push_back(0x00);
    block.insert(block.end(), digestInfo.begin(), digestInfo.end());
    QCOMPARE(block.size(), std::size_t{256});
    const Bytes data = authTemplate(block);

    auto sendChained = [&](std::uint16_t* status) -> Bytes {
        // CLA 10 on all blocks but the last, 255 bytes each, Le=00 on the last.
        for (std::size_t pos = 0; pos < data.size(); pos += 255) {
            const std::size_t n = std::min<std::size_t>(255, data.size() - pos);
            const bool last = pos + n == data.size();
            const Bytes chunk(data.begin() + static_cast<std::ptrdiff_t>(pos),
                              data.begin() + static_cast<std::ptrdiff_t>(pos + n));
            const Bytes c = command(last ? 0x00 : 0x10, 0x87, 0x07, 0x9A, chunk,
                                    last ? std::optional<std::uint8_t>(0x00) : std::nullopt);
            if (!last) {
                *status = statusOf(m_applet->process(c));
                if (*status != 0x9000)
                    return {}; // every block but the last is acknowledged with 90 00
                continue;
            }
            return transmit(*m_applet, c, status);
        }
        return Bytes{};
    };

    std::uint16_t status = 0;
    sendChained(&status);
    QCOMPARE(status, 0x6982); // 9A needs the PIN

    QCOMPARE(statusOf(m_applet->process(verifyPin("123456"))), 0x9000);
    const Bytes response = sendChained(&status);
    QCOMPARE(status, 0x9000);
    const Bytes signature = Tlv::find(Tlv::find(response, 0x7C).value(), 0x82).value();
    QCOMPARE(signature.size(), std::size_t{256});

    PKeyPtr pub = publicKey(*m_state->slot(0x9A));
    std::unique_ptr<EVP_PKEY_CTX, Free<EVP_PKEY_CTX_free>> ctx(EVP_PKEY_CTX_new(pub.get(), nullptr));
    QVERIFY(ctx && EVP_PKEY_verify_init(ctx.get()) == 1);
    QVERIFY(EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) == 1);
    QVERIFY(EVP_PKEY_CTX_set_signature_md(ctx.get(), EVP_sha256()) == 1);
    QCOMPARE(EVP_PKEY_verify(ctx.get(), signature.data(), signature.size(), digest.data(), digest.size()), 1);

    // 9A is not PIN-always: a second signature needs no new VERIFY.
    sendChained(&status);
    QCOMPARE(status, 0x9000);
    // Wrong algorithm reference for the slot.
    QCOMPARE(statusOf(m_applet->process(command(0x00, 0x87, 0x11, 0x9A, authTemplate(digest), 0x00))), 0x6A86);
}

void TestPivApplet::ecdsaSignatureIsPinAlways()
{
    select();
    Bytes hash(SHA256_DIGEST_LENGTH);
    const std::string message = "TokenDesk";
    SHA256(reinterpret_cast<const unsigned char*>(message.data()), message.size(), hash.data());
    const Bytes c = command(0x00, 0x87, 0x11, 0x9C, authTemplate(hash), 0x00);
    QCOMPARE(statusOf(m_applet->process(c)), 0x6982);
    QCOMPARE(statusOf(m_applet->process(verifyPin("123456"))), 0x9000);
    std::uint16_t status = 0;
    const Bytes response = transmit(*m_applet, c, &status);
    QCOMPARE(status, 0x9000);
    const Bytes signature = Tlv::find(Tlv::find(response, 0x7C).value(), 0x82).value();
    PKeyPtr pub = publicKey(*m_state->slot(0x9C));
    std::unique_ptr<EVP_PKEY_CTX, Free<EVP_PKEY_CTX_free>> ctx(EVP_PKEY_CTX_new(pub.get(), nullptr));
    QVERIFY(ctx && EVP_PKEY_verify_init(ctx.get()) == 1);
    QCOMPARE(EVP_PKEY_verify(ctx.get(), signature.data(), signature.size(), hash.data(), hash.size()), 1);
    // The verification was used up by the signature.
    QCOMPARE(statusOf(m_applet->process(c)), 0x6982);
    // A hash longer than the key (OpenSC may send SHA-384 for a P-256 key) is truncated, not refused.
    QCOMPARE(statusOf(m_applet->process(verifyPin("123456"))), 0x9000);
    const Bytes longHash(48, 0x5A);
    QCOMPARE(statusOf(m_applet->process(command(0x00, 0x87, 0x11, 0x9C, authTemplate(longHash), 0x00))), 0x9000);
    // No key in 9D.
    QCOMPARE(statusOf(m_applet->process(command(0x00, 0x87, 0x11, 0x9D, authTemplate(hash), 0x00))), 0x6A82);
}

void TestPivApplet::randomBytesFromWitness()
{
    select();
    const Bytes response = m_applet->process(hex("00 87 00 9B 04 7C 02 81 00 00"));
    QCOMPARE(statusOf(response), 0x9000);
    const Bytes witness = Tlv::find(Tlv::find(dataOf(response), 0x7C).value(), 0x81).value();
    QCOMPARE(witness.size(), std::size_t{8});
    const Bytes challenge = m_applet->process(hex("00 84 00 00 10"));
    QCOMPARE(statusOf(challenge), 0x9000);
    QCOMPARE(dataOf(challenge).size(), std::size_t{16});
}

void TestPivApplet::persistsEveryCounterChange()
{
    select();
    m_applet->process(verifyPin("000000"));
    QCOMPARE(m_persisted, 1);
    m_applet->process(hex("00 20 00 80")); // a status query changes nothing
    QCOMPARE(m_persisted, 1);
    m_applet->process(
        command(0x00, 0x24, 0x00, 0x80, concat(PivCardState::pad("123456"), PivCardState::pad("654321"))));
    QCOMPARE(m_persisted, 2);

    // A state that cannot be saved turns the answer into a memory failure.
    PivApplet failing(*m_state, [] { return false; });
    failing.process(hex("00 A4 04 00 09 A0 00 00 03 08 00 00 10 00 00"));
    QCOMPARE(statusOf(failing.process(verifyPin("654321"))), 0x6581);
}

void TestPivApplet::stateFileRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("state.json")).toStdString();
    select();
    m_applet->process(verifyPin("000000"));
    m_applet->process(
        command(0x00, 0x2C, 0x00, 0x80, concat(PivCardState::pad("00000000"), PivCardState::pad("222222"))));
    std::string error;
    QVERIFY2(m_state->save(path, &error), error.c_str());
    struct stat st
    {};
    QCOMPARE(::stat(path.c_str(), &st), 0);
    QCOMPARE(st.st_mode & 0777, 0600u); // it holds the PIN and the private keys
    QVERIFY(!QFile::exists(QString::fromStdString(path + ".tmp")));

    PivCardState loaded;
    QVERIFY2(loaded.load(path, &error), error.c_str());
    QCOMPARE(loaded.guid(), m_state->guid());
    QCOMPARE(loaded.pinTriesLeft(), 2);
    QCOMPARE(loaded.pukTriesLeft(), 2);
    QCOMPARE(loaded.pinTriesMax(), 3);
    QCOMPARE(loaded.slots().size(), std::size_t{2});
    for (const std::uint8_t slot : {0x9A, 0x9C}) {
        QVERIFY(loaded.slot(slot));
        QCOMPARE(loaded.slot(slot)->type, m_state->slot(slot)->type);
        QCOMPARE(SimCardKeys::certDer(loaded.slot(slot)->cert.get()),
                 SimCardKeys::certDer(m_state->slot(slot)->cert.get()));
        QCOMPARE(EVP_PKEY_eq(loaded.slot(slot)->key.get(), m_state->slot(slot)->key.get()), 1);
    }
    QCOMPARE(loaded.checkPin(PivCardState::pad("123456")), PivCardState::Check::Ok);

    // A file that is not a state file is refused with a reason.
    QFile junk(dir.filePath(QStringLiteral("junk.json")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("{\"version\": 7}");
    junk.close();
    PivCardState refused;
    QVERIFY(!refused.load(junk.fileName().toStdString(), &error));
    QVERIFY(!error.empty());
}

QTEST_GUILESS_MAIN(TestPivApplet)
#include "tst_pivapplet.moc"
