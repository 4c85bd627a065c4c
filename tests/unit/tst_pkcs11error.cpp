// Pkcs11Error: CKR_* names, kinds, and the sentences ErrorText makes of them.

#include "backend/pkcs11/Pkcs11Error.h"
#include "models/ErrorText.h"

#include <QTest>

using tokendesk::ErrorText;
using tokendesk::Pkcs11Error;
using Kind = Pkcs11Error::Kind;

class TestPkcs11Error : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codeNames_data()
    {
        QTest::addColumn<quint64>("code");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("kind");
        // Values from the PKCS#11 2.40 specification.
        QTest::newRow("general") << quint64(0x05) << "CKR_GENERAL_ERROR" << int(Kind::Other);
        QTest::newRow("pin incorrect") << quint64(0xA0) << "CKR_PIN_INCORRECT" << int(Kind::PinIncorrect);
        QTest::newRow("pin invalid") << quint64(0xA1) << "CKR_PIN_INVALID" << int(Kind::PinInvalid);
        QTest::newRow("pin len range") << quint64(0xA2) << "CKR_PIN_LEN_RANGE" << int(Kind::PinInvalid);
        QTest::newRow("pin expired") << quint64(0xA3) << "CKR_PIN_EXPIRED" << int(Kind::PinExpired);
        QTest::newRow("pin locked") << quint64(0xA4) << "CKR_PIN_LOCKED" << int(Kind::PinLocked);
        QTest::newRow("token not present") << quint64(0xE0) << "CKR_TOKEN_NOT_PRESENT" << int(Kind::TokenNotPresent);
        QTest::newRow("device removed") << quint64(0x32) << "CKR_DEVICE_REMOVED" << int(Kind::TokenNotPresent);
        QTest::newRow("session closed") << quint64(0xB0) << "CKR_SESSION_CLOSED" << int(Kind::SessionClosed);
        QTest::newRow("session handle") << quint64(0xB3) << "CKR_SESSION_HANDLE_INVALID" << int(Kind::SessionClosed);
        QTest::newRow("not logged in") << quint64(0x101) << "CKR_USER_NOT_LOGGED_IN" << int(Kind::NotLoggedIn);
        QTest::newRow("cancelled") << quint64(0x50) << "CKR_FUNCTION_CANCELED" << int(Kind::Cancelled);
        QTest::newRow("not supported") << quint64(0x54) << "CKR_FUNCTION_NOT_SUPPORTED" << int(Kind::NotSupported);
        QTest::newRow("device error") << quint64(0x30) << "CKR_DEVICE_ERROR" << int(Kind::DeviceError);
        QTest::newRow("not recognized") << quint64(0xE1) << "CKR_TOKEN_NOT_RECOGNIZED" << int(Kind::DeviceError);
        QTest::newRow("object handle") << quint64(0x82) << "CKR_OBJECT_HANDLE_INVALID" << int(Kind::ObjectNotFound);
        QTest::newRow("sensitive") << quint64(0x11) << "CKR_ATTRIBUTE_SENSITIVE" << int(Kind::Other);
        QTest::newRow("already initialized")
            << quint64(0x191) << "CKR_CRYPTOKI_ALREADY_INITIALIZED" << int(Kind::Other);
        QTest::newRow("rejected") << quint64(0x200) << "CKR_FUNCTION_REJECTED" << int(Kind::Other);
        QTest::newRow("vendor") << quint64(0x80000001) << "CKR_VENDOR_DEFINED+0x1" << int(Kind::Other);
        QTest::newRow("unknown") << quint64(0x7777) << "0x00007777" << int(Kind::Other);
    }

    void codeNames()
    {
        QFETCH(quint64, code);
        QFETCH(QString, name);
        QFETCH(int, kind);
        const Pkcs11Error e = Pkcs11Error::fromCode(code, QStringLiteral("C_Login"));
        QCOMPARE(e.codeName(), name);
        QCOMPARE(Pkcs11Error::codeName(code), name);
        QCOMPARE(int(e.kind), kind);
        QCOMPARE(e.function, QStringLiteral("C_Login"));
        QVERIFY(!ErrorText::pkcs11(e).isEmpty());
    }

    void errorsWithoutCodeAreNamedByKind()
    {
        Pkcs11Error e;
        e.kind = Kind::ModuleNotLoaded;
        e.function = QStringLiteral("p11_kit_module_load");
        e.detail = QStringLiteral("couldn't load module: /bin/true");
        QCOMPARE(e.codeName(), QStringLiteral("module_not_loaded"));
        QVERIFY(ErrorText::pkcs11(e).contains(e.detail));
        for (int k = 0; k <= int(Kind::Other); ++k) {
            QVERIFY(!Pkcs11Error::kindName(Kind(k)).isEmpty());
        }
    }

    void tokenNotPresentNamesTheToken()
    {
        const Pkcs11Error e = Pkcs11Error::tokenNotPresent(QStringLiteral("My PIV"), QStringLiteral("0011aabb"),
                                                           QStringLiteral("C_GetTokenInfo"));
        QCOMPARE(e.kind, Kind::TokenNotPresent);
        QCOMPARE(e.codeName(), QStringLiteral("CKR_TOKEN_NOT_PRESENT"));
        const QString sentence = ErrorText::pkcs11(e);
        QVERIFY2(sentence.contains(QLatin1String("My PIV")) && sentence.contains(QLatin1String("0011aabb")),
                 qPrintable(sentence));
        Pkcs11Error noSerial = e;
        noSerial.tokenSerial.clear();
        QVERIFY(ErrorText::pkcs11(noSerial).contains(QLatin1String("My PIV")));
        QVERIFY(!ErrorText::pkcs11(noSerial).contains(QLatin1String("serial")));
        QVERIFY(e == e);
        QVERIFY(e != noSerial);
    }
};

QTEST_GUILESS_MAIN(TestPkcs11Error)
#include "tst_pkcs11error.moc"
