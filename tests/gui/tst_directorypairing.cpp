// Directory pairing through the window, offscreen, against real private OpenLDAP directories
// (SlapdFixture.h, harness/slapd.sh) and the bench's gnome-keyring: Settings ▸ Directory… filled and
// tested (no CA: the TLS sentence; a wrong password: the credentials sentence; a server that never
// answers: Stop), saved (the URL becomes the pairing store beside the file store, the password in
// the keyring and nowhere in the settings file); a new window reads it back from the keyring; a
// certificate paired with alice through the Pair dialog is on her entry byte for byte (ldapsearch),
// and unpaired from the pairing page it is gone. A directory of 3000 accounts fills the Pairings
// root in several steps, the first within a bound of the refresh, the window responsive meanwhile,
// and Stop loading pairings ends it early. Screenshots go to $TOKENDESK_SCREENSHOT_DIR.

#include "Screenshot.h"
#include "SlapdFixture.h"
#include "TokenFixtures.h"
#include "backend/AppServices.h"
#include "backend/common/Settings.h"
#include "backend/ldap/DirectoryPasswordVault.h"
#include "models/IdentitiesModel.h"
#include "models/NavigationModel.h"
#include "models/PairingModel.h"
#include "models/PairingText.h"
#include "models/ReaderModel.h"
#include "ui/DirectoryActions.h"
#include "ui/DirectorySettingsDialog.h"
#include "ui/MainWindow.h"
#include "ui/PairDialog.h"
#include "ui/PairingActions.h"
#include "ui/PairingPage.h"
#include "ui/commands/VirtualTokenJobs.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimer>
#include <QTreeView>
#include <QtConcurrent>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace tokendesk;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// The window with services of its own (no readers, no token watcher: the card is a snapshot).
struct Window
{
    ReaderModel readers;
    MainWindow window{&readers};

    Window()
    {
        window.resize(1100, 680);
        window.show();
    }
    void select(const QModelIndex& source) { window.navigation()->setCurrentIndex(window.navigationIndex(source)); }
    QWidget* currentPage() const { return window.findChild<QStackedWidget*>()->currentWidget(); }
    QModelIndex pairingsRoot() const { return window.navigation()->model()->index(NavigationModel::PairingsRoot, 0); }
};

void closeResultBoxes(QWidget* window)
{
    const auto boxes = window->findChildren<QMessageBox*>(QStringLiteral("actionResult"));
    for (QMessageBox* box : boxes) {
        if (box->isVisible()) {
            box->done(QMessageBox::Ok);
        }
    }
}

/// The bind password the keyring keeps for this DN and directory, asked on the window's keyring
/// thread (libsecret stays on one thread); "<none>" when there is none, "<error>" on failure.
QByteArray keyringPassword(const QString& bindDn, const QString& url)
{
    return QtConcurrent::run(VirtualTokenJobs::pool(),
                             [bindDn, url]() -> QByteArray {
                                 auto read = DirectoryPasswordVault::read(bindDn, url);
                                 if (!read) {
                                     return "<error>";
                                 }
                                 // A deep copy: the SecureBytes wipes its buffer, shared by a plain copy.
                                 return read.value()
                                            ? QByteArray(read.value()->bytes().constData(), read.value()->size())
                                            : QByteArray("<none>");
                             })
        .result();
}

/// A loopback port that accepts connections (the kernel's backlog) and never answers.
struct SilentServer
{
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int port = 0;

    SilentServer()
    {
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof addr;
        if (fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 && ::listen(fd, 4) == 0 &&
            ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length) == 0) {
            port = ntohs(addr.sin_port);
        }
    }
    ~SilentServer()
    {
        if (fd >= 0) {
            ::close(fd);
        }
    }
    SilentServer(const SilentServer&) = delete;
    SilentServer& operator=(const SilentServer&) = delete;
};

void replaceText(QLineEdit* field, const QString& text)
{
    field->selectAll();
    field->del();
    QTest::keyClicks(field, text);
}

} // namespace

