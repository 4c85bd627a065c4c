// PIN pads, which no vpcd reader can simulate: against fake_pinpad_pkcs11, a
// fake module whose token has CKF_PROTECTED_AUTHENTICATION_PATH and which
// refuses any PIN the program passes. PinManager must ask the reader (one
// "enter it on the reader" notice, no prompt for a typed PIN), and the dialog
// must show that notice with no text field. The fake runs isolated, as a vendor module does
// (tokendesk-module-host, docs/ISOLATION.md), so the PIN pad's NULL PIN crosses p11-kit's RPC;
// its process reads its environment when it starts, so a test that changes it loads it again.

#include "RecordingPinPrompter.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "backend/pkcs11/PinManager.h"
#include "ui/PinChangeDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace tokendesk;

class TestPinpadFake : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ModuleRegistry> m_registry;

    /// The fake loaded (again): a new module host, with this process's environment now.
    void load()
    {
        m_registry.reset();
        ModuleRegistry::Options options;
        options.registered = false;
        options.environment = false;
        options.paths = {QStringLiteral(TOKENDESK_FAKE_PINPAD_PKCS11)};
        m_registry = std::make_unique<ModuleRegistry>(options);
    }

    QString logPath() const { return m_dir.filePath(QStringLiteral("pinpad.log")); }
    QStringList log() const
    {
        QFile f(logPath());
        if (!f.open(QIODevice::ReadOnly)) {
            return {};
        }
        return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }
    PinManager manager()
    {
        const TokenScan scan = m_registry->scan();
        if (scan.tokens.size() != 1) {
            qFatal("the fake pinpad token is missing");
        }
        return PinManager(Pkcs11Token(m_registry->loaded().front(), scan.tokens.constFirst()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("FAKE_PINPAD_LOG", logPath().toUtf8());
        load();
        QVERIFY(m_registry->modules().constFirst().ok());
        QVERIFY(m_registry->modules().constFirst().isolated);
    }
    void init() { QFile::remove(logPath()); }

    void statusSaysPinpad()
    {
        const auto status = manager().status();
        QVERIFY(status);
        QVERIFY(status.value().protectedPath);
    }

    void changeAsksTheReader()
    {
        RecordingPinPrompter prompter(QByteArray("123456"));
        const auto changed = manager().changePin(prompter);
        QVERIFY(changed);
        QCOMPARE(prompter.asked(), 0);
        QCOMPARE(prompter.pinpadStartedCount(), 1);
        QCOMPARE(log(), QStringList{QStringLiteral("set pin on the reader: user")});
    }

    void unblockAsksTheReader()
    {
        RecordingPinPrompter prompter(QByteArray("12345678"));
        QVERIFY(manager().unblockPin(prompter));
        QCOMPARE(prompter.asked(), 0);
        QCOMPARE(prompter.pinpadStartedCount(), 1);
        QCOMPARE(log(),
                 (QStringList{QStringLiteral("login on the reader: so"), QStringLiteral("init pin on the reader")}));
    }

    void finalTryOnThePadNeedsConsent()
    {
        qputenv("FAKE_PINPAD_FINAL_TRY", "1");
        load();
        const auto reset = qScopeGuard([this] {
            qunsetenv("FAKE_PINPAD_FINAL_TRY");
            load();
        });
        // A prompter that does not agree: nothing reaches the reader.
        RecordingPinPrompter refusing;
        const auto refused = manager().changePin(refusing);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, PinError::Kind::Cancelled);
        QCOMPARE(refusing.pinpadStartedCount(), 0);
        QVERIFY(log().isEmpty());
        // PinManager asked, once, for this final try of the user PIN.
        const QList<PinRequest> asked = refusing.finalTryConfirmations();
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked.constFirst().finalTry);
        QCOMPARE(asked.constFirst().secret, PinRequest::Secret::UserPin);
        QCOMPARE(asked.constFirst().purpose, PinRequest::Purpose::ChangePin);
        // One that agrees: the reader asks.
        RecordingPinPrompter agreeing(QByteArray("123456"));
        QVERIFY(manager().changePin(agreeing));
        QCOMPARE(agreeing.finalTryConfirmations().size(), 1);
        QCOMPARE(agreeing.pinpadStartedCount(), 1);
        QCOMPARE(log(), QStringList{QStringLiteral("set pin on the reader: user")});

        // The dialog shows the consent box, and OK waits for it.
        const auto status = manager().status();
        QVERIFY(status && status.value().user.finalTry());
        PinChangeDialog dialog(status.value(), PinChangeDialog::Mode::ChangePin);
        auto* box = dialog.findChild<QCheckBox*>(QStringLiteral("finalTryConfirm"));
        QVERIFY(box);
        auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        QVERIFY(!dialog.finalTryConfirmed());
        box->setChecked(true);
        QVERIFY(ok->isEnabled());
        QVERIFY(dialog.finalTryConfirmed());
    }

    void dialogHasNoTextField()
    {
        const auto status = manager().status();
        QVERIFY(status);
        PinChangeDialog dialog(status.value(), PinChangeDialog::Mode::ChangePin);
        QVERIFY(dialog.findChildren<QLineEdit*>().isEmpty());
        auto* pinpad = dialog.findChild<QLabel*>(QStringLiteral("pinpad"));
        QVERIFY(pinpad);
        QVERIFY2(pinpad->text().contains(QStringLiteral("reader")), qPrintable(pinpad->text()));
        const auto [current, next] = dialog.takeSecrets();
        QVERIFY(current.isEmpty() && next.isEmpty());
    }
};

QTEST_MAIN(TestPinpadFake)
#include "tst_pinpad_fake.moc"
