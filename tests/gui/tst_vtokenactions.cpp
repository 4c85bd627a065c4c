// Virtual tokens through the window, in a home of the test's own without SOFTHSM2_CONF
// (VtokenHome): the window's token watcher, the commands, softhsm2-util, pkcs11-tool and NSS's
// certutil (through p11-kit-proxy) all read the user configuration TokenDesk makes there, as
// they would for a user. New Virtual Token through its dialog (a label taken is said inline),
// the token in the tree and in softhsm2-util; Reset PIN, proved by pkcs11-tool logging in with
// the new PIN; the token page's "Seen by" (p11-kit sees it; Register and Unregister of
// ~/.pki/nssdb, proved by certutil listing a certificate written to the token); Delete with its
// confirmation, the token gone from the tree and from softhsm2-util. SO PINs in the bench's
// keyring. Screenshots: vtoken-new.png (the dialog) and vtoken-page.png (the token page).

#include "PeerProcess.h"
#include "Screenshot.h"
#include "SoftHsmPeers.h"
#include "VtokenHome.h"
#include "backend/AppServices.h"
#include "backend/common/Settings.h"
#include "backend/pkcs11/TokenWatcher.h"
#include "backend/vtoken/SoftHsmConfig.h"
#include "models/NavigationModel.h"
#include "models/ReaderModel.h"
#include "models/TokenTreeModel.h"
#include "ui/MainWindow.h"
#include "ui/SeenByWidget.h"
#include "ui/TokenActions.h"
#include "ui/TokenPage.h"
#include "ui/VirtualTokenActions.h"
#include "ui/VirtualTokenDialog.h"
#include "ui/commands/DeleteVirtualTokenCommand.h"
#include "ui/commands/NewVirtualTokenCommand.h"
#include "ui/commands/ResetVirtualPinCommand.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <optional>

using namespace tokendesk;

namespace {

using SoftHsmPeers::showSlots;

const QString kLabel = QStringLiteral("Desk Virtual");
const QString kPin = QStringLiteral("first-pin-1");
const QString kNewPin = QStringLiteral("second-pin-2");
const QString kCertLabel = QStringLiteral("vtcert");

/// pkcs11-tool -O after a login with `pin` on the token: its objects, private ones included.
PeerResult listObjects(const QString& pin)
{
    return SoftHsmPeers::listObjects(kLabel, pin.toUtf8());
}

PeerResult certutilList(const QString& dir)
{
    return PeerProcess::run(QStringLiteral("certutil"),
                            {QStringLiteral("-d"), QStringLiteral("sql:") + dir, QStringLiteral("-L"),
                             QStringLiteral("-h"), QStringLiteral("all")});
}

/// Types into the dialog's fields (label only when it has one) and presses its OK.
void fillIn(VirtualTokenDialog* dialog, const QString& label, const QString& pin)
{
    if (QLineEdit* field = dialog->labelField()) {
        field->clear();
        QTest::keyClicks(field, label);
    }
    for (const char* name : {"newPin", "confirmPin"}) {
        auto* field = dialog->findChild<QLineEdit*>(QLatin1String(name));
        QVERIFY(field);
        field->clear();
        QTest::keyClicks(field, pin);
    }
}

} // namespace

class TestVtokenActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void newTokenThroughDialog();
    void labelTakenSaidInline();
    void resetPin();
    void seenByAndBrowsers();
    void deleteToken();

private:
    QAction* action(const char* name) const { return m_window->findChild<QAction*>(QLatin1String(name)); }
    /// The message box with the command's outcome (closed here); its text.
    QString takeResult();
    void selectToken();
    QString tokenKey() const;
    /// The count in the navigation's "Virtual tokens" root, and that it has the token's row.
    int virtualCount() const;

    QTemporaryDir m_settingsDir;
    std::optional<VtokenHome> m_home;
    std::optional<ReaderModel> m_readers;
    std::optional<MainWindow> m_window;
    QString m_serial;
};

void TestVtokenActions::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "the bench provides the Secret Service");
    QVERIFY2(!SoftHsmConfig::modulePath().isEmpty(), "softhsm2 is installed");
    QVERIFY(PeerProcess::which(QStringLiteral("certutil")));
    Settings::instance().useFile(m_settingsDir.filePath(QStringLiteral("tokendesk.ini")));
    // Before SoftHSM2 is loaded in this process: libsofthsm2 reads its configuration once.
    m_home.emplace();
    QVERIFY(m_home->isValid());
    auto config = SoftHsmConfig::ensure();
    QVERIFY(config);
    QVERIFY(config.value().created);

    m_readers.emplace();
    m_window.emplace(&*m_readers);
    ModuleRegistry::Options options;
    options.registered = false;
    options.environment = false;
    options.nssDatabase.clear();
    options.paths = {SoftHsmConfig::modulePath()};
    m_window->startTokens(options);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(&*m_window));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->services()->registry(), 30000);
    QTRY_VERIFY(!m_window->tokenWatcher()->busy());
    QCOMPARE(m_window->tokenTree()->tokenCount(), 0);
}

