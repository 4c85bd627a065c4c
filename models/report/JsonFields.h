#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <utility>
#include <vector>

namespace tokendesk {

/// A JSON object's members as a plain list, for objects made by the thousand (the report's
/// certificates): a QJsonObject keeps its keys sorted at every insert, and QJsonDocument then
/// copies the whole tree into text, which cost more than the rest of the report's JSON.
/// writeIndented() writes the bytes QJsonDocument::toJson(Indented) writes for the same object,
/// or says it cannot: then the caller goes through toObject() and QJsonDocument.
class JsonFields
{
public:
    /// Sets `key` (a member of that name is replaced, as QJsonObject::insert does).
    void insert(const QString& key, const QJsonValue& value);
    /// insert(key, QJsonValue(text)) without the QJsonValue: a string member is kept as the QString it
    /// is (a QJsonValue copies it into a container of its own, and back out to be written).
    void insertText(const QString& key, const QString& text);
    /// insertText(), or null when `text` is empty.
    void insertTextOrNull(const QString& key, const QString& text);
    QJsonObject toObject() const;

    /// Appends the object as QJsonDocument::toJson(QJsonDocument::Indented) writes it as a value
    /// `depth` levels down: members at 4 * (depth + 1) spaces, the closing brace at 4 * depth, no
    /// newline after it. Returns false and leaves `out` as it was when a key or value is not one
    /// it writes byte for byte as Qt does: a string with a character outside printable ASCII or
    /// one JSON escapes ('"', '\'), a number that is not an integer, undefined.
    bool writeIndented(QByteArray& out, int depth) const;

private:
    struct Field
    {
        QString key;
        QJsonValue value; ///< unless `isText`
        QString text;     ///< when `isText`
        bool isText = false;
    };
    Field& field(const QString& key);

    std::vector<Field> m_fields;
};

} // namespace tokendesk
