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

void JsonFields::insert(const QString& key, const QJsonValue& value)
{
    for (auto& field : m_fields) {
        if (field.first == key) {
            field.second = value;
            return;
        }
    }
    m_fields.emplace_back(key, value);
}

QJsonObject JsonFields::toObject() const
{
    QJsonObject object;
    for (const auto& [key, value] : m_fields) {
        object.insert(key, value);
    }
    return object;
}

bool JsonFields::writeIndented(QByteArray& out, int depth) const
{
    // QJsonObject's order: keys sorted by their UTF-16 code units (the keys written here are ASCII).
    auto members = m_fields;
    std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    const qsizetype mark = out.size();
    if (!appendMembers(out, members, depth)) {
        out.truncate(mark);
        return false;
    }
    return true;
}

} // namespace tokendesk
