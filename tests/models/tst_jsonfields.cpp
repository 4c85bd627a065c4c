// JsonFields writes what QJsonDocument::toJson(Indented) writes for the same object, nested as the
// report's certificates are, or declines (and leaves the text as it was) where it would differ.
// CertificateReport::isoText writes what QDateTime::toString(Qt::ISODate) writes.

#include "models/report/CertificateReport.h"
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
    // Text members: kept as QString, written as Qt writes the same string; null when asked for empty.
    f.insertText(QStringLiteral("label"), QStringLiteral("c0914.der"));
    f.insertText(QStringLiteral("friendly_name"), QString());
    f.insertTextOrNull(QStringLiteral("not_after"), QStringLiteral("2027-12-06T01:54:49Z"));
    f.insertTextOrNull(QStringLiteral("not_before"), QString());
    // A text member replaced by a value and a value by a text: the last one counts.
    f.insertText(QStringLiteral("private_key_uri"), QStringLiteral("pkcs11:type=private"));
    f.insert(QStringLiteral("private_key_uri"), QJsonValue());
    f.insertText(QStringLiteral("key_state"), QStringLiteral("present"));
    return f;
}
/// Writes `fields` as Qt would, or declines (`declined`) and leaves the text untouched.
void writtenAsQtOrDeclined(const JsonFields& fields, bool declined)
{
    QByteArray out = "untouched";
    const bool written = fields.writeIndented(out, 2);
    if (!written) {
        QCOMPARE(out, QByteArray("untouched"));
    } else {
        QCOMPARE(viaFields(fields), viaQt(fields.toObject()));
    }
    QCOMPARE(!written, declined);
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

    // The order of the last object a thread wrote is kept for the next with the same keys: objects
    // with other keys, the same keys inserted in another order, and fewer keys, one after another.
    void writesAsQtWhateverCameBefore()
    {
        const auto made = [](const QStringList& keys) {
            JsonFields f;
            int value = 0;
            for (const QString& key : keys) {
                f.insert(key, ++value);
            }
            return f;
        };
        const QList<QStringList> sequence{{QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c")},
                                          {QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c")},
                                          {QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("b")},
                                          {QStringLiteral("b"), QStringLiteral("a")},
                                          {QStringLiteral("zz"), QStringLiteral("a"), QStringLiteral("c")},
                                          {QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c")},
                                          {}};
        for (const QStringList& keys : sequence) {
            const JsonFields fields = made(keys);
            const QByteArray written = viaFields(fields);
            QVERIFY(!written.isEmpty());
            QCOMPARE(written, viaQt(fields.toObject()));
        }
        QCOMPARE(viaFields(certificateLike()), viaQt(certificateLike().toObject()));
    }

    // A member whose key Qt writes escaped is declined, the first time and when the same keys come
    // again (the keys' written bytes are kept with their order), and the next object is written.
    void declinesAKeyQtEscapesEachTime()
    {
        for (const QString& odd : {QStringLiteral("k\u00e9y"), QStringLiteral("quo\"te")}) {
            JsonFields fields = certificateLike();
            fields.insert(odd, 1);
            writtenAsQtOrDeclined(fields, true);
            writtenAsQtOrDeclined(fields, true);
            writtenAsQtOrDeclined(certificateLike(), false);
            writtenAsQtOrDeclined(fields, true);
        }
    }

    void textMembersAreStrings()
    {
        const QJsonObject o = certificateLike().toObject();
        QCOMPARE(o.value(QStringLiteral("label")), QJsonValue(QStringLiteral("c0914.der")));
        QCOMPARE(o.value(QStringLiteral("friendly_name")), QJsonValue(QString())); // "" stays a string
        QCOMPARE(o.value(QStringLiteral("not_after")), QJsonValue(QStringLiteral("2027-12-06T01:54:49Z")));
        QVERIFY(o.value(QStringLiteral("not_before")).isNull());
        QVERIFY(o.value(QStringLiteral("private_key_uri")).isNull());
        QCOMPARE(o.value(QStringLiteral("key_state")), QJsonValue(QStringLiteral("present")));
        QCOMPARE(o.size(), 17);
    }

    // The report's dates without Qt's formatter where it would write the same text; Qt's elsewhere.
    void isoTextAsQt_data()
    {
        QTest::addColumn<QDateTime>("time");
        const auto utc = [](int y, int mo, int d, int h, int mi, int s, int ms = 0) {
            return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
        };
        QTest::newRow("usual") << utc(2027, 12, 6, 1, 54, 49);
        QTest::newRow("UTCTime's first") << utc(1950, 1, 1, 0, 0, 0);
        QTest::newRow("GeneralizedTime's last") << utc(9999, 12, 31, 23, 59, 59);
        QTest::newRow("year 1") << utc(1, 2, 3, 4, 5, 6);
        QTest::newRow("year 10000") << utc(10000, 1, 1, 0, 0, 0);
        QTest::newRow("before year 0") << utc(-44, 3, 15, 12, 0, 0);
        QTest::newRow("milliseconds") << utc(2026, 12, 6, 1, 2, 3, 456);
        QTest::newRow("offset") << QDateTime(QDate(2026, 6, 1), QTime(23, 30, 0), Qt::OffsetFromUTC, 5 * 3600);
        QTest::newRow("invalid") << QDateTime();
    }
    void isoTextAsQt()
    {
        QFETCH(QDateTime, time);
        QCOMPARE(CertificateReport::isoText(time), time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString());
        QCOMPARE(QJsonValue(CertificateReport::isoText(time)),
                 time.isValid() ? CertificateReport::isoOrNull(time) : QJsonValue(QString()));
    }

    // A text member is written only where Qt would write the same bytes, else declined.
    void textMatchesQtOrDeclines_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("declined");
        QTest::newRow("plain") << QStringLiteral("CN=Bench certificate 0914,O=TokenDesk Bench") << false;
        QTest::newRow("slash") << QStringLiteral("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("quote") << QStringLiteral("O=\"Quoted\"") << true;
        QTest::newRow("backslash") << QStringLiteral("CN=a\\,b") << true;
        QTest::newRow("non-ASCII") << QStringLiteral("CN=J\u00fcrgen") << true;
        QTest::newRow("control") << QStringLiteral("tab\there") << true;
    }
    void textMatchesQtOrDeclines()
    {
        QFETCH(QString, text);
        QFETCH(bool, declined);
        JsonFields fields = certificateLike();
        fields.insertText(QStringLiteral("odd"), text);
        writtenAsQtOrDeclined(fields, declined);
    }

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
        writtenAsQtOrDeclined(fields, declined);
    }
};

QTEST_GUILESS_MAIN(TestJsonFields)
#include "tst_jsonfields.moc"
