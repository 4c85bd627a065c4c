#include "JsonFields.h"

#include <QJsonArray>
#include <QMetaType>
#include <QVariant>
#include <algorithm>

namespace tokendesk {

namespace {

void indent(QByteArray& out, int depth)
{
    out.append(4 * depth, ' ');
}

/// Qt writes a string of printable ASCII but '"' and '\' as it is; anything else is left to it.
bool appendPlainString(QByteArray& out, const QString& text)
{
    const qsizetype start = out.size();
    out.resize(start + text.size() + 2);
    char* to = out.data() + start;
    *to++ = '"';
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u > 0x7E || u == u'"' || u == u'\\') {
            out.truncate(start);
            return false;
        }
        *to++ = static_cast<char>(u);
    }
    *to = '"';
    return true;
}

bool appendValue(QByteArray& out, const QJsonValue& value, int depth);

/// One member per line: as Qt's objectContentToJson, then the closing brace at `depth`.
template<typename Members> bool appendMembers(QByteArray& out, const Members& members, int depth)
{
    out += "{\n";
    bool first = true;
    for (const auto& [key, value] : members) {
        if (!first) {
            out += ",\n";
        }
        first = false;
        indent(out, depth + 1);
        if (!appendPlainString(out, key)) {
            return false;
        }
        out += ": ";
        if (!appendValue(out, value, depth + 1)) {
            return false;
        }
    }
    if (!first) {
        out += '\n';
    }
    indent(out, depth);
    out += '}';
    return true;
}

bool appendValue(QByteArray& out, const QJsonValue& value, int depth)
{
    switch (value.type()) {
    case QJsonValue::Null:
        out += "null";
        return true;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        return true;
    case QJsonValue::Double:
        // Qt writes an integer as digits and a double in its shortest form ("1e+02" for 100.0):
        // only the first is written here. toVariant() tells which one the value holds.
        if (value.toVariant().typeId() != QMetaType::LongLong) {
            return false;
        }
        out += QByteArray::number(value.toInteger());
        return true;
    case QJsonValue::String:
        return appendPlainString(out, value.toString());
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        out += "[\n";
        for (qsizetype i = 0; i < array.size(); ++i) {
            indent(out, depth + 1);
            if (!appendValue(out, array.at(i), depth + 1)) {
                return false;
            }
            out += i + 1 < array.size() ? ",\n" : "\n";
        }
        indent(out, depth);
        out += ']';
        return true;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        std::vector<std::pair<QString, QJsonValue>> members;
        members.reserve(static_cast<size_t>(object.size()));
        for (auto it = object.begin(); it != object.end(); ++it) {
            members.emplace_back(it.key(), it.value());
        }
        return appendMembers(out, members, depth);
    }
    case QJsonValue::Undefined:
        break;
    }
    return false;
}

} // namespace

JsonFields::Field& JsonFields::field(const QString& key)
{
    for (Field& field : m_fields) {
        if (field.key == key) {
            return field;
        }
    }
    if (m_fields.empty()) {
        m_fields.reserve(32); // a report certificate's 26 members without a reallocation on the way
    }
    m_fields.push_back(Field{key, QJsonValue(), QString(), false});
    return m_fields.back();
}

void JsonFields::insert(const QString& key, const QJsonValue& value)
{
    Field& f = field(key);
    f.value = value;
    f.text.clear();
    f.isText = false;
}

void JsonFields::insertText(const QString& key, const QString& text)
{
    Field& f = field(key);
    f.value = QJsonValue();
    f.text = text;
    f.isText = true;
}

void JsonFields::insertTextOrNull(const QString& key, const QString& text)
{
    if (text.isEmpty()) {
        insert(key, QJsonValue());
    } else {
        insertText(key, text);
    }
}

QJsonObject JsonFields::toObject() const
{
    QJsonObject object;
    for (const Field& f : m_fields) {
        object.insert(f.key, f.isText ? QJsonValue(f.text) : f.value);
    }
    return object;
}

bool JsonFields::writeIndented(QByteArray& out, int depth) const
{
    // QJsonObject's order: keys sorted by their UTF-16 code units (the keys written here are ASCII).
    // A report writes a thousand objects with the same keys inserted in the same order: the order
    // of the last object a thread wrote is checked (equal keys) and kept, not sorted again.
    // The members' keys are kept written too (`"key": `, or empty for one that is not plain).
    thread_local std::vector<QString> lastKeys;
    thread_local std::vector<size_t> lastOrder;
    thread_local std::vector<QByteArray> lastWrittenKeys; // in lastOrder's order
    bool same = lastKeys.size() == m_fields.size();
    for (size_t i = 0; same && i < m_fields.size(); ++i) {
        same = lastKeys[i] == m_fields[i].key;
    }
    if (!same) {
        // Made aside and then kept: an allocation that fails half-way leaves the last ones whole.
        std::vector<QString> keys;
        std::vector<size_t> order;
        std::vector<QByteArray> writtenKeys;
        keys.reserve(m_fields.size());
        order.reserve(m_fields.size());
        writtenKeys.reserve(m_fields.size());
        for (size_t i = 0; i < m_fields.size(); ++i) {
            keys.push_back(m_fields[i].key);
            order.push_back(i);
        }
        std::sort(order.begin(), order.end(), [this](size_t a, size_t b) { return m_fields[a].key < m_fields[b].key; });
        for (const size_t i : order) {
            QByteArray written;
            if (appendPlainString(written, m_fields[i].key)) {
                written += ": ";
            }
            writtenKeys.push_back(std::move(written));
        }
        lastKeys.swap(keys);
        lastOrder.swap(order);
        lastWrittenKeys.swap(writtenKeys);
    }
    const qsizetype mark = out.size();
    // As appendMembers, with a text member written from its QString.
    out += "{\n";
    for (size_t at = 0; at < lastOrder.size(); ++at) {
        const Field& f = m_fields[lastOrder[at]];
        if (at > 0) {
            out += ",\n";
        }
        indent(out, depth + 1);
        if (lastWrittenKeys[at].isEmpty()) {
            out.truncate(mark); // a key Qt writes with escapes
            return false;
        }
        out += lastWrittenKeys[at];
        if (!(f.isText ? appendPlainString(out, f.text) : appendValue(out, f.value, depth + 1))) {
            out.truncate(mark);
            return false;
        }
    }
    if (!lastOrder.empty()) {
        out += '\n';
    }
    indent(out, depth);
    out += '}';
    return true;
}

} // namespace tokendesk
