#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <vector>

namespace tokendesk {

/// The attribute descriptions as libldap takes them: a NULL-terminated char* array.
class AttributeList
{
public:
    explicit AttributeList(const QStringList& names)
    {
        for (const QString& n : names) {
            m_utf8.append(n.toUtf8());
        }
        for (QByteArray& b : m_utf8) {
            m_pointers.push_back(b.data());
        }
        m_pointers.push_back(nullptr);
    }
    char** get() { return m_pointers.data(); }

private:
    QList<QByteArray> m_utf8;
    std::vector<char*> m_pointers;
};

} // namespace tokendesk
