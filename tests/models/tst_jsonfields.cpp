// JsonFields writes what QJsonDocument::toJson(Indented) writes for the same object, nested as the
// report's certificates are, or declines (and leaves the text as it was) where it would differ.

#include "models/report/JsonFields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace tokendesk;

namespace {
/// The object as an element of an array of an object's member: depth 2, as "certificates".
QByteArray viaQt(const QJsonObject& object)
{
    const QJsonObject outer{{QStringLiteral("list"), QJsonArray{object}}};
    return QJsonDocument(outer).toJson(QJsonDocument::Indented);
}

QByteArray viaFields(const JsonFields& fields)
{
    QByteArray out = "{\n    \"list\": [\n        ";
    if (!fields.writeIndented(out, 2)) {
        return {};
    }
    return out + "\n    ]\n}\n";
}

JsonFields certificateLike()
{
    JsonFields f;
    // Inserted out of order, one key twice: the last value counts, the keys come out sorted.
    f.insert(QStringLiteral("uri"), QStringLiteral("pkcs11:token=Bench;id=%00%4B;type=cert"));
    f.insert(QStringLiteral("pairings"), QJsonArray());
    f.insert(QStringLiteral("key_usage"),
             QJsonArray{QStringLiteral("digitalSignature"), QStringLiteral("keyCertSign")});
    f.insert(QStringLiteral("key"), QJsonObject{{QStringLiteral("algorithm"), QStringLiteral("ec")},
                                                {QStringLiteral("bits"), 256},
                                                {QStringLiteral("curve"), QStringLiteral("prime256v1")}});
    f.insert(QStringLiteral("key_state"), QStringLiteral("none"));
    f.insert(QStringLiteral("has_private_key"), false);
    f.insert(QStringLiteral("identity"), true);
    f.insert(QStringLiteral("parse_error"), QJsonValue());
    f.insert(QStringLiteral("sha1"), QStringLiteral("5378de6ab3"));
    f.insert(QStringLiteral("sha256"), QStringLiteral("a45fad"));
    f.insert(QStringLiteral("empty_object"), QJsonObject());
    f.insert(QStringLiteral("nested"),
             QJsonArray{QJsonObject{{QStringLiteral("b"), -7}, {QStringLiteral("a"), 0}}, QJsonArray{}, QJsonValue()});
    f.insert(QStringLiteral("pairings"),
             QJsonArray{QJsonObject{{QStringLiteral("login"), QStringLiteral("alice")},
                                    {QStringLiteral("source"), QStringLiteral("/etc/pam_pkcs11/subject_mapping")}}});
    return f;
}
} // namespace

class TestJsonFields : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesAsQt()
    {
        const JsonFields fields = certificateLike();
        const QByteArray written = viaFields(fields);
        QVERIFY(!written.isEmpty());
        QCOMPARE(written, viaQt(fields.toObject()));
    }

    void writesEmptyAsQt() { QCOMPARE(viaFields(JsonFields()), viaQt(QJsonObject())); }

    // Qt's bytes or none, whatever the value: strings Qt escapes are declined; numbers are written
    // where they come out as Qt writes them (QJsonValue keeps an integral double as an integer).
    void matchesQtOrDeclines_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<bool>("declined");
        QTest::newRow("quote") << QJsonValue(QStringLiteral("O=\"Quoted\"")) << true;
        QTest::newRow("backslash") << QJsonValue(QStringLiteral("CN=a\\,b")) << true;
        QTest::newRow("non-ASCII") << QJsonValue(QStringLiteral("CN=J\u00fcrgen")) << true;
        QTest::newRow("control") << QJsonValue(QStringLiteral("line\nbreak")) << true;
        QTest::newRow("DEL") << QJsonValue(QStringLiteral("a\x7f")) << true;
        QTest::newRow("fraction") << QJsonValue(0.5) << true;
        QTest::newRow("huge double") << QJsonValue(1e300) << true;
        QTest::newRow("in an array") << QJsonValue(QJsonArray{QStringLiteral("ok"), QStringLiteral("\u00e9")}) << true;
        QTest::newRow("in an object key") << QJsonValue(QJsonObject{{QStringLiteral("k\u00e9y"), 1}}) << true;
        QTest::newRow("slash") << QJsonValue(QStringLiteral("a/b")) << false;
        QTest::newRow("integral double") << QJsonValue(100.0) << false;
        QTest::newRow("int") << QJsonValue(4096) << false;
        QTest::newRow("negative") << QJsonValue(qint64(-1)) << false;
        QTest::newRow("large int") << QJsonValue(qint64(1) << 53) << false;
    }
    void matchesQtOrDeclines()
    {
        QFETCH(QJsonValue, value);
        QFETCH(bool, declined);
        JsonFields fields = certificateLike();
        fields.insert(QStringLiteral("odd"), value);
        QByteArray out = "untouched";
        const bool written = fields.writeIndented(out, 2);
        if (!written) {
            QCOMPARE(out, QByteArray("untouched"));
        } else {
            QCOMPARE(viaFields(fields), viaQt(fields.toObject()));
        }
        QCOMPARE(!written, declined);
    }
};

QTEST_GUILESS_MAIN(TestJsonFields)
#include "tst_jsonfields.moc"
