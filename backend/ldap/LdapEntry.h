#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <utility>
#include <vector>

namespace tokendesk {

/// One entry of a search result: its DN and the values of the attributes asked for, as the
/// server named them (attribute descriptions are compared without case, options included).
struct LdapEntry
{
    QString dn;
    std::vector<std::pair<QString, QList<QByteArray>>> attributes;

    /// The values of `description` ("uid", "userCertificate;binary"); empty when absent.
    QList<QByteArray> values(const QString& description) const
    {
        for (const auto& [name, list] : attributes) {
            if (name.compare(description, Qt::CaseInsensitive) == 0) {
                return list;
            }
        }
        return {};
    }
    /// The first value as UTF-8 text.
    QString text(const QString& description) const
    {
        const QList<QByteArray> list = values(description);
        return list.isEmpty() ? QString() : QString::fromUtf8(list.constFirst());
    }
};

} // namespace tokendesk