void TestVtokenActions::cleanupTestCase()
{
    m_window.reset();
    m_readers.reset();
    m_home.reset();
}

QString TestVtokenActions::takeResult()
{
    QMessageBox* box = nullptr;
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(
            (box = m_window->findChild<QMessageBox*>(QStringLiteral("actionResult"))) && box->isVisible(), 30000);
    }();
    if (!box) {
        return {};
    }
    const QString text = box->text();
    box->done(QMessageBox::Ok); // deleted on close
    [&] {
        QTRY_VERIFY(!m_window->findChild<QMessageBox*>(QStringLiteral("actionResult")));
    }();
    return text;
}

int TestVtokenActions::virtualCount() const
{
    const NavigationModel* navigation = m_window->navigationModel();
    return navigation->rootIndex(NavigationModel::VirtualTokensRoot).data(NavigationModel::CountRole).toInt();
}

QString TestVtokenActions::tokenKey() const
{
    for (const TokenContents& token : m_window->tokenTree()->tokens()) {
        if (token.token.label == kLabel) {
            return token.key();
        }
    }
    return {};
}

void TestVtokenActions::selectToken()
{
    const QString key = tokenKey();
    QVERIFY(!key.isEmpty());
    m_window->navigation()->setCurrentIndex(m_window->navigationIndex(m_window->tokenTree()->indexOfToken(key)));
    QCOMPARE(m_window->tokenPage()->token().key(), key);
}

void TestVtokenActions::newTokenThroughDialog()
{
    QVERIFY(action("newVirtualToken")->isEnabled());
    QVERIFY(!action("deleteVirtualToken")->isEnabled()); // nothing selected
    QSignalSpy started(m_window->virtualTokenActions(), &VirtualTokenActions::started);
    action("newVirtualToken")->trigger();
    QCOMPARE(started.size(), 1);
    auto* command = qobject_cast<NewVirtualTokenCommand*>(started.constFirst().at(0).value<Command*>());
    QVERIFY(command);
    VirtualTokenDialog* dialog = command->dialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QPushButton* ok = dialog->buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());

    // Two different PINs are told, and OK waits for them to agree.
    QTest::keyClicks(dialog->labelField(), kLabel);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("newPin")), kPin);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("confirmPin")), kPin + QLatin1Char('x'));
    QVERIFY(!ok->isEnabled());
    QCOMPARE(dialog->problem(), VirtualTokenDialog::tr("The two PINs differ."));
    fillIn(dialog, kLabel, kPin);
    QVERIFY2(ok->isEnabled(), qPrintable(dialog->problem()));
    screenshot::save(dialog, QStringLiteral("vtoken-new.png"));

    QSignalSpy added(m_window->tokenWatcher(), &TokenWatcher::tokenAdded);
    QTest::mouseClick(ok, Qt::LeftButton);
    const QString said = takeResult();
    QVERIFY2(said.contains(kLabel) && said.startsWith(QStringLiteral("Made")), qPrintable(said));
    // The watcher was asked to read SoftHSM2 again: the token comes into the tree.
    QTRY_VERIFY_WITH_TIMEOUT(!tokenKey().isEmpty(), 30000);
    // The Virtual tokens root counts it and lists it (under SoftHSM2's module).
    QTRY_COMPARE(virtualCount(), 1);
    const QModelIndex root = m_window->navigationModel()->rootIndex(NavigationModel::VirtualTokensRoot);
    QCOMPARE(m_window->navigationModel()->rowCount(root), 1);
    QCOMPARE(m_window->navigationModel()->rowCount(m_window->navigationModel()->index(0, 0, root)), 1);
    QVERIFY(!added.isEmpty());
    m_serial = m_window->tokenTree()->tokens().constFirst().token.serial;
    QVERIFY2(showSlots().contains(kLabel.toUtf8()), showSlots().constData());
    QVERIFY(listObjects(kPin).ok());
}

