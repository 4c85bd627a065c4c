#include "CertificateRow.h"

#include "CertificateText.h"
#include "RowSupport.h"
#include "StatusPalette.h"
#include "TokenText.h"
#include "TokenTreeModel.h"

#include <QStringBuilder>

namespace tokendesk {

QString CertificateRow::searchText(const CertificateEntry& entry, const TokenInfo& token)
{
    QStringList words{entry.object.label, entry.object.uri, token.label};
    if (entry.info) {
        const CertificateInfo& info = *entry.info;
        words << info.subject << info.issuer << info.serial << QString::fromLatin1(info.sha1.toHex())
              << QString::fromLatin1(info.sha256.toHex()) << CertificateInfo::colonHex(info.sha1)
              << CertificateInfo::colonHex(info.sha256);
    } else {
        words << QString::fromLatin1(entry.sha256().toHex());
    }
    return RowSupport::searchText(words);
}

QString CertificateRow::role(const CertificateEntry& entry, const QString& name)
{
    // OpenSC's PIV and PKCS#15 emulations label a card's certificates "Certificate for PIV
    // Authentication", "Certificate for Digital Signature", ...: the role is the rest.
    static const QString kPrefix = QStringLiteral("Certificate for ");
    const auto roleOf = [&name](const ObjectInfo& object) {
        QString label = object.label.trimmed();
        if (label.startsWith(kPrefix, Qt::CaseInsensitive)) {
            label = label.mid(kPrefix.size());
        }
        // A label that only repeats the name ("Alice" for "Alice Example") tells nothing apart.
        return label.isEmpty() || name.contains(label, Qt::CaseInsensitive) ? QString() : label;
    };
    if (QString role = roleOf(entry.object); !role.isEmpty()) {
        return role;
    }
    return entry.privateKey ? roleOf(*entry.privateKey) : QString();
}

QString CertificateRow::distinction(const CertificateEntry& entry, const QString& name)
{
    if (entry.keyState == CertificateEntry::KeyState::None) {
        return {};
    }
    const QString keyRole = role(entry, name);
    if (keyRole.isEmpty()) {
        return {};
    }
    return entry.info ? TokenTreeModel::tr("%1, %2", "identity: key role, key type")
                            .arg(keyRole, CertificateText::key(entry.info->key))
                      : keyRole;
}

QVariant CertificateRow::data(const CertificateEntry& entry, const TokenInfo& token, int column, int role,
                              const QDateTime& now)
{
    const CertificateInfo* info = entry.info ? &*entry.info : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        if (column == TokenTreeModel::NameColumn) {
            QString name = info ? (info->friendlyName.isEmpty() ? info->subject : info->friendlyName)
                                : TokenText::objectLabel(entry.object);
            if (const QString distinction = CertificateRow::distinction(entry, name); !distinction.isEmpty()) {
                name += QStringLiteral(" \u2014 ") % distinction;
            }
            if (entry.keyState == CertificateEntry::KeyState::Expected) {
                name += QStringLiteral(" ") % TokenTreeModel::tr("(key expected)");
            }
            return name;
        }
        if (!info) {
            return entry.parseError ? CertificateText::error(*entry.parseError)
                                    : TokenTreeModel::tr("Unreadable certificate");
        }
        return CertificateText::validityShort(*info, now);
    case Qt::ToolTipRole: {
        if (!info) {
            return entry.parseError ? CertificateText::error(*entry.parseError) : entry.object.uri;
        }
        return TokenTreeModel::tr("Subject: %1\nIssuer: %2\n%3\n%4\nToken: %5")
            .arg(info->subject, info->issuer, CertificateText::validityDetails(*info, now),
                 TokenText::keyState(entry.keyState), TokenText::tokenLabel(token));
    }
    case Qt::DecorationRole:
        if (column == TokenTreeModel::NameColumn) {
            return RowSupport::themeIcon(entry.keyState == CertificateEntry::KeyState::None ? "application-certificate"
                                                                                            : "dialog-password");
        }
        return info ? QVariant(StatusPalette::validity(info->validityAt(now))) : QVariant();
    case Qt::ForegroundRole:
        if (column == TokenTreeModel::StatusColumn && info) {
            const CertificateValidity validity = info->validityAt(now);
            return validity == CertificateValidity::Valid ? QVariant() : StatusPalette::validity(validity);
        }
        if (column == TokenTreeModel::StatusColumn) {
            return StatusPalette::bad();
        }
        return {};
    case TokenTreeModel::KindRole:
        return static_cast<int>(TokenTreeModel::Kind::Certificate);
    case TokenTreeModel::TokenKeyRole:
        return token.key();
    case TokenTreeModel::ModulePathRole:
        return token.modulePath;
    case TokenTreeModel::ObjectUriRole:
        return entry.object.uri;
    case TokenTreeModel::CertificateSha256Role:
        return entry.sha256();
    case TokenTreeModel::SearchTextRole:
        return searchText(entry, token);
    case TokenTreeModel::ExpiryStateRole:
        return info ? QVariant(static_cast<int>(info->validityAt(now))) : QVariant();
    case TokenTreeModel::DaysLeftRole:
        return info ? QVariant(info->daysLeft(now)) : QVariant();
    case TokenTreeModel::KeyStateRole:
        return static_cast<int>(entry.keyState);
    case TokenTreeModel::CertificateEntryRole:
        return QVariant::fromValue(entry);
    default:
        return {};
    }
}

QString CertificateRow::key(const CertificateEntry& entry)
{
    return entry.object.uri % QLatin1Char('\n') % QString::fromLatin1(entry.sha256().toHex());
}

} // namespace tokendesk
