#include "ImportPlan.h"

#include "backend/x509/CertificateParser.h"

#include <QCryptographicHash>

namespace tokendesk {

namespace {

QString commonName(const CertificateInfo& info)
{
    for (const NameEntry& entry : info.subjectEntries) {
        if (entry.shortName == QLatin1String("CN")) {
            return entry.value;
        }
    }
    return info.subject;
}

bool supportedKeyType(const QString& keyType)
{
    return keyType.startsWith(QLatin1String("RSA ")) || keyType.startsWith(QLatin1String("EC "));
}

} // namespace

ImportPlan ImportPlan::make(const Pkcs12Contents& contents, const QDateTime& now)
{
    ImportPlan plan;
    QList<CertificateInfo> parsed;
    for (const Pkcs12Certificate& certificate : contents.certificates) {
        auto info = CertificateParser::parseDer(certificate.der);
        if (!info) {
            plan.blocker = ImportError::make(ImportError::Code::Pkcs12, info.error().detail);
            Pkcs12Error error;
            error.code = Pkcs12Error::Code::Corrupt;
            error.detail = QStringLiteral("a certificate in the file does not parse: ") + info.error().codeName();
            plan.blocker->pkcs12 = error;
            return plan;
        }
        CertificateInfo value = info.value();
        if (value.friendlyName.isEmpty()) {
            value.friendlyName = certificate.friendlyName;
        }
        parsed.append(value);
    }
    if (contents.keys.empty()) {
        plan.blocker = ImportError::make(ImportError::Code::NoPrivateKey);
    }
    QList<int> taken;
    for (int k = 0; k < int(contents.keys.size()); ++k) {
        const Pkcs12Key& key = contents.keys[size_t(k)];
        const QByteArray spkiSha256 = QCryptographicHash::hash(key.publicKeyDer, QCryptographicHash::Sha256);
        int match = -1;
        for (int c = 0; c < parsed.size() && match < 0; ++c) {
            if (!taken.contains(c) && parsed[c].spkiSha256 == spkiSha256) {
                match = c;
            }
        }
        const QString keyName = key.friendlyName.isEmpty() ? key.keyType : key.friendlyName;
        if (!supportedKeyType(key.keyType)) {
            plan.blocker = ImportError::make(ImportError::Code::UnsupportedKey, key.keyType);
            continue;
        }
        if (match < 0) {
            if (!plan.blocker) {
                plan.blocker = ImportError::make(ImportError::Code::KeyWithoutCertificate, keyName);
            }
            continue;
        }
        taken.append(match);
        Identity identity;
        identity.key = k;
        identity.certificate = match;
        identity.info = parsed[match];
        identity.keyType = key.keyType;
        identity.id = parsed[match].publicKeySha1;
        const QString friendly = contents.certificates[match].friendlyName.isEmpty()
                                     ? key.friendlyName
                                     : contents.certificates[match].friendlyName;
        identity.label = friendly.isEmpty() ? commonName(parsed[match]) : friendly;
        plan.identities.append(identity);
    }
    for (int c = 0; c < parsed.size(); ++c) {
        if (!taken.contains(c)) {
            plan.chain.append(parsed[c]);
            if (!parsed[c].basicConstraints.ca) {
                plan.warnings.append({Warning::Code::NotCa, parsed[c].subject});
            }
        }
    }
    for (const CertificateInfo& info : parsed) {
        if (info.notAfter.isValid() && info.notAfter < now) {
            plan.warnings.append({Warning::Code::Expired, info.subject});
        } else if (info.notBefore.isValid() && info.notBefore > now) {
            plan.warnings.append({Warning::Code::NotYetValid, info.subject});
        } else if (info.notAfter.isValid() && info.notAfter < now.addDays(CertificateInfo::kExpiresSoonDays)) {
            plan.warnings.append({Warning::Code::ExpiresSoon, info.subject});
        }
    }
    if (contents.weakEncryption) {
        QStringList what = contents.encryptionAlgorithms;
        if (contents.macPresent && !contents.macDigest.isEmpty()) {
            what.append(QStringLiteral("MAC ") + contents.macDigest);
        }
        plan.warnings.append({Warning::Code::WeakEncryption, what.join(QStringLiteral(", "))});
    }
    return plan;
}

} // namespace tokendesk
