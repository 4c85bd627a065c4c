// The change-PIN and unblock dialogs (PinFlow + PinChangeDialog), offscreen,
// against the simulated PIV card through the real pcscd and OpenSC: typed
// entries, the rules checked as they are typed, the final-try confirmation,
// a locked PIN leading to the unblock dialog, a locked PUK told plainly.
// Screenshots go to $TOKENDESK_SCREENSHOT_DIR (docs/screenshots).

#include "ModuleOptions.h"
#include "PivPeers.h"
#include "Screenshot.h"
#include "SimCard.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "backend/pkcs11/TokenReader.h"
#include "ui/DialogPinPrompter.h"
#include "ui/PinDialog.h"
#include "ui/PinFlow.h"
#include "ui/commands/TestIdentityCommand.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace tokendesk;

namespace {
const QString kPin = QStringLiteral("123456");
const QString kNewPin = QStringLiteral("24681357");
const QString kPuk = QStringLiteral("12345678");

ModuleRegistry::Options openscOnly()
{
    return testmodules::openscOnly();
}

void type(PinChangeDialog* dialog, const QString& field, const QString& text)
{
    auto* edit = dialog->findChild<QLineEdit*>(field);
    QVERIFY2(edit, qPrintable(field));
    edit->clear();
    QTest::keyClicks(edit, text);
}

QPushButton* okButton(PinChangeDialog* dialog)
{
    return dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
}

} // namespace

class TestPinDialogs : public QObject
{
    Q_OBJECT

    std::unique_ptr<SimCard> m_sim;
    std::unique_ptr<ModuleRegistry> m_registry;
    QWidget m_window;

    PinFlow* flow(PinChangeDialog::Mode mode)
    {
        const TokenScan scan = m_registry->scan();
        if (scan.tokens.size() != 1) {
            qFatal("expected the simulated card's token");
        }
        return new PinFlow(Pkcs11Token(m_registry->loaded().front(), scan.tokens.constFirst()), mode, &m_window);
    }

    /// Starts the flow and returns its first dialog.
    PinChangeDialog* startAndWait(PinFlow* f)
    {
        QSignalSpy shown(f, &PinFlow::dialogShown);
        f->start();
        if (!shown.wait(15000)) {
            return nullptr;
        }
        return f->dialog();
    }

private Q_SLOTS:
    void init()
    {
        m_sim = std::make_unique<SimCard>();
        m_sim->setReaderIndex(0);
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
        m_registry = std::make_unique<ModuleRegistry>(openscOnly());
        m_window.resize(640, 480);
    }
    void cleanup()
    {
        m_registry.reset();
        QVERIFY(m_sim->stop());
        m_sim.reset();
    }

