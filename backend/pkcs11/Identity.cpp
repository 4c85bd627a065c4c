#include "Identity.h"

#include <QCryptographicHash>

namespace tokendesk {

QByteArray CertificateEntry::sha256() const
{
    if (info) {
        return info->sha256;
    }
    // Not a certificate OpenSSL reads: still keyed by its bytes.
    return QCryptographicHash::hash(object.value, QCryptographicHash::Sha256);
}

QList<CertificateEntry> TokenContents::identities() const
{
    QList<CertificateEntry> result;
    for (const CertificateEntry& entry : certificates) {
        if (entry.isIdentity()) {
            result.append(entry);
        }
    }
    return result;
}

} // namespace tokendesk
