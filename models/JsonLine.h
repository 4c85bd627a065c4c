#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace tokendesk {

/// One JSON object written straight into UTF-8 bytes, for output of many rows (a directory's
/// 10,000 pairings) where building a QJsonObject per row costs more than reading the row did.
/// Strings are escaped as RFC 8259 says ("\\", "\"" and control characters); keys are ASCII.
class JsonLine
{
public:
    JsonLine() : m_out("{") { m_out.reserve(512); }

    JsonLine& field(const char* key, const QString& value)
    {
        name(key);
        string(value);
        return *this;
    }
    /// A string, or null when `value` is empty.
    JsonLine& fieldOrNull(const char* key, const QString& value)
    {
        return value.isEmpty() ? null(key) : field(key, value);
    }
    JsonLine& field(const char* key, bool value)
    {
        name(key);
        m_out += value ? "true" : "false";
        return *this;
    }
    JsonLine& field(const char* key, int value)
    {
        name(key);
        m_out += QByteArray::number(value);
        return *this;
    }
    JsonLine& null(const char* key)
    {
        name(key);
        m_out += "null";
        return *this;
    }
    JsonLine& strings(const char* key, const QStringList& values)
    {
        name(key);
        m_out += '[';
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (i > 0) {
                m_out += ',';
            }
            string(values.at(i));
        }
        m_out += ']';
        return *this;
    }
    /// The object, closed.
    QByteArray finish() const { return m_out + '}'; }

private:
    void name(const char* key)
    {
        if (m_out.size() > 1) {
            m_out += ',';
        }
        m_out += '"';
        m_out += key;
        m_out += "\":";
    }
    void string(const QString& value)
    {
        static const char hex[] = "0123456789abcdef";
        m_out += '"';
        // Most values need no escape: copied whole.
        bool plain = true;
        for (const QChar c : value) {
            const char16_t u = c.unicode();
            if (u < 0x20 || u == '"' || u == '\\') {
                plain = false;
                break;
            }
        }
        if (plain) {
            m_out += value.toUtf8();
            m_out += '"';
            return;
        }
        for (const char c : value.toUtf8()) {
            const auto u = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\') {
                m_out += '\\';
                m_out += c;
            } else if (u < 0x20) {
                m_out += "\\u00";
                m_out += hex[u >> 4];
                m_out += hex[u & 0xf];
            } else {
                m_out += c;
            }
        }
        m_out += '"';
    }

    QByteArray m_out;
};

} // namespace tokendesk
