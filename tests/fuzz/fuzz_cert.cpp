// libFuzzer entry point for the certificate parser (OpenSSL d2i plus TokenDesk's field extraction
// and name repair). The input is taken as DER, as the base64 of a PEM CERTIFICATE block, and as PEM
// text. Besides not crashing, a few invariants must hold; a broken one aborts, which the fuzzer reports.

#include "FuzzCheck.h"
#include "backend/x509/CertificateBundle.h"
#include "backend/x509/CertificateExport.h"
#include "backend/x509/CertificateParser.h"
#include "backend/x509/CertificateSummary.h"
#include "backend/x509/NameRepair.h"

#include <QCryptographicHash>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace tokendesk;

namespace {

void checkInfo(const CertificateInfo& info)
{
    FUZZ_CHECK(!info.der.isEmpty());
    FUZZ_CHECK(info.sha256 == QCryptographicHash::hash(info.der, QCryptographicHash::Sha256));
    FUZZ_CHECK(info.sha1 == QCryptographicHash::hash(info.der, QCryptographicHash::Sha1));
    FUZZ_CHECK(info.version >= 1);
    FUZZ_CHECK(!info.serial.isEmpty());
    FUZZ_CHECK(info.hasKeyUsage || info.keyUsage.isEmpty());
    FUZZ_CHECK(info.isCa() == (info.basicConstraints.present && info.basicConstraints.ca));
    for (const CertificateExtension& e : info.extensions) {
        FUZZ_CHECK(!e.oid.isEmpty());
        FUZZ_CHECK(!e.shortName.isEmpty());
        // Made from the parts when asked: OpenSSL's rendering, or the value's hex where it has none.
        const CertificateExtension::Text text = e.text();
        FUZZ_CHECK(text.known || text.text == CertificateInfo::colonHex(e.value));
    }
    // The accessors work whatever the dates hold. A fixed "now", so that a run's coverage, and so a
    // seeded run's inputs, do not depend on the day it runs (scripts/fuzz.sh --fixed).
    const QDateTime now(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
    static_cast<void>(info.validityAt(now));
    static_cast<void>(info.daysLeft(now));
    static_cast<void>(info.validityAt(info.notBefore));
    static_cast<void>(CertificateInfo::colonHex(info.publicKeySha1));

    // Its PEM is a bundle of one, with nothing skipped.
    const auto single = CertificateBundle::read(CertificateExport::toPem(info));
    FUZZ_CHECK(single.ok() && single.value().count() == 1 && single.value().der(0) == info.der &&
               !single.value().skippedAnything());

    // The directory listing's summary (a DER walk, the subject alone through OpenSSL) agrees with
    // the whole parse where it reads the certificate; where it does not (a name OpenSSL refuses and
    // the parser repairs, bytes after the certificate), the listing falls back to the whole parse.
    if (const auto summary = CertificateSummary::read(info.der)) {
        FUZZ_CHECK(summary->sha256 == info.sha256);
        FUZZ_CHECK(summary->notAfter == info.notAfter);
        FUZZ_CHECK(info.namesRepaired || summary->subject == info.subject);
    }

    // A snapshot parses back from its own DER, and from its PEM export, to the same snapshot.
    const auto again = CertificateParser::parseDer(info.der);
    FUZZ_CHECK(again.ok() && again.value() == info);
    const auto fromPem = CertificateParser::parsePem(CertificateExport::toPem(info));
    FUZZ_CHECK(fromPem.ok() && fromPem.value() == info);

    // PublicKeyShortcut reads RSA and EC keys itself: the same snapshot as OpenSSL's decoders give.
    CertificateParser::setKeyShortcut(false);
    const auto full = CertificateParser::parseDer(info.der);
    CertificateParser::setKeyShortcut(true);
    FUZZ_CHECK(full.ok() && full.value() == info);
}

void checkError(const X509Error& error)
{
    FUZZ_CHECK(!error.codeName().isEmpty());
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    const auto der = CertificateParser::parseDer(bytes);
    // Worked out from the DER when asked: the same of the bytes as of what parseDer read of them.
    FUZZ_CHECK(CertificateParser::isSelfSigned(bytes) == (der.ok() && der.value().isSelfSigned()));
    if (der) {
        checkInfo(der.value());
        FUZZ_CHECK(bytes.startsWith(der.value().der));
    } else {
        checkError(der.error());
        FUZZ_CHECK(bytes.isEmpty() == (der.error().code == X509Error::Code::Empty));
    }

    // The same bytes in a PEM block give the same answer.
    if (!bytes.isEmpty()) {
        const QByteArray pem = "-----BEGIN CERTIFICATE-----\n" + bytes.toBase64() + "\n-----END CERTIFICATE-----\n";
        const auto viaPem = CertificateParser::parsePem(pem);
        FUZZ_CHECK(viaPem.ok() == der.ok());
        if (viaPem) {
            FUZZ_CHECK(viaPem.value() == der.value());
        } else {
            FUZZ_CHECK(viaPem.error().code == der.error().code);
        }
    }

    // As text: PEM when it says so, every certificate of it.
    const auto all = CertificateParser::parseAll(bytes);
    if (all) {
        FUZZ_CHECK(!all.value().isEmpty());
        for (const CertificateInfo& info : all.value()) {
            checkInfo(info);
        }
    } else {
        checkError(all.error());
    }

    // As a bundle (cert show FILE): blocks found without parsing them; what was skipped is counted.
    if (const auto bundle = CertificateBundle::read(bytes)) {
        FUZZ_CHECK(bundle.value().count() >= 1);
        QByteArray again;
        for (qsizetype i = 0; i < bundle.value().count(); ++i) {
            FUZZ_CHECK(!bundle.value().der(i).isEmpty());
            again +=
                "-----BEGIN CERTIFICATE-----\n" + bundle.value().der(i).toBase64() + "\n-----END CERTIFICATE-----\n";
        }
        if (CertificateParser::looksLikePem(bytes)) {
            // Its blocks written back read back the same, with nothing skipped.
            const auto back = CertificateBundle::read(again);
            FUZZ_CHECK(back.ok() && back.value().count() == bundle.value().count() && !back.value().skippedAnything());
            for (qsizetype i = 0; i < back.value().count(); ++i) {
                FUZZ_CHECK(back.value().der(i) == bundle.value().der(i));
            }
        }
        if (const auto first = bundle.value().parse(0)) {
            for (const CertificateInfo& issuer : bundle.value().issuersOf(first.value())) {
                FUZZ_CHECK(issuer.der != first.value().der);
            }
        }
    } else {
        FUZZ_CHECK(bundle.error().code == X509Error::Code::Empty || bundle.error().code == X509Error::Code::BadPem ||
                   bundle.error().code == X509Error::Code::NotACertificate);
        FUZZ_CHECK(bytes.isEmpty() == (bundle.error().code == X509Error::Code::Empty));
    }

    // The name repair alone: whatever it returns is DER that reads back as one TLV.
    if (const auto repaired = NameRepair::repair(bytes)) {
        NameRepair::Tlv tlv;
        FUZZ_CHECK(NameRepair::read(*repaired, 0, repaired->size(), &tlv) == NameRepair::Header::Ok);
        FUZZ_CHECK(tlv.end() == repaired->size());
    }
    return 0;
}
