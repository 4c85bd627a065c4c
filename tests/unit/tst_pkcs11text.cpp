// Pkcs11Text: the fixed-size, blank-padded text fields of PKCS#11 (token
// label, manufacturer, model, serial) and CKA_LABEL values, which are not
// always UTF-8.

#include "backend/pkcs11/Pkcs11Text.h"

#include <QTest>

using tokendesk::Pkcs11Text;

class TestPkcs11Text : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blankPaddingIsTrimmed()
    {
        QCOMPARE(Pkcs11Text::trimmed(Pkcs11Text::padded("First", 32)), QByteArray("First"));
        QCOMPARE(Pkcs11Text::decode(Pkcs11Text::padded("First", 32)), QStringLiteral("First"));
        // Leading and inner blanks are the label's own.
        QCOMPARE(Pkcs11Text::decode(Pkcs11Text::padded("  two  words", 32)), QStringLiteral("  two  words"));
        // All blanks: an empty label.
        QCOMPARE(Pkcs11Text::decode(QByteArray(32, ' ')), QString());
        // A field filled to the last byte has no padding at all.
        const QByteArray full(32, 'x');
        QCOMPARE(Pkcs11Text::decode(full), QString(32, QLatin1Char('x')));
    }

    void nulPaddingIsTrimmed()
    {
        // Some modules pad with NUL, or end the text with one and pad after it.
        QByteArray field("Serial", 6);
        field.append(10, '\0');
        QCOMPARE(Pkcs11Text::decode(field), QStringLiteral("Serial"));
        QByteArray mixed("Mixed");
        mixed.append('\0').append(QByteArray(10, ' '));
        QCOMPARE(Pkcs11Text::decode(mixed), QStringLiteral("Mixed"));
    }

    void utf8IsDecoded()
    {
        const QString label = QStringLiteral("Zwei \u00e9 \u00fc \u20ac");
        QCOMPARE(Pkcs11Text::decode(Pkcs11Text::padded(label.toUtf8(), 32)), label);
        QVERIFY(Pkcs11Text::isUtf8(label.toUtf8()));
    }

    void latin1IsTheFallback()
    {
        // "Caf\xe9 M\xfcller" is Latin-1: not valid UTF-8, shown as Latin-1.
        const QByteArray latin1("Caf\xe9 M\xfcller");
        QVERIFY(!Pkcs11Text::isUtf8(latin1));
        QCOMPARE(Pkcs11Text::decode(Pkcs11Text::padded(latin1, 32)), QStringLiteral("Caf\u00e9 M\u00fcller"));
        // A lone continuation byte, an overlong form: not UTF-8 either.
        QCOMPARE(Pkcs11Text::decode(QByteArray("a\x80z")), QStringLiteral("a\u0080z"));
        QCOMPARE(Pkcs11Text::decode(QByteArray("\xc0\xaf")), QStringLiteral("\u00c0\u00af"));
    }

    void utf8CutByTheFieldEndDropsTheCutCharacter()
    {
        // 31 ASCII bytes and the first byte of a two-byte character: a tool cut
        // a UTF-8 label at 32 bytes. The label is the 31 bytes, not Latin-1 junk.
        QByteArray field(31, 'a');
        field.append("\xc3");
        QCOMPARE(Pkcs11Text::decodeField(field), QString(31, QLatin1Char('a')));
        QByteArray euro(30, 'b');
        euro.append("\xe2\x82"); // two of the euro sign's three bytes
        QCOMPARE(Pkcs11Text::decodeField(euro), QString(30, QLatin1Char('b')));
        // A field with padding was not cut: a Latin-1 letter at its end is a letter.
        QCOMPARE(Pkcs11Text::decodeField(Pkcs11Text::padded("Caf\xe9", 32)), QStringLiteral("Caf\u00e9"));
        // Neither is a CKA_LABEL value, which has no fixed size.
        QCOMPARE(Pkcs11Text::decode(QByteArray("Caf\xe9")), QStringLiteral("Caf\u00e9"));
        // An invalid byte inside stays Latin-1, cut or not.
        QByteArray inside(30, 'x');
        inside.append("\xe9\xc3");
        QCOMPARE(Pkcs11Text::decodeField(inside), QString(30, QLatin1Char('x')) + QStringLiteral("\u00e9\u00c3"));
        // A complete multi-byte character at the very end is kept.
        QByteArray complete(30, 'c');
        complete.append("\xc3\xa9");
        QCOMPARE(Pkcs11Text::decodeField(complete), QString(30, QLatin1Char('c')) + QStringLiteral("\u00e9"));
    }

    void paddedFieldsAreFixedSize()
    {
        QCOMPARE(Pkcs11Text::padded("abc", 6), QByteArray("abc   "));
        QCOMPARE(Pkcs11Text::padded("abcdefgh", 4), QByteArray("abcd"));
        unsigned char out[8];
        Pkcs11Text::copyTo("xy", out, 8);
        QCOMPARE(Pkcs11Text::field(out, 8), QByteArray("xy      "));
    }
};

QTEST_GUILESS_MAIN(TestPkcs11Text)
#include "tst_pkcs11text.moc"