void TestVtokenActions::labelTakenSaidInline()
{
    QSignalSpy started(m_window->virtualTokenActions(), &VirtualTokenActions::started);
    action("newVirtualToken")->trigger();
    QCOMPARE(started.size(), 1);
    auto* command = qobject_cast<NewVirtualTokenCommand*>(started.constFirst().at(0).value<Command*>());
    QVERIFY(command);
    QPointer<VirtualTokenDialog> dialog = command->dialog();
    fillIn(dialog, kLabel, kPin);
    QSignalSpy finished(command, &Command::finished);
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    auto* error = dialog->findChild<QLabel*>(QStringLiteral("error"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 30000);
    QVERIFY2(error->text().contains(QStringLiteral("already called")), qPrintable(error->text()));
    QVERIFY(dialog->isVisible());
    QVERIFY(finished.isEmpty());
    // What was typed stays, for another name.
    QCOMPARE(dialog->labelField()->text(), kLabel);
    QVERIFY(dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog->reject();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.constFirst().at(0).value<CommandResult>().status, CommandResult::Status::Cancelled);
    QTRY_VERIFY(dialog.isNull());
    QCOMPARE(showSlots().count(kLabel.toUtf8()), 1);
}

void TestVtokenActions::resetPin()
{
    selectToken();
    // Made by TokenDesk: its SO PIN is in the keyring, which the action asks on a worker.
    QTRY_VERIFY_WITH_TIMEOUT(action("resetVirtualPin")->isEnabled(), 20000);
    QVERIFY(action("deleteVirtualToken")->isEnabled());
    QVERIFY(action("changePin")->isEnabled()); // the PIN flow stays where it was
    QSignalSpy started(m_window->virtualTokenActions(), &VirtualTokenActions::started);
    action("resetVirtualPin")->trigger();
    QCOMPARE(started.size(), 1);
    auto* command = qobject_cast<ResetVirtualPinCommand*>(started.constFirst().at(0).value<Command*>());
    QVERIFY(command);
    VirtualTokenDialog* dialog = command->dialog();
    QVERIFY(dialog);
    QVERIFY(!dialog->labelField());
    // While it runs, the token's other actions wait.
    QVERIFY(!action("changePin")->isEnabled());
    QVERIFY(!action("deleteVirtualToken")->isEnabled());
    fillIn(dialog, {}, kNewPin);
    QPointer<VirtualTokenDialog> open = dialog;
    auto* error = dialog->findChild<QLabel*>(QStringLiteral("error"));
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(open.isNull() || error->isVisible(), 30000);
    QVERIFY2(open.isNull(), qPrintable(error->text()));
    const QString said = takeResult();
    QVERIFY2(said.contains(QStringLiteral("is set")), qPrintable(said));
    QTRY_VERIFY(action("changePin")->isEnabled());

    const PeerResult withNew = listObjects(kNewPin);
    QVERIFY2(withNew.ok(), withNew.describe().constData());
    QVERIFY(!listObjects(kPin).ok());
}

void TestVtokenActions::seenByAndBrowsers()
{
    // A certificate on the token, written by SoftHSM's peer: what NSS programs should list.
    QTemporaryDir files;
    const QString der = files.filePath(QStringLiteral("cert.der"));
    const PeerResult made = PeerProcess::run(
        QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
         QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
         QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"),
         QStringLiteral("/CN=TokenDesk Seen By Test"), QStringLiteral("-keyout"), files.filePath(QStringLiteral("k")),
         QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"), der});
    QVERIFY2(made.ok(), made.describe().constData());
    QProcessEnvironment env;
    env.insert(QStringLiteral("TD_PIN"), kNewPin);
    const PeerResult written =
        PeerProcess::run(QStringLiteral("pkcs11-tool"),
                         {QStringLiteral("--module"), SoftHsmConfig::modulePath(), QStringLiteral("--token-label"),
                          kLabel, QStringLiteral("--login"), QStringLiteral("--pin"), QStringLiteral("env:TD_PIN"),
                          QStringLiteral("--write-object"), der, QStringLiteral("--type"), QStringLiteral("cert"),
                          QStringLiteral("--id"), QStringLiteral("01"), QStringLiteral("--label"), kCertLabel},
                         {}, env);
    QVERIFY2(written.ok(), written.describe().constData());

    // Another row, then the token again: the page checks again when shown for the token.
    m_window->navigation()->setCurrentIndex(m_window->navigation()->model()->index(0, 0));
    SeenByWidget* seenBy = m_window->tokenPage()->seenBy();
    QSignalSpy refreshed(seenBy, &SeenByWidget::refreshed);
    selectToken();
    QVERIFY(seenBy->isVisible());
    QVERIFY(refreshed.wait(20000));
    const auto viewOf = [seenBy](ProgramView::Kind kind) {
        for (const ProgramView& view : seenBy->views()) {
            if (view.kind == kind) {
                return std::optional<ProgramView>(view);
            }
        }
        return std::optional<ProgramView>();
    };
    QVERIFY(viewOf(ProgramView::Kind::P11Kit));
    QVERIFY2(viewOf(ProgramView::Kind::P11Kit)->sees, "p11-kit registers SoftHSM2 (Debian's softhsm2.module)");
    const QString nssdb = m_home->path() + QStringLiteral("/.pki/nssdb");
    QVERIFY(viewOf(ProgramView::Kind::NssDatabase));
    QVERIFY(!viewOf(ProgramView::Kind::NssDatabase)->sees);
    // Said in words, not colour alone.
    auto* p11kitState = seenBy->findChild<QLabel*>(QStringLiteral("seenByState0"));
    QVERIFY(p11kitState);
    QCOMPARE(p11kitState->text(), QStringLiteral("sees the virtual tokens"));
    QVERIFY(!seenBy->findChildren<QLabel*>(QStringLiteral("seenByName")).isEmpty());
    QCOMPARE(seenBy->findChildren<QLabel*>(QStringLiteral("seenByName")).constFirst()->text(),
             QStringLiteral("GnuTLS, OpenSSL and p11-kit programs"));

    // Register: ~/.pki/nssdb is made, and NSS's certutil lists the token's certificate.
    QPushButton* registerButton = seenBy->buttonFor(nssdb);
    QVERIFY(registerButton);
    QCOMPARE(registerButton->objectName(), QStringLiteral("registerProxy"));
    QSignalSpy changed(seenBy, &SeenByWidget::proxyChanged);
    refreshed.clear();
    QTest::mouseClick(registerButton, Qt::LeftButton);
    QVERIFY(changed.wait(30000));
    QVERIFY2(changed.constFirst().at(0).toBool(), qPrintable(changed.constFirst().at(1).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 20000);
    QVERIFY(viewOf(ProgramView::Kind::NssDatabase)->sees);
    QCOMPARE(seenBy->buttonFor(nssdb)->objectName(), QStringLiteral("unregisterProxy"));
    const PeerResult listed = certutilList(nssdb);
    QVERIFY2(listed.ok() && listed.out.contains(QByteArray(kLabel.toUtf8() + ':' + kCertLabel.toUtf8())),
             listed.describe().constData());
    QVERIFY(seenBy->buttonFor(nssdb)->isVisible());
    screenshot::save(m_window->window(), QStringLiteral("vtoken-page.png"));

    // Unregister: gone from what NSS sees.
    changed.clear();
    refreshed.clear();
    QTest::mouseClick(seenBy->buttonFor(nssdb), Qt::LeftButton);
    QVERIFY(changed.wait(30000));
    QVERIFY2(changed.constFirst().at(0).toBool(), qPrintable(changed.constFirst().at(1).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 20000);
    QVERIFY(!viewOf(ProgramView::Kind::NssDatabase)->sees);
    const PeerResult after = certutilList(nssdb);
    QVERIFY2(!after.out.contains(kCertLabel.toUtf8()), after.describe().constData());
}

void TestVtokenActions::deleteToken()
{
    selectToken();
    QTRY_VERIFY(action("deleteVirtualToken")->isEnabled());
    const QString key = tokenKey();
    QSignalSpy started(m_window->virtualTokenActions(), &VirtualTokenActions::started);

    // First Cancel, the default: nothing goes.
    action("deleteVirtualToken")->trigger();
    QCOMPARE(started.size(), 1);
    auto* command = qobject_cast<DeleteVirtualTokenCommand*>(started.constFirst().at(0).value<Command*>());
    QVERIFY(command);
    QPointer<QMessageBox> box = command->confirmation();
    QVERIFY(box);
    QVERIFY2(box->text().contains(kLabel) && box->text().contains(m_serial), qPrintable(box->text()));
    QVERIFY2(box->informativeText().contains(QStringLiteral("Every key")), qPrintable(box->informativeText()));
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    QTest::keyClick(box, Qt::Key_Return);
    QTRY_VERIFY(box.isNull() || !box->isVisible());
    QTRY_VERIFY(!m_window->tokenActions()->isBusy(key));
    QVERIFY(showSlots().contains(kLabel.toUtf8()));

    // Then Delete.
    started.clear();
    action("deleteVirtualToken")->trigger();
    QCOMPARE(started.size(), 1);
    command = qobject_cast<DeleteVirtualTokenCommand*>(started.constFirst().at(0).value<Command*>());
    QVERIFY(command && command->confirmation());
    QSignalSpy removed(m_window->tokenWatcher(), &TokenWatcher::tokenRemoved);
    QTest::mouseClick(command->confirmation()->findChild<QPushButton*>(QStringLiteral("deleteToken")), Qt::LeftButton);
    const QString said = takeResult();
    QVERIFY2(said.startsWith(QStringLiteral("Deleted")), qPrintable(said));
    QTRY_VERIFY_WITH_TIMEOUT(tokenKey().isEmpty(), 30000);
    QCOMPARE(virtualCount(), 0);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.constFirst().at(0).toString(), key);
    QVERIFY2(!showSlots().contains(kLabel.toUtf8()), showSlots().constData());
    QVERIFY(!action("deleteVirtualToken")->isEnabled());
}

QTEST_MAIN(TestVtokenActions)
#include "tst_vtokenactions.moc"
