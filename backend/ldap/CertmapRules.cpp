#include "CertmapRules.h"

#include <QFile>
#include <algorithm>

namespace tokendesk {

QString CertmapRule::section() const
{
    return isDefault ? QStringLiteral("SSSD's default rule") : QStringLiteral("certmap/%1/%2").arg(domain, name);
}

CertmapRule CertmapRules::defaultRule()
{
    CertmapRule rule;
    rule.matchRule = QStringLiteral("<KU>digitalSignature<EKU>clientAuth");
    rule.mapRule = QStringLiteral("LDAP:(userCertificate;binary={cert!bin})");
    rule.isDefault = true;
    return rule;
}

Result<QList<CertmapRule>, PairingError> CertmapRules::read(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        PairingError e = PairingError::make(PairingError::Code::ConfigUnreadable, path);
        e.osError = file.exists() ? EACCES : ENOENT;
        return e;
    }
    // sssd.conf is a few kilobytes; a device or an endless file is not it.
    constexpr qint64 kLimit = 1024 * 1024;
    const QByteArray text = file.read(kLimit + 1);
    if (text.size() > kLimit) {
        return PairingError::make(PairingError::Code::ConfigInvalid, path, QStringLiteral("larger than 1 MiB"));
    }
    return parse(text, path);
}

Result<QList<CertmapRule>, PairingError> CertmapRules::parse(const QByteArray& text, const QString& path)
{
    QList<CertmapRule> rules;
    CertmapRule* current = nullptr;
    int number = 0;
    for (const QByteArray& raw : text.split('\n')) {
        ++number;
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';'))) {
            continue;
        }
        if (line.startsWith(QLatin1Char('['))) {
            current = nullptr;
            if (!line.endsWith(QLatin1Char(']'))) {
                PairingError e = PairingError::make(PairingError::Code::ConfigInvalid, path, line);
                e.line = number;
                return e;
            }
            const QString section = line.mid(1, line.size() - 2).trimmed();
            const QStringList parts = section.split(QLatin1Char('/'));
            if (parts.size() == 3 && parts.at(0) == QLatin1String("certmap")) {
                CertmapRule rule;
                rule.domain = parts.at(1);
                rule.name = parts.at(2);
                rules.append(rule);
                current = &rules.last();
            }
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (!current || equals < 0) {
            continue;
        }
        const QString key = line.left(equals).trimmed();
        const QString value = line.mid(equals + 1).trimmed();
        if (key == QLatin1String("matchrule")) {
            current->matchRule = value;
        } else if (key == QLatin1String("maprule")) {
            current->mapRule = value;
        } else if (key == QLatin1String("priority")) {
            bool ok = false;
            current->priority = value.toUInt(&ok);
            if (!ok) {
                PairingError e = PairingError::make(PairingError::Code::ConfigInvalid, path, line);
                e.line = number;
                return e;
            }
        }
    }
    if (rules.isEmpty()) {
        rules.append(defaultRule());
    }
    std::stable_sort(rules.begin(), rules.end(),
                     [](const CertmapRule& a, const CertmapRule& b) { return a.priority < b.priority; });
    return rules;
}

} // namespace tokendesk
