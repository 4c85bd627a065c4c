// SecureBytes: the secret's buffer is its own, moves leave nothing behind, and every way
// a secret ends (wipe, reassignment, destruction, take) overwrites the bytes.

#include "backend/common/SecureBytes.h"

#include <QTest>
#include <new>

using namespace tokendesk;

class TestSecureBytes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void holdsACopy();
    void moveLeavesSourceEmpty();
    void moveAssignmentWipesThePrevious();
    void takeWipesTheSource();
    void takeUtf8WipesTheString();
    void digitsAndEquality();
    void wipeReachesASharedCopy();
    void destructorWipes();
    void staticWipes();
};

void TestSecureBytes::holdsACopy()
{
    char buffer[] = "123456";
    SecureBytes secret(buffer, 6);
    buffer[0] = 'x';
    QCOMPARE(secret.bytes(), QByteArray("123456"));
    QCOMPARE(secret.size(), 6);
    QVERIFY(!secret.isEmpty());
    QVERIFY(SecureBytes().isEmpty());
    QVERIFY(SecureBytes(buffer, 0).isEmpty());
    QVERIFY(SecureBytes(nullptr, -1).isEmpty());
}

void TestSecureBytes::moveLeavesSourceEmpty()
{
    SecureBytes a("1234", 4);
    const char* data = a.bytes().constData();
    SecureBytes b(std::move(a));
    QVERIFY(a.isEmpty()); // NOLINT(bugprone-use-after-move): that is the point
    QCOMPARE(b.bytes(), QByteArray("1234"));
    QCOMPARE(b.bytes().constData(), data); // moved, not copied: no second buffer to forget
}

void TestSecureBytes::moveAssignmentWipesThePrevious()
{
    SecureBytes target("old-pin", 7);
    QByteArray shared = target.bytes(); // shares the buffer: sees what happens to it
    target = SecureBytes("new", 3);
    QCOMPARE(target.bytes(), QByteArray("new"));
    QCOMPARE(shared, QByteArray(7, '\0'));
}

void TestSecureBytes::takeWipesTheSource()
{
    QByteArray typed("24680");
    const char* data = typed.constData();
    SecureBytes secret = SecureBytes::take(typed);
    QCOMPARE(secret.bytes(), QByteArray("24680"));
    QVERIFY(typed.isEmpty());
    QVERIFY(secret.bytes().constData() != data);
}

void TestSecureBytes::takeUtf8WipesTheString()
{
    QString typed = QStringLiteral("pä55");
    SecureBytes secret = SecureBytes::takeUtf8(typed);
    QCOMPARE(secret.bytes(), QByteArray("p\xc3\xa4"
                                        "55"));
    QVERIFY(typed.isEmpty());
}

void TestSecureBytes::digitsAndEquality()
{
    QVERIFY(SecureBytes("0123456789", 10).isDigits());
    QVERIFY(!SecureBytes("12a4", 4).isDigits());
    QVERIFY(!SecureBytes("12 4", 4).isDigits());
    QVERIFY(SecureBytes().isDigits()); // vacuous: length is the caller's check
    QVERIFY(SecureBytes("1234", 4) == SecureBytes("1234", 4));
    QVERIFY(SecureBytes("1234", 4) != SecureBytes("1235", 4));
    QVERIFY(SecureBytes("1234", 4) != SecureBytes("12345", 5));
    QVERIFY(SecureBytes() == SecureBytes());
}

void TestSecureBytes::wipeReachesASharedCopy()
{
    SecureBytes secret("987654", 6);
    // What a careless caller does: keeps a QByteArray copy (implicitly shared).
    const QByteArray leaked = secret.bytes();
    secret.wipe();
    QVERIFY(secret.isEmpty());
    QCOMPARE(leaked, QByteArray(6, '\0'));
    secret.wipe(); // twice is harmless
    QVERIFY(secret.isEmpty());
}

void TestSecureBytes::destructorWipes()
{
    alignas(SecureBytes) unsigned char storage[sizeof(SecureBytes)];
    auto* secret = new (storage) SecureBytes("11223344", 8);
    const QByteArray leaked = secret->bytes();
    secret->~SecureBytes();
    QCOMPARE(leaked, QByteArray(8, '\0'));

    // Through std::optional, as a PinPrompter hands it over.
    std::optional<SecureBytes> answer(SecureBytes("5555", 4));
    const QByteArray copy = answer->bytes();
    answer.reset();
    QCOMPARE(copy, QByteArray(4, '\0'));
}

void TestSecureBytes::staticWipes()
{
    QByteArray bytes("abc");
    SecureBytes::wipe(bytes);
    QVERIFY(bytes.isEmpty());
    QString text = QStringLiteral("secret");
    text.detach();
    SecureBytes::wipe(text);
    QVERIFY(text.isEmpty());
    QByteArray empty;
    SecureBytes::wipe(empty); // nothing to do, no crash
    QVERIFY(empty.isEmpty());
}

QTEST_GUILESS_MAIN(TestSecureBytes)
#include "tst_securebytes.moc"
