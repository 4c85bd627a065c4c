#include "ExpiryCheck.h"

#include "backend/x509/CertificateInfo.h"

#include <QHash>

namespace tokendesk {

QSet<int> ExpiryCheck::onlyCertificateExpiring(const QList<Pairing>& pairings, const QDateTime& now)
{
    const QDateTime limit = now.addDays(CertificateInfo::kExpiresSoonDays);
    // Only the logins with an expiring certificate are counted (a directory's page of 1,000
    // rows has a few, if any).
    QSet<QString> expiringLogins;
    for (const Pairing& p : pairings) {
        if (p.notAfter.isValid() && p.notAfter <= limit) {
            expiringLogins.insert(p.login);
        }
    }
    if (expiringLogins.isEmpty()) {
        return {};
    }
    // Per login: the distinct certificates (SHA-256, or the row for an unknown one) and their rows.
    QHash<QString, QSet<QByteArray>> certificates;
    QHash<QString, QList<int>> rows;
    for (int i = 0; i < pairings.size(); ++i) {
        const Pairing& p = pairings.at(i);
        if (!expiringLogins.contains(p.login)) {
            continue;
        }
        certificates[p.login].insert(p.sha256.isEmpty() ? QByteArray("row:") + QByteArray::number(i) : p.sha256);
        rows[p.login].append(i);
    }
    QSet<int> warned;
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        if (certificates.value(it.key()).size() != 1) {
            continue;
        }
        for (int i : it.value()) {
            const QDateTime notAfter = pairings.at(i).notAfter;
            if (notAfter.isValid() && notAfter <= limit) {
                warned.insert(i);
            }
        }
    }
    return warned;
}

} // namespace tokendesk
