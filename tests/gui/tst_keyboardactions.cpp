// The window's standard shortcuts (ui/KeyboardActions), typed at the window as a user types them:
// Find puts the focus in the search field, Copy puts the selected certificate's URI on the
// clipboard (a pairing: its fingerprint; text in a field: that text), Refresh reads the tokens
// again (a certificate another program put on a SoftHSM2 token, which sends no slot event,
// appears only then).

#include "DemoWindow.h"
#include "SoftHsmTokens.h"
#include "backend/pkcs11/TokenWatcher.h"
#include "models/IdentitiesModel.h"
#include "ui/KeyboardActions.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace tokendesk;

namespace {
/// Keys go to the widget that has the focus, as the user's do.
void type(QWidget* window, QKeySequence::StandardKey key)
{
    QWidget* focus = QApplication::focusWidget();
    QTest::keySequence(focus ? focus : window, key);
}

int certificatesOn(const TokenTreeModel* tree, const QString& label)
{
    const TokenContentsList tokens = tree->tokens();
    for (const TokenContents& t : tokens) {
        if (t.token.label == label) {
            return int(t.certificates.size());
        }
    }
    return -1;
}

} // namespace

class TestKeyboardActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findFocusesTheSearchField()
    {
        DemoWindow demo;
        QVERIFY2(demo.isValid(), qPrintable(demo.errorString()));
        MainWindow* window = demo.window.get();
        window->show();
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        window->navigation()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), window->navigation());
        window->searchField()->setText(QStringLiteral("alice"));

        type(window, QKeySequence::Find);
        QTRY_COMPARE(QApplication::focusWidget(), window->searchField());
        // What was there is selected: typing replaces it.
        QCOMPARE(window->searchField()->selectedText(), QStringLiteral("alice"));
    }

    void copyPutsTheSelectionsUriOnTheClipboard()
    {
        DemoWindow demo;
        QVERIFY2(demo.isValid(), qPrintable(demo.errorString()));
        MainWindow* window = demo.window.get();
        window->show();
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        QClipboard* clipboard = QGuiApplication::clipboard();
        QAction* copy = window->keyboardActions()->copyAction();

        // A certificate: its PKCS#11 URI.
        demo.select(window->tokenTree()->indexOfObject(demo.workToken.key(), demo.workEntry.uri()));
        window->navigation()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), window->navigation());
        QVERIFY(copy->isEnabled());
        clipboard->clear();
        type(window, QKeySequence::Copy);
        QCOMPARE(clipboard->text(), demo.workEntry.uri());

        // The same identity under Identities, and its token: their URIs.
        demo.select(window->identities()->index(0, 0));
        clipboard->clear();
        type(window, QKeySequence::Copy);
        QCOMPARE(clipboard->text(), demo.workEntry.uri());
        demo.select(window->tokenTree()->indexOfToken(demo.workToken.key()));
        type(window, QKeySequence::Copy);
        QCOMPARE(clipboard->text(), demo.workToken.uri);

        // A pairing has no URI: its certificate's SHA-256 fingerprint, as its page shows it.
        QTRY_VERIFY(window->pairings()->rowCount() > 0);
        const QModelIndex pairing = window->pairings()->index(0, 0);
        QTRY_VERIFY(!pairing.data(PairingModel::RowRole).value<PairingRow>().pairing.sha256.isEmpty());
        demo.select(pairing);
        type(window, QKeySequence::Copy);
        QCOMPARE(clipboard->text(), QString::fromLatin1(demo.workEntry.sha256().toHex()));

        // A root has nothing to copy.
        window->navigation()->setCurrentIndex(window->navigation()->model()->index(0, 0));
        QVERIFY(!copy->isEnabled());

        // In the search field, Copy copies the field's selected text, not the row.
        window->searchField()->setText(QStringLiteral("Example"));
        window->searchField()->setFocus();
        window->searchField()->selectAll();
        QTRY_COMPARE(QApplication::focusWidget(), window->searchField());
        type(window, QKeySequence::Copy);
        QCOMPARE(clipboard->text(), QStringLiteral("Example"));
    }

    void refreshReadsTheTokensAgain()
    {
        SoftHsmTokens softhsm;
        QVERIFY2(softhsm.isValid(), qPrintable(softhsm.errorString()));
        quint64 slot = 0;
        QVERIFY2(softhsm.createToken("Refreshed Token", &slot), qPrintable(softhsm.errorString()));
        DemoWindow demo;
        QVERIFY2(demo.isValid(), qPrintable(demo.errorString()));
        MainWindow* window = demo.window.get();
        ModuleRegistry::Options options;
        options.registered = false;
        options.environment = false;
        options.nssDatabase.clear();
        options.paths = {SoftHsmTokens::modulePath()};
        window->startTokens(options);
        window->show();
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        QTRY_COMPARE_WITH_TIMEOUT(certificatesOn(window->tokenTree(), QStringLiteral("Refreshed Token")), 0, 30000);
        auto* tokensState = window->findChild<QLabel*>(QStringLiteral("tokensState"));
        QTRY_COMPARE(tokensState->text(), QString());

        // A certificate another program writes: SoftHSM2 sends no slot event, the window does not know.
        QVERIFY2(
            !softhsm.writeCertificate(slot, QStringLiteral("07"), QStringLiteral("Late cert"), QStringLiteral("ec"))
                 .isEmpty(),
            qPrintable(softhsm.errorString()));
        window->rescanTokens(); // what a reader change does: SoftHSM2 has no readers, it is not read again
        QTest::qWait(1500);
        QCOMPARE(certificatesOn(window->tokenTree(), QStringLiteral("Refreshed Token")), 0);

        QSignalSpy asked(window->keyboardActions(), &KeyboardActions::refreshRequested);
        QSignalSpy busy(window->tokenWatcher(), &TokenWatcher::busyChanged);
        type(window, QKeySequence::Refresh);
        QCOMPARE(asked.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(certificatesOn(window->tokenTree(), QStringLiteral("Refreshed Token")), 1, 30000);
        QVERIFY(!busy.isEmpty());
        QCOMPARE(busy.constFirst().at(0).toBool(), true);
    }
};

QTEST_MAIN(TestKeyboardActions)
#include "tst_keyboardactions.moc"
