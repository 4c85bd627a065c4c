// libFuzzer entry point for PKCS#12 files (Pkcs12Reader: OpenSSL's d2i, TokenDesk's own walk over the
// safes and bags, the algorithm checks, the password retries). The first byte chooses the password the
// seed corpus was made with: 0 none (absent and empty are both tried), 1 "pw", 2 "pässwörd€" (UTF-8,
// and so the pre-OpenSSL-1.1 conversion); the rest is the file. Besides not crashing, invariants: a
// success has whole keys and certificates, an error is one parse() can give, never Internal.

#include "FuzzCheck.h"
#include "backend/x509/Pkcs12Reader.h"

#include <QSet>
#include <cstdint>

using namespace tokendesk;
using Code = Pkcs12Error::Code;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0) {
        return 0;
    }
    static const QByteArray passwords[] = {QByteArray(), QByteArray("pw"),
                                           QByteArray("p\xC3\xA4ssw\xC3\xB6rd\xE2\x82\xAC")};
    const QByteArray& chosen = passwords[data[0] % 3];
    const SecureBytes password(chosen.constData(), chosen.size());
    const QByteArray der(reinterpret_cast<const char*>(data) + 1, static_cast<qsizetype>(size - 1));

    const auto result = Pkcs12Reader::parse(der, password);
    if (!result) {
        const Pkcs12Error& e = result.error();
        FUZZ_CHECK(!e.codeName().isEmpty());
        FUZZ_CHECK(e.path.isEmpty());
        FUZZ_CHECK((e.code == Code::Empty) == der.isEmpty());
        FUZZ_CHECK(e.code == Code::Empty || e.code == Code::Corrupt || e.code == Code::WrongPassword ||
                   e.code == Code::UnsupportedAlgorithm);
        return 0;
    }
    const Pkcs12Contents& c = result.value();
    FUZZ_CHECK(c.macPresent == !c.macDigest.isEmpty());
    FUZZ_CHECK(QSet<QString>(c.encryptionAlgorithms.begin(), c.encryptionAlgorithms.end()).size() ==
               c.encryptionAlgorithms.size());
    for (const QString& name : c.encryptionAlgorithms) {
        FUZZ_CHECK(!name.isEmpty());
        // PKCS#5 v1 and PKCS#12 PBEs are all RC2, RC4, DES or 3DES.
        FUZZ_CHECK(c.weakEncryption || !name.startsWith(QLatin1String("pbeWith")));
    }
    // The conversion only changes non-ASCII passwords, so only the third one can need it.
    FUZZ_CHECK(!c.legacyPasswordConversion || data[0] % 3 == 2);
    for (const Pkcs12Key& key : c.keys) {
        FUZZ_CHECK(!key.pkcs8.isEmpty());
        FUZZ_CHECK(!key.publicKeyDer.isEmpty());
        FUZZ_CHECK(!key.keyType.isEmpty());
    }
    for (const Pkcs12Certificate& certificate : c.certificates) {
        FUZZ_CHECK(!certificate.der.isEmpty());
    }
    return 0;
}
