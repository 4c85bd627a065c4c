// libFuzzer entry point for what pairing reads from files other people edit: pam_pkcs11.conf
// (scconf), the digest and subject mapping files, PEM files (~/.eid/authorized_certificates) and
// authorized_keys lines. Besides not crashing (nor looping, nor recursing without bound), invariants:
// the mapping file's entries are lines of the input, PEM blocks are ordered byte ranges inside it,
// and a key line that parses prints back to a line that parses to the same key.

#include "FuzzCheck.h"
#include "backend/ldap/CertmapRules.h"
#include "backend/ldap/LdapUrl.h"
#include "backend/pairing/MapFileStore.h"
#include "backend/pairing/OpenSshKey.h"
#include "backend/pairing/PamConfig.h"
#include "backend/pairing/PemBlocks.h"
#include "backend/pairing/StoreFactory.h"

#include <cstdint>

using namespace tokendesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    const auto config = PamConfig::parse(input, QStringLiteral("fuzz.conf"));
    if (config) {
        for (const QString& name : config.value().useMappers()) {
            const PamMapper mapper = config.value().mapper(name);
            static_cast<void>(StoreFactory::forMapper(mapper));
        }
    } else {
        FUZZ_CHECK(config.error().code == PairingError::Code::ConfigInvalid);
        // A line for every syntax error; none for a file without a pam_pkcs11 block.
        FUZZ_CHECK(config.error().line <= input.count('\n') + 1);
        FUZZ_CHECK(config.error().line >= 1 || config.error().detail == QLatin1String("no pam_pkcs11 block"));
    }

    const int lines = int(input.count('\n')) + 1;
    for (const bool ignoreCase : {false, true}) {
        const MapFileStore store(MapFileStore::Kind::Subject, QStringLiteral("/nonexistent"), QString(), ignoreCase);
        for (const Pairing& p : store.parse(input)) {
            FUZZ_CHECK(p.line >= 1 && p.line <= lines);
            FUZZ_CHECK(!p.key.isEmpty());
        }
    }

    qsizetype previousEnd = 0;
    int certificatesBeforeStop = 0;
    bool stopped = false;
    for (const PemBlock& block : PemBlocks::split(input)) {
        FUZZ_CHECK(block.begin >= previousEnd && block.begin < block.end && block.end <= input.size());
        previousEnd = block.end;
        stopped = stopped || block.stopsReading;
        if (!stopped && !block.der.isEmpty()) {
            ++certificatesBeforeStop;
        }
    }
    // The blocks' own view agrees with OpenSSL's PEM_read_bio_X509 loop over the whole input.
    FUZZ_CHECK(certificatesBeforeStop == PemBlocks::certificatesReadByOpenSsl(input));

    // sssd.conf: the rules in priority order, SSSD's default when there is none; an error names a line.
    const auto rules = CertmapRules::parse(input, QStringLiteral("sssd.conf"));
    if (rules) {
        FUZZ_CHECK(!rules.value().isEmpty());
        for (qsizetype i = 1; i < rules.value().size(); ++i) {
            FUZZ_CHECK(rules.value().at(i - 1).priority <= rules.value().at(i).priority);
        }
    } else {
        FUZZ_CHECK(rules.error().code == PairingError::Code::ConfigInvalid);
        FUZZ_CHECK(rules.error().line >= 1 && rules.error().line <= lines);
    }

    for (const QByteArray& line : input.split('\n')) {
        // A directory's URL as --store takes it: parsed by libldap, refused or with a host and a base.
        if (const auto url = LdapUrl::parse(QString::fromUtf8(line))) {
            FUZZ_CHECK(!url.value().host.isEmpty() && !url.value().base.isEmpty() && url.value().port > 0);
        }
        static_cast<void>(OpenSshKey::readableByPam(line));
        if (const auto key = OpenSshKey::parseLine(line)) {
            const auto again = OpenSshKey::parseLine(key->toLine());
            FUZZ_CHECK(again && again->sameKey(*key));
        }
    }
    return 0;
}