    void changePin()
    {
        PinFlow* f = flow(PinChangeDialog::Mode::ChangePin);
        QSignalSpy finished(f, &PinFlow::finished);
        PinChangeDialog* dialog = startAndWait(f);
        QVERIFY(dialog);
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("tries"))->text().contains(QStringLiteral("3 tries left")));
        QVERIFY(!okButton(dialog)->isEnabled());

        type(dialog, QStringLiteral("current"), kPin);
        type(dialog, QStringLiteral("newPin"), QStringLiteral("12ab5678"));
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY2(dialog->problem().contains(QStringLiteral("digits")), qPrintable(dialog->problem()));
        type(dialog, QStringLiteral("newPin"), kNewPin);
        type(dialog, QStringLiteral("confirmPin"), QStringLiteral("24681350"));
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY2(dialog->problem().contains(QStringLiteral("differ")), qPrintable(dialog->problem()));
        type(dialog, QStringLiteral("confirmPin"), kNewPin);
        QVERIFY2(okButton(dialog)->isEnabled(), qPrintable(dialog->problem()));
        screenshot::save(dialog, QStringLiteral("pin-change.png"));

        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.constFirst().at(0).toBool(), true);
        QVERIFY(pivpeers::signsWith(kNewPin));
        QVERIFY(!pivpeers::signsWith(kPin));
    }

    void testIdentityShowsTriesLeft()
    {
        // "Test identity" asks the PIN with the card's counter, in the change-PIN dialog's words.
        const TokenScan scan = m_registry->scan();
        QCOMPARE(scan.tokens.size(), 1);
        const TokenContents contents =
            TokenReader::read(Pkcs11Token(m_registry->loaded().front(), scan.tokens.constFirst()));
        QVERIFY(!contents.certificates.isEmpty());
        auto prompter = std::make_shared<DialogPinPrompter>(&m_window);
        QList<QPointer<PinDialog>> opened;
        connect(prompter.get(), &DialogPinPrompter::dialogOpened, this, [&opened](PinDialog* d) { opened << d; });
        const ModuleRegistry* registry = m_registry.get();
        auto* command = new TestIdentityCommand(
            contents.certificates.constFirst(), contents.token,
            [registry] { return std::shared_ptr<const ModuleRegistry>(std::shared_ptr<void>(), registry); }, prompter,
            &m_window);
        command->start();
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), 20000);
        PinDialog* dialog = opened.constFirst();
        auto* tries = dialog->findChild<QLabel*>(QStringLiteral("tries"));
        QVERIFY(tries);
        QCOMPARE(tries->text(), QStringLiteral("PIN: 3 tries left"));
        screenshot::save(dialog, QStringLiteral("pin-test-identity.png"));
        dialog->reject();
        QTRY_VERIFY_WITH_TIMEOUT(command->isFinished(), 20000);
        delete command;
    }

    void finalTryNeedsTheBoxThenLockLeadsToUnblock()
    {
        QVERIFY(pivpeers::spendPinTry());
        QVERIFY(pivpeers::spendPinTry());
        QCOMPARE(m_sim->pinTriesLeft(), 1);

        PinFlow* f = flow(PinChangeDialog::Mode::ChangePin);
        QSignalSpy finished(f, &PinFlow::finished);
        QSignalSpy shown(f, &PinFlow::dialogShown);
        PinChangeDialog* dialog = startAndWait(f);
        QVERIFY(dialog);
        auto* box = dialog->findChild<QCheckBox*>(QStringLiteral("finalTryConfirm"));
        QVERIFY(box && box->isVisible());
        type(dialog, QStringLiteral("current"), QStringLiteral("999999"));
        type(dialog, QStringLiteral("newPin"), kNewPin);
        type(dialog, QStringLiteral("confirmPin"), kNewPin);
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY2(dialog->problem().contains(QStringLiteral("last try")), qPrintable(dialog->problem()));
        screenshot::save(dialog, QStringLiteral("pin-final-try.png"));
        box->setChecked(true);
        QVERIFY(okButton(dialog)->isEnabled());
        QCOMPARE(m_sim->pinTriesLeft(), 1); // nothing sent yet
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);

        // The wrong PIN locked it: the unblock dialog comes next, saying so.
        QVERIFY(shown.wait(20000));
        QCOMPARE(m_sim->pinTriesLeft(), 0);
        PinChangeDialog* unblock = f->dialog();
        QVERIFY(unblock);
        QCOMPARE(unblock->mode(), PinChangeDialog::Mode::UnblockPin);
        auto* failure = unblock->findChild<QLabel*>(QStringLiteral("failure"));
        QVERIFY2(failure->text().contains(QStringLiteral("locked")), qPrintable(failure->text()));
        QVERIFY(unblock->findChild<QLabel*>(QStringLiteral("explanation"))->text().contains(QStringLiteral("PUK")));
        type(unblock, QStringLiteral("current"), kPuk);
        type(unblock, QStringLiteral("newPin"), kNewPin);
        type(unblock, QStringLiteral("confirmPin"), kNewPin);
        screenshot::save(unblock, QStringLiteral("pin-unblock.png"));
        QTest::mouseClick(okButton(unblock), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.constFirst().at(0).toBool(), true);
        QCOMPARE(m_sim->pinTriesLeft(), 3);
        QVERIFY(pivpeers::signsWith(kNewPin));
    }

    void lockedPukIsToldPlainly()
    {
        // Three wrong PUKs through the dialog: each costs one PUK try; the last locks it.
        for (int left = 2; left >= 0; --left) {
            PinFlow* f = flow(PinChangeDialog::Mode::UnblockPin);
            QSignalSpy finished(f, &PinFlow::finished);
            QSignalSpy shown(f, &PinFlow::dialogShown);
            PinChangeDialog* dialog = startAndWait(f);
            QVERIFY(dialog);
            type(dialog, QStringLiteral("current"), QStringLiteral("00000000"));
            type(dialog, QStringLiteral("newPin"), kNewPin);
            type(dialog, QStringLiteral("confirmPin"), kNewPin);
            shown.clear();
            QTest::mouseClick(okButton(dialog), Qt::LeftButton);
            if (left > 0) {
                // Asked again, with the count: nothing retried by itself.
                QVERIFY(shown.wait(20000));
                QCOMPARE(m_sim->info().value(QStringLiteral("puk_tries_left")).toInt(-1), left);
                auto* failure = f->dialog()->findChild<QLabel*>(QStringLiteral("failure"));
                QVERIFY2(failure->text().contains(QString::number(left)), qPrintable(failure->text()));
                f->dialog()->reject();
                QVERIFY(finished.size() == 1 || finished.wait(5000));
            } else {
                QVERIFY(finished.wait(20000));
                QCOMPARE(m_sim->info().value(QStringLiteral("puk_tries_left")).toInt(-1), 0);
                QCOMPARE(finished.constFirst().at(0).toBool(), false);
                const QString message = finished.constFirst().at(1).toString();
                QVERIFY2(message.contains(QStringLiteral("locked")), qPrintable(message));
            }
        }
        // Now the card says 69 83 to any PUK: the issuer must help.
        PinFlow* f = flow(PinChangeDialog::Mode::UnblockPin);
        QSignalSpy finished(f, &PinFlow::finished);
        PinChangeDialog* dialog = startAndWait(f);
        QVERIFY(dialog);
        type(dialog, QStringLiteral("current"), kPuk);
        type(dialog, QStringLiteral("newPin"), kNewPin);
        type(dialog, QStringLiteral("confirmPin"), kNewPin);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        const QString message = finished.constFirst().at(1).toString();
        QVERIFY2(message.contains(QStringLiteral("issuer")), qPrintable(message));
        QCOMPARE(m_sim->info().value(QStringLiteral("puk_tries_left")).toInt(-1), 0);
    }
};

QTEST_MAIN(TestPinDialogs)
#include "tst_pindialogs.moc"
