// PinDialog and DialogPinPrompter, offscreen: typing a PIN, the final-try checkbox that
// keeps OK disabled until it is ticked, the PIN pad mode without a field, and the prompter
// asked from a worker thread (answered, cancelled) and refusing the GUI thread.
// Screenshots go to $TOKENDESK_SCREENSHOT_DIR (else the build folder).

#include "Screenshot.h"
#include "ui/DialogPinPrompter.h"
#include "ui/PinDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QtConcurrent>

using namespace tokendesk;

namespace {

PinRequest request(bool finalTry = false, int triesLeft = -1)
{
    PinRequest r;
    r.purpose = PinRequest::Purpose::TestIdentity;
    r.token.label = QStringLiteral("PIV Card Holder pin (PIV_II)");
    r.token.serial = QStringLiteral("8899aabbccddeeff");
    r.token.minPinLength = 6;
    r.token.maxPinLength = 8;
    r.subject = QStringLiteral("CN=Jane Doe,O=TokenDesk Test");
    r.finalTry = finalTry;
    r.triesLeft = triesLeft;
    return r;
}

QPushButton* okButton(QDialog* dialog)
{
    auto* box = dialog->findChild<QDialogButtonBox*>();
    return box ? box->button(QDialogButtonBox::Ok) : nullptr;
}

} // namespace

class TestPinDialog : public QObject
{
    Q_OBJECT

private:
private Q_SLOTS:
    void typedPinIsTakenOnce();
    void finalTryNeedsTheCheckbox();
    void pinpadHasNoField();
    void prompterAnswersAWorker();
    void prompterCancelled();
    void prompterRefusesTheGuiThread();
};

void TestPinDialog::typedPinIsTakenOnce()
{
    PinDialog dialog(request(false, 3));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* field = dialog.findChild<QLineEdit*>(QStringLiteral("secret"));
    QVERIFY(field);
    QCOMPARE(field->echoMode(), QLineEdit::Password);
    QVERIFY(!dialog.findChild<QCheckBox*>());
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("token"))->text().contains(QLatin1String("8899aabbccddeeff")));
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("tries"))->text().contains(QLatin1Char('3')));
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("purpose"))->text().contains(QLatin1String("Jane Doe")));
    QPushButton* ok = okButton(&dialog);
    QVERIFY(ok);
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(field, QStringLiteral("1234"));
    QVERIFY(!ok->isEnabled()); // shorter than the token's minimum
    QVERIFY(!dialog.problem().isEmpty());
    QTest::keyClicks(field, QStringLiteral("56"));
    QVERIFY2(ok->isEnabled(), qPrintable(dialog.problem()));
    screenshot::save(&dialog, QStringLiteral("pin-dialog.png"));
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const SecureBytes secret = dialog.takeSecret();
    QCOMPARE(secret.bytes(), QByteArray("123456"));
    QVERIFY(field->text().isEmpty());
    QVERIFY(dialog.takeSecret().isEmpty()); // handed out once
}

void TestPinDialog::finalTryNeedsTheCheckbox()
{
    PinDialog dialog(request(true, 1));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* box = dialog.findChild<QCheckBox*>(QStringLiteral("finalTry"));
    QVERIFY(box);
    QCOMPARE(box->text(), QStringLiteral("I &understand the card locks if this PIN is wrong"));
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("finalTryWarning")));
    QPushButton* ok = okButton(&dialog);
    QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("secret")), QStringLiteral("123456"));
    QVERIFY(!ok->isEnabled()); // typed, but not confirmed
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(dialog.isVisible()); // a disabled OK does nothing
    screenshot::save(&dialog, QStringLiteral("pin-dialog-final-try.png"));
    box->setChecked(true);
    QVERIFY2(ok->isEnabled(), qPrintable(dialog.problem()));
    box->setChecked(false);
    QVERIFY(!ok->isEnabled());
    box->setChecked(true);
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestPinDialog::pinpadHasNoField()
{
    PinDialog dialog(request(), true);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.isPinpad());
    QVERIFY(dialog.findChildren<QLineEdit*>().isEmpty());
    QVERIFY(!okButton(&dialog));
    auto* label = dialog.findChild<QLabel*>(QStringLiteral("pinpad"));
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("Enter your PIN on the reader."));
    QVERIFY(dialog.takeSecret().isEmpty());
    screenshot::save(&dialog, QStringLiteral("pin-dialog-pinpad.png"));
}

void TestPinDialog::prompterAnswersAWorker()
{
    DialogPinPrompter prompter;
    QList<PinDialog*> opened;
    connect(&prompter, &DialogPinPrompter::dialogOpened, this, [&opened](PinDialog* d) { opened << d; });
    QFuture<QByteArray> worker = QtConcurrent::run([&prompter] {
        auto secret = prompter.askPin(request());
        // A deep copy: a QByteArray sharing the secret's buffer is wiped with it.
        return secret ? QByteArray(secret->bytes().constData(), secret->size()) : QByteArray("<cancelled>");
    });
    QTRY_COMPARE(opened.size(), 1);
    PinDialog* dialog = opened.constFirst();
    QVERIFY(dialog->isVisible());
    QVERIFY(!worker.isFinished()); // the worker waits for the user
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("secret")), QStringLiteral("654321"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(worker.isFinished());
    QCOMPARE(worker.result(), QByteArray("654321"));

    // The PIN pad: shown without waiting, closed when the reader is done.
    opened.clear();
    QFuture<void> pinpad = QtConcurrent::run([&prompter] { prompter.pinpadStarted(request()); });
    QTRY_COMPARE(opened.size(), 1);
    QPointer<PinDialog> pad = opened.constFirst();
    QVERIFY(pad->isPinpad());
    QTRY_VERIFY(pad->isVisible());
    pinpad.waitForFinished();
    prompter.pinpadFinished();
    QTRY_VERIFY(pad.isNull()); // closed and deleted
}

void TestPinDialog::prompterCancelled()
{
    DialogPinPrompter prompter;
    QList<PinDialog*> opened;
    connect(&prompter, &DialogPinPrompter::dialogOpened, this, [&opened](PinDialog* d) { opened << d; });
    QFuture<bool> worker = QtConcurrent::run([&prompter] { return prompter.askPin(request()).has_value(); });
    QTRY_COMPARE(opened.size(), 1);
    QTest::keyClicks(opened.constFirst()->findChild<QLineEdit*>(QStringLiteral("secret")), QStringLiteral("111111"));
    opened.constFirst()->reject();
    QTRY_VERIFY(worker.isFinished());
    QCOMPARE(worker.result(), false);
}

void TestPinDialog::prompterRefusesTheGuiThread()
{
    DialogPinPrompter prompter;
    QTest::ignoreMessage(QtWarningMsg, "askPin() on the GUI thread: refused (it would wait for itself)");
    QVERIFY(!prompter.askPin(request()).has_value());
}

QTEST_MAIN(TestPinDialog)
#include "tst_pindialog.moc"