class TestDirectoryPairing : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QTemporaryDir m_slapdDir;
    SlapdInstance m_slapd;
    TokenFixtures m_fixtures;
    CertificateInfo m_alice;
    QString m_mapping;
    QString m_ldapsUrl; ///< ldaps://127.0.0.1:PORT+1/BASE

    QString settingsFile() const { return m_dir.filePath(QStringLiteral("tokendesk.ini")); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid() && m_slapdDir.isValid() && m_fixtures.isValid());
        Settings::instance().useFile(settingsFile());
        PeerResult started;
        m_slapd = SlapdInstance::startPrivate(m_slapdDir, 0, 0, &started);
        QVERIFY2(m_slapd.isValid(), started.describe().constData());
        m_ldapsUrl = m_slapd.ldapsUrl + QLatin1Char('/') + m_slapd.base;
        m_alice = m_fixtures.certificate(QStringLiteral("alice"), QStringLiteral("/CN=Alice Example/O=Tests"));
        QVERIFY(!m_alice.der.isEmpty());
        m_mapping = m_dir.filePath(QStringLiteral("digest_mapping"));
        Settings& settings = Settings::instance();
        settings.setValue(Settings::Key::PairingStores, QStringList{QStringLiteral("pam-digest:") + m_mapping});
        settings.setValue(Settings::Key::PamConfigPath, m_dir.filePath(QStringLiteral("no-pam_pkcs11.conf")));
        settings.setValue(Settings::Key::PairingAuditLog, m_dir.filePath(QStringLiteral("audit.log")));
        settings.setValue(Settings::Key::PairingPrompts, false);
    }

    void cleanupTestCase()
    {
        // Keyring items of this run go; the directories stop with their last copy.
        QtConcurrent::run(VirtualTokenJobs::pool(), [bindDn = m_slapd.writerDn, url = m_ldapsUrl] {
            (void)DirectoryPasswordVault::remove(bindDn, url);
        }).waitForFinished();
        QThreadPool::globalInstance()->waitForDone();
    }

    void settingsDialogTestsAndSaves()
    {
        Window w;
        DirectoryActions* actions = w.window.directoryActions();
        QVERIFY(actions->settingsAction()->isEnabled());
        QVERIFY(!actions->stopAction()->isEnabled());
        actions->settingsAction()->trigger();
        DirectorySettingsDialog* dialog = actions->dialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());

        // Every control has an accessible name, and every label's mnemonic goes to a field.
        const auto widgets = dialog->findChildren<QWidget*>();
        for (QWidget* widget : widgets) {
            if (qobject_cast<QLineEdit*>(widget) || qobject_cast<QAbstractButton*>(widget) ||
                qobject_cast<QSpinBox*>(widget)) {
                if (widget->parentWidget() != dialog && !qobject_cast<QDialogButtonBox*>(widget->parentWidget())) {
                    continue; // a spin box's own line edit
                }
                QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
            }
            if (auto* label = qobject_cast<QLabel*>(widget); label && label->text().contains(QLatin1Char('&'))) {
                QVERIFY2(label->buddy(), qPrintable(label->text()));
            }
        }

        // Tab goes down the form, the CA file's Browse button after its field.
        const QList<QWidget*> order{dialog->urlField(),    dialog->bindDnField(), dialog->passwordField(),
                                    dialog->rememberBox(), dialog->caFileField(), dialog->browseButton(),
                                    dialog->startTlsBox()};
        for (int i = 1; i < order.size(); ++i) {
            QCOMPARE(order.at(i - 1)->nextInFocusChain(), order.at(i));
        }

        // The URL is checked as it is typed.
        QTest::keyClicks(dialog->urlField(), QStringLiteral("ldaps://no-base-here"));
        auto* urlError = dialog->findChild<QLabel*>(QStringLiteral("urlError"));
        QVERIFY(urlError->isVisible());
        QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(!dialog->testButton()->isEnabled());
        replaceText(dialog->urlField(), m_ldapsUrl);
        QVERIFY(!urlError->isVisible());
        QVERIFY(dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        QTest::keyClicks(dialog->bindDnField(), m_slapd.writerDn);
        QTest::keyClicks(dialog->passwordField(), QStringLiteral("not-the-password"));
        QSignalSpy tested(dialog, &DirectorySettingsDialog::tested);

        // No CA file: the test CA is not trusted, and TokenDesk does not fall back to plain text.
        QTest::mouseClick(dialog->testButton(), Qt::LeftButton);
        QVERIFY(tested.wait(20000));
        QCOMPARE(tested.constLast().at(0).toBool(), false);
        QVERIFY2(dialog->testResult().contains(QStringLiteral("secure connection")), qPrintable(dialog->testResult()));

        // The CA file, and a wrong password: the directory's refusal in PairingText's sentence.
        QTest::keyClicks(dialog->caFileField(), m_slapd.caFile);
        QTest::mouseClick(dialog->testButton(), Qt::LeftButton);
        QVERIFY(tested.wait(20000));
        PairingError refused = PairingError::make(PairingError::Code::InvalidCredentials, m_ldapsUrl);
        QCOMPARE(dialog->testResult(), PairingText::error(refused));

        // The right password: connected.
        replaceText(dialog->passwordField(), m_slapd.writerPassword);
        QTest::mouseClick(dialog->testButton(), Qt::LeftButton);
        QVERIFY(dialog->isTesting());
        QVERIFY(tested.wait(20000));
        QVERIFY2(tested.constLast().at(0).toBool(), qPrintable(dialog->testResult()));
        QVERIFY2(dialog->testResult().startsWith(QStringLiteral("Connected to ldaps://127.0.0.1")),
                 qPrintable(dialog->testResult()));
        QVERIFY(!dialog->isTesting());

        dialog->rememberBox()->setChecked(true);
        screenshot::save(dialog, QStringLiteral("directory-settings.png"));

        // OK: saved, the directory first among the stores, the password in the keyring only.
        QSignalSpy applied(actions, &DirectoryActions::applied);
        QSignalSpy keyring(actions, &DirectoryActions::keyringDone);
        QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QCOMPARE(applied.size(), 1);
        QVERIFY(keyring.wait(30000));
        QVERIFY2(keyring.constFirst().at(0).toBool(), qPrintable(keyring.constFirst().at(1).toString()));
        QTRY_VERIFY(!actions->dialog());
        Settings& settings = Settings::instance();
        QCOMPARE(settings.value(Settings::Key::PairingStores).toStringList(),
                 (QStringList{m_ldapsUrl, QStringLiteral("pam-digest:") + m_mapping}));
        QCOMPARE(settings.value(Settings::Key::DirectoryBindDn).toString(), m_slapd.writerDn);
        QCOMPARE(settings.value(Settings::Key::DirectoryCaFile).toString(), m_slapd.caFile);
        QVERIFY(settings.boolValue(Settings::Key::DirectoryRememberPassword));
        QCOMPARE(keyringPassword(m_slapd.writerDn, m_ldapsUrl), m_slapd.writerPassword.toUtf8());
        const DirectoryAccessPtr access = w.window.services()->directoryAccess();
        QVERIFY(access);
        QCOMPARE(access->password.bytes(), m_slapd.writerPassword.toUtf8());
        QTRY_VERIFY_WITH_TIMEOUT(!w.window.pairings()->isLoading(), 20000);
        for (const PairingError& e : w.window.pairings()->errors()) {
            QFAIL(qPrintable(PairingText::error(e)));
        }
        QVERIFY(!readAll(settingsFile()).contains(m_slapd.writerPassword.toUtf8()));
        QVERIFY(!readAll(settingsFile()).contains("not-the-password"));
    }

    void testCanBeStopped()
    {
        // A server that accepts and never answers: the test waits until Stop.
        SilentServer silent;
        QVERIFY(silent.port > 0);
        Window w;
        DirectorySettingsDialog* dialog = w.window.directoryActions()->openSettings();
        replaceText(dialog->urlField(), QStringLiteral("ldap://127.0.0.1:%1/dc=nowhere").arg(silent.port));
        replaceText(dialog->bindDnField(), QString());
        QTest::mouseClick(dialog->testButton(), Qt::LeftButton);
        QVERIFY(dialog->isTesting());
        QTest::qWait(300);
        QVERIFY(dialog->isTesting());
        QTest::mouseClick(dialog->testButton(), Qt::LeftButton);
        QVERIFY(!dialog->isTesting());
        QCOMPARE(dialog->testResult(), QStringLiteral("Test stopped."));
        dialog->reject();
        QTRY_VERIFY(!w.window.directoryActions()->dialog());
    }

    void pairAndUnpairThroughTheWindow()
    {
        // A new window: the password comes back from the keyring, and the pairings are read with it.
        Window w;
        MainWindow& window = w.window;
        QAbstractItemModelTester tester(window.pairings(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(window.services()->directoryAccess(), 30000);
        QCOMPARE(window.services()->directoryAccess()->password.bytes(), m_slapd.writerPassword.toUtf8());
        QTRY_VERIFY_WITH_TIMEOUT(!window.pairings()->isLoading(), 20000);
        QVERIFY(window.pairings()->errors().isEmpty());
        QCOMPARE(window.pairings()->rowCount(), 0);
        QVERIFY(m_slapd.certificates(QStringLiteral("alice")).isEmpty());

        // A card with alice's certificate: Pair with account, in the directory.
        const TokenInfo token = TokenFixtures::token(QStringLiteral("/usr/lib/fixture.so"), QStringLiteral("77"),
                                                     QStringLiteral("Alice's card"));
        window.setToken(
            TokenFixtures::contents(token, {TokenFixtures::entry(token, m_alice, "\x01", QStringLiteral("alice"),
                                                                 CertificateEntry::KeyState::Present)}));
        QTRY_VERIFY(window.identities()->rowCount() >= 1);
        w.select(window.identities()->index(0, 0));
        PairingActions* pairing = window.pairingActions();
        QTRY_VERIFY(pairing->pairAction()->isEnabled());
        QSignalSpy results(pairing, &PairingActions::result);
        pairing->pairAction()->trigger();
        PairDialog* dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = window.findChild<PairDialog*>(QStringLiteral("pairDialog"))) && dialog->isVisible(), 20000);
        QCOMPARE(dialog->storeSpec(), m_ldapsUrl);
        QTest::keyClicks(dialog->loginField()->lineEdit(), QStringLiteral("alice"));
        if (dialog->pairAnyway()->isVisible()) {
            dialog->pairAnyway()->setChecked(true); // the fixture's CA is not trusted here
        }
        QVERIFY2(dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled(), qPrintable(dialog->problem()));
        QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QVERIFY(results.wait(20000));
        QVERIFY2(results.constFirst().at(0).toBool(), qPrintable(results.constFirst().at(1).toString()));
        closeResultBoxes(&window);

        // The exact DER on alice's entry, as ldapsearch reads it.
        QCOMPARE(m_slapd.certificates(QStringLiteral("alice")), QList<QByteArray>{m_alice.der});
        QVERIFY(readAll(m_dir.filePath(QStringLiteral("audit.log"))).contains("login=alice"));

        // Its row in Pairings, with the card present.
        QTRY_COMPARE_WITH_TIMEOUT(window.pairings()->rowCount(), 1, 20000);
        QTRY_VERIFY(window.pairings()->row(0).cardPresent());
        const PairingRow row = window.pairings()->row(0);
        QCOMPARE(row.pairing.login, QStringLiteral("alice"));
        QCOMPARE(row.storeSpec, m_ldapsUrl);
        QCOMPARE(row.pairing.sha256, m_alice.sha256.toHex());

        // Unpair from the pairing page: confirmed, then the certificate is gone from the entry.
        window.navigation()->expand(w.pairingsRoot());
        w.select(window.pairings()->index(0, 0));
        auto* page = window.findChild<PairingPage*>(QStringLiteral("pairingPage"));
        QTRY_COMPARE(w.currentPage(), page);
        screenshot::save(&window, QStringLiteral("directory-pairing-page.png"));
        results.clear();
        QTest::mouseClick(page->unpairButton(), Qt::LeftButton);
        QMessageBox* confirm = nullptr;
        QTRY_VERIFY((confirm = window.findChild<QMessageBox*>(QStringLiteral("unpairConfirm"))) &&
                    confirm->isVisible());
        QPushButton* unpair = nullptr;
        for (QAbstractButton* b : confirm->buttons()) {
            if (confirm->buttonRole(b) == QMessageBox::AcceptRole) {
                unpair = qobject_cast<QPushButton*>(b);
            }
        }
        QVERIFY(unpair);
        QTest::mouseClick(unpair, Qt::LeftButton);
        QVERIFY(results.wait(20000));
        QVERIFY2(results.constFirst().at(0).toBool(), qPrintable(results.constFirst().at(1).toString()));
        closeResultBoxes(&window);
        QVERIFY(m_slapd.certificates(QStringLiteral("alice")).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(window.pairings()->rowCount(), 0, 20000);
        QVERIFY(readAll(m_dir.filePath(QStringLiteral("audit.log"))).contains("action=unpair"));
    }

    void largeDirectoryFillsInPagesAndStops()
    {
        QTemporaryDir dir;
        PeerResult started;
        SlapdInstance large = SlapdInstance::startPrivate(dir, 0, 3000, &started);
        QVERIFY2(large.isValid(), started.describe().constData());
        const QString url = large.url + QLatin1Char('/') + large.base;

        // A window with nothing to read, then the directory as its store (anonymous reads).
        Settings& settings = Settings::instance();
        settings.setValue(Settings::Key::PairingStores, QStringList());
        settings.setValue(Settings::Key::DirectoryRememberPassword, false);
        Window w;
        MainWindow& window = w.window;
        PairingModel* model = window.pairings();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), 20000);
        window.navigation()->expand(w.pairingsRoot());
        window.navigation()->setCurrentIndex(w.pairingsRoot());

        // What the view lists under Pairings, and when, from the refresh on.
        QElapsedTimer clock;
        QList<QPair<qint64, int>> inserts; // (ms since the refresh, rows listed)
        QAbstractItemModel* listed = window.navigation()->model();
        const QPersistentModelIndex root = w.pairingsRoot();
        auto counting = connect(listed, &QAbstractItemModel::rowsInserted, this, [&](const QModelIndex& parent) {
            if (parent == root) {
                inserts.append({clock.elapsed(), listed->rowCount(root)});
            }
        });
        // The event loop's longest wait between two ticks of a 10 ms timer: how long the window froze.
        QTimer ticker;
        ticker.setInterval(10);
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        connect(&ticker, &QTimer::timeout, this, [&] { longestGap = qMax(longestGap, sinceTick.restart()); });

        settings.setValue(Settings::Key::PairingStores, QStringList{url});
        settings.setValue(Settings::Key::DirectoryBindDn, QString());
        settings.setValue(Settings::Key::DirectoryCaFile, QString());
        auto anonymous = std::make_shared<DirectoryAccess>();
        anonymous->options = DirectoryOptions::fromSettings();
        QSignalSpy loaded(model, &PairingModel::loaded);
        QSignalSpy progress(model, &PairingModel::progress);
        sinceTick.start();
        ticker.start();
        clock.start();
        window.services()->setDirectoryAccess(anonymous); // the window reads the pairings again
        QTRY_VERIFY_WITH_TIMEOUT(window.directoryActions()->stopAction()->isEnabled() || !loaded.isEmpty(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 60000);
        const qint64 total = clock.elapsed();
        ticker.stop();
        QCOMPARE(model->rowCount(), 3000);
        QVERIFY(model->errors().isEmpty());
        QVERIFY(!model->isPartial());
        QVERIFY(!inserts.isEmpty());
        QStringList steps;
        for (const auto& [ms, rows] : std::as_const(inserts)) {
            steps.append(QStringLiteral("%1 rows at %2 ms").arg(rows).arg(ms));
        }
        qInfo("directory of 3000: first rows listed %lld ms after the refresh, all %lld ms; steps: %s; "
              "longest event-loop gap %lld ms",
              inserts.constFirst().first, total, qPrintable(steps.join(QStringLiteral(", "))), longestGap);
        QVERIFY2(inserts.size() > 1, qPrintable(steps.join(QStringLiteral(", "))));
        QVERIFY(inserts.constFirst().second < 3000);
        QCOMPARE(inserts.constLast().second, 3000);
        // 300 ms is the goal on a release build; ASan and a busy two-core machine get room.
        QVERIFY2(inserts.constFirst().first < 2000, qPrintable(steps.join(QStringLiteral(", "))));
        QVERIFY2(longestGap < 1500, qPrintable(QString::number(longestGap)));
        QVERIFY(!window.directoryActions()->stopAction()->isEnabled());
        QVERIFY(!window.directoryActions()->stateLabel()->isVisible());
        QCOMPARE(listed->rowCount(root), 3000);
        screenshot::save(&window, QStringLiteral("directory-pairings.png"));
        disconnect(counting);

        // A first load again (from nothing), stopped at its first page: the rows so far stay.
        settings.setValue(Settings::Key::PairingStores, QStringList());
        model->refresh();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(model->rowCount(), 0);
        settings.setValue(Settings::Key::PairingStores, QStringList{url});
        bool stopped = false;
        bool shot = false;
        // At the first page merged (progress, after its rows are in): the note, a picture, then Stop.
        auto stopping = connect(model, &PairingModel::progress, this, [&](int rows) {
            if (rows == 0) {
                return;
            }
            if (!shot) {
                shot = true;
                QVERIFY(window.directoryActions()->stopAction()->isEnabled());
                QVERIFY(window.directoryActions()->stateLabel()->text().startsWith(
                    QStringLiteral("Reading the directory\u2026")));
                screenshot::save(&window, QStringLiteral("directory-loading.png"));
            }
            if (!stopped) {
                stopped = true;
                window.directoryActions()->stopAction()->trigger();
            }
        });
        clock.restart();
        model->refresh();
        QVERIFY(loaded.wait(30000));
        disconnect(stopping);
        qInfo("stopped after the first page: %d of 3000 rows, %lld ms after the refresh", model->rowCount(),
              clock.elapsed());
        QVERIFY(stopped);
        QVERIFY(model->isPartial());
        QVERIFY(model->rowCount() > 0);
        QVERIFY(model->rowCount() < 3000);
        QVERIFY(model->errors().isEmpty()); // stopping is no error
        QVERIFY(!window.directoryActions()->stopAction()->isEnabled());
        QVERIFY2(window.directoryActions()->stateLabel()->text().startsWith(QStringLiteral("Stopped:")),
                 qPrintable(window.directoryActions()->stateLabel()->text()));
    }
};

QTEST_MAIN(TestDirectoryPairing)
#include "tst_directorypairing.moc"
