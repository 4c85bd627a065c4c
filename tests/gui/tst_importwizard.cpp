// The Import .p12 wizard through the window, in a home of the test's own without SOFTHSM2_CONF
// (VtokenHome: the user's SoftHSM2 configuration, the bench's keyring for the SO PIN): the whole
// walk with an expired certificate (a wrong password first, the warnings, a new token, the import,
// the URIs that pkcs11-tool lists on the token, the token in the window's tree), and a cancel at
// every page that leaves no new token (softhsm2-util --show-slots) and the existing token's
// objects as they were (pkcs11-tool -O --login). Screenshots of every page.

#include "OpensslTool.h"
#include "P12Maker.h"
#include "PeerProcess.h"
#include "Screenshot.h"
#include "SoftHsmPeers.h"
#include "VtokenHome.h"
#include "backend/common/Settings.h"
#include "backend/vtoken/SoftHsmConfig.h"
#include "models/ReaderModel.h"
#include "models/TokenTreeModel.h"
#include "ui/CopyField.h"
#include "ui/ImportP12Actions.h"
#include "ui/ImportP12Wizard.h"
#include "ui/MainWindow.h"
#include "ui/SeenByWidget.h"
#include "ui/importp12/DonePage.h"
#include "ui/importp12/FilePage.h"
#include "ui/importp12/ImportPage.h"
#include "ui/importp12/PasswordPage.h"
#include "ui/importp12/PreviewPage.h"
#include "ui/importp12/TokenChoicePage.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPointer>
#include <QProgressBar>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUrl>
#include <memory>
#include <optional>

using namespace tokendesk;
using namespace tokendesk::importp12;

namespace {

using SoftHsmPeers::listObjects;
using SoftHsmPeers::showSlots;
using SoftHsmPeers::tokenCount;

const QByteArray kPassword = "p12-password";
const QByteArray kExistingPin = "4711-existing";
const QString kExisting = QStringLiteral("Existing");
constexpr int kSlow = 60000; // SoftHSM, the keyring and ASan on a shared machine

/// A URI's attribute, percent-decoded ("id", "object", "type").
QByteArray uriAttribute(const QString& uri, const QString& name)
{
    const QStringList parts = uri.mid(uri.indexOf(QLatin1Char(':')) + 1).split(QLatin1Char(';'));
    for (const QString& part : parts) {
        if (part.startsWith(name + QLatin1Char('='))) {
            return QByteArray::fromPercentEncoding(part.mid(name.size() + 1).toUtf8());
        }
    }
    return {};
}

/// The objects pkcs11-tool lists: "type|label|id hex" each.
QStringList listedObjects(const QByteArray& out)
{
    QStringList objects;
    QString type;
    QString label;
    for (const QByteArray& raw : out.split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (!line.startsWith(QLatin1Char(' ')) && line.contains(QLatin1String("Object"))) {
            type = line.startsWith(QLatin1String("Private Key"))  ? QStringLiteral("private")
                   : line.startsWith(QLatin1String("Public Key")) ? QStringLiteral("public")
                                                                  : QStringLiteral("cert");
            label.clear();
        } else if (line.trimmed().startsWith(QLatin1String("label:"))) {
            label = line.trimmed().mid(6).trimmed();
        } else if (line.trimmed().startsWith(QLatin1String("ID:"))) {
            objects << type + QLatin1Char('|') + label + QLatin1Char('|') + line.trimmed().mid(3).trimmed();
        }
    }
    return objects;
}

void next(QWizard* wizard)
{
    wizard->next();
}

} // namespace

class TestImportWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void walkWholeWizard();
    void cancelAtEachPage_data();
    void cancelAtEachPage();

private:
    ImportP12Wizard* openWizard(const QString& file = QString());
    void toPreview(ImportP12Wizard* wizard);

    QTemporaryDir m_settingsDir;
    std::optional<VtokenHome> m_home;
    std::optional<QTemporaryDir> m_files;
    std::optional<P12Maker> m_maker;
    std::unique_ptr<ReaderModel> m_readers;
    std::unique_ptr<MainWindow> m_window;
    QByteArray m_existingObjects;
};

void TestImportWizard::initTestCase()
{
    Settings::instance().useFile(m_settingsDir.filePath(QStringLiteral("tokendesk.ini")));
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "the bench provides the Secret Service");
    QVERIFY2(!SoftHsmConfig::modulePath().isEmpty(), "softhsm2 is installed");
    m_files.emplace();
    m_maker.emplace(m_files->path());
    QVERIFY2(m_maker->makeCa(), qPrintable(m_maker->error()));
    QVERIFY2(m_maker->makeLeaf(QStringLiteral("alice"), QStringLiteral("rsa:2048"), QStringLiteral("Alice")),
             qPrintable(m_maker->error()));
    QVERIFY2(m_maker->exportP12(QStringLiteral("alice"), QStringLiteral("alice.p12"), kPassword),
             qPrintable(m_maker->error()));
    // An identity whose certificate expired in 2021, signed by the same CA.
    const OpensslTool ssl(m_files->path());
    QVERIFY(ssl.key(QStringLiteral("old.key"), QStringLiteral("ec:P-256")));
    QVERIFY(ssl.issueWithDates(
        QStringLiteral("old.pem"), QStringLiteral("old.key"), QStringLiteral("/O=TokenDesk Test/CN=Old Alice"),
        QStringLiteral("ca.pem"), QStringLiteral("ca.key"), QStringLiteral("20200101000000Z"),
        QStringLiteral("20210101000000Z"), "basicConstraints = CA:FALSE\nkeyUsage = digitalSignature\n"));
    QVERIFY2(m_maker->exportP12(QStringLiteral("old"), QStringLiteral("old.p12"), kPassword),
             qPrintable(m_maker->error()));

    // The user's configuration first: libsofthsm2 reads it once, when the window loads it.
    m_home.emplace();
    QVERIFY(m_home->isValid());
    QVERIFY(SoftHsmConfig::ensure());
    QProcessEnvironment env;
    env.insert(QStringLiteral("TD_PIN"), QString::fromUtf8(kExistingPin));
    const PeerResult init =
        PeerProcess::run(QStringLiteral("softhsm2-util"),
                         {QStringLiteral("--init-token"), QStringLiteral("--free"), QStringLiteral("--label"),
                          kExisting, QStringLiteral("--pin"), QString::fromUtf8(kExistingPin),
                          QStringLiteral("--so-pin"), QStringLiteral("so-pin-4711")});
    QVERIFY2(init.ok(), init.describe().constData());
    QVERIFY(m_maker->openssl({QStringLiteral("x509"), QStringLiteral("-in"), m_maker->path(QStringLiteral("ca.pem")),
                              QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"),
                              m_maker->path(QStringLiteral("ca.der"))}));
    const PeerResult write =
        PeerProcess::run(QStringLiteral("pkcs11-tool"),
                         {QStringLiteral("--module"), SoftHsmConfig::modulePath(), QStringLiteral("--token-label"),
                          kExisting, QStringLiteral("--login"), QStringLiteral("--pin"), QStringLiteral("env:TD_PIN"),
                          QStringLiteral("--write-object"), m_maker->path(QStringLiteral("ca.der")),
                          QStringLiteral("--type"), QStringLiteral("cert"), QStringLiteral("--id"),
                          QStringLiteral("c0"), QStringLiteral("--label"), QStringLiteral("Test CA")},
                         {}, env);
    QVERIFY2(write.ok(), write.describe().constData());
    const PeerResult objects = listObjects(kExisting, kExistingPin);
    QVERIFY2(objects.ok(), objects.describe().constData());
    m_existingObjects = objects.out;
    QVERIFY(m_existingObjects.contains("Test CA"));

    m_readers = std::make_unique<ReaderModel>();
    m_window = std::make_unique<MainWindow>(m_readers.get());
    ModuleRegistry::Options options;
    options.registered = false;
    options.environment = false;
    options.nssDatabase.clear();
    options.paths = {SoftHsmConfig::modulePath()};
    m_window->startTokens(options);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->tokenTree()->tokenCount(), 1, kSlow);
}

void TestImportWizard::cleanupTestCase()
{
    m_window.reset();
    m_readers.reset();
    m_home.reset();
}

void TestImportWizard::cleanup()
{
    // A failed test leaves no wizard for the next one.
    if (QPointer<ImportP12Wizard> wizard = m_window->importP12()->wizard()) {
        wizard->reject();
        QTRY_VERIFY_WITH_TIMEOUT(!wizard, kSlow);
    }
}

ImportP12Wizard* TestImportWizard::openWizard(const QString& file)
{
    auto* action = m_window->findChild<QAction*>(QStringLiteral("importP12"));
    if (!action || !action->isEnabled() || action->shortcut().isEmpty()) {
        qWarning("no Import .p12 action with a shortcut");
        return nullptr;
    }
    if (file.isEmpty()) {
        action->trigger();
    } else {
        // Dropped on the window, as from a file manager.
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(file)});
        QDragEnterEvent enter(QPoint(200, 200), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &enter);
        if (!enter.isAccepted()) {
            qWarning("the window refused the .p12 drag");
            return nullptr;
        }
        QDropEvent drop(QPointF(200, 200), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &drop);
    }
    ImportP12Wizard* wizard = m_window->importP12()->wizard();
    if (wizard && !QTest::qWaitForWindowExposed(wizard)) {
        return nullptr;
    }
    return wizard;
}

/// From the file page to the preview, with the right password.
void TestImportWizard::toPreview(ImportP12Wizard* wizard)
{
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportP12Wizard::PasswordId), kSlow);
    QTest::keyClicks(wizard->passwordPage()->passwordField(), QString::fromUtf8(kPassword));
    next(wizard);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportP12Wizard::PreviewId), kSlow);
}

void TestImportWizard::walkWholeWizard()
{
    const int slotsBefore = tokenCount();
    QPointer<ImportP12Wizard> wizard = openWizard();
    QVERIFY(wizard);
    QCOMPARE(wizard->currentId(), int(ImportP12Wizard::FileId));

    // A file that is none: said inline, the wizard stays.
    FilePage* file = wizard->filePage();
    file->pathField()->setText(m_files->filePath(QStringLiteral("nothing-here.p12")));
    next(wizard);
    QTRY_VERIFY_WITH_TIMEOUT(file->errorLabel()->isVisible(), kSlow);
    QCOMPARE(wizard->currentId(), int(ImportP12Wizard::FileId));
    file->pathField()->setText(m_maker->path(QStringLiteral("old.p12")));
    QVERIFY(!file->errorLabel()->isVisible());
    screenshot::save(wizard, QStringLiteral("import-file.png"));
    next(wizard);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportP12Wizard::PasswordId), kSlow);

    // A wrong password: said inline, the field is emptied, the wizard stays.
    PasswordPage* password = wizard->passwordPage();
    QSignalSpy checked(password, &CheckedPage::checked);
    QTest::keyClicks(password->passwordField(), QStringLiteral("not-the-password"));
    next(wizard);
    QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 1, kSlow);
    QCOMPARE(checked.at(0).at(0).toBool(), false);
    QCOMPARE(wizard->currentId(), int(ImportP12Wizard::PasswordId));
    QVERIFY(password->errorLabel()->isVisible());
    QVERIFY2(password->errorLabel()->text().contains(QLatin1String("Wrong password")),
             qPrintable(password->errorLabel()->text()));
    QVERIFY(password->passwordField()->text().isEmpty());
    screenshot::save(wizard, QStringLiteral("import-password.png"));
    QTest::keyClicks(password->passwordField(), QString::fromUtf8(kPassword));
    next(wizard);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportP12Wizard::PreviewId), kSlow);
    QVERIFY(password->passwordField()->text().isEmpty());

    // The preview: the expired certificate is warned about, the import is still possible.
    PreviewPage* preview = wizard->previewPage();
    const QStringList warnings = preview->shownWarnings();
    QVERIFY2(warnings.join(QLatin1Char('\n')).contains(QLatin1String("has expired")), qPrintable(warnings.join(';')));
    auto* subject = preview->findChild<QLabel*>(QStringLiteral("previewSubject"));
    QVERIFY(subject);
    QVERIFY2(subject->text().contains(QLatin1String("Old Alice")), qPrintable(subject->text()));
    QVERIFY(preview->findChild<QLabel*>(QStringLiteral("previewChain")));
    QVERIFY(!preview->blockerLabel()->isVisible());
    QVERIFY(preview->isComplete());
    screenshot::save(wizard, QStringLiteral("import-preview.png"));
    next(wizard);

    // A new token: the existing one is offered too.
    TokenChoicePage* token = wizard->tokenPage();
    QCOMPARE(wizard->currentId(), int(ImportP12Wizard::TokenId));
    QTRY_VERIFY_WITH_TIMEOUT(!token->listing(), kSlow);
    QVERIFY2(!token->errorLabel()->isVisible(), qPrintable(token->errorLabel()->text()));
    QCOMPARE(token->tokenList()->count(), 1);
    QCOMPARE(token->tokenList()->itemText(0), kExisting);
    QVERIFY(token->newTokenButton()->isChecked());
    QCOMPARE(token->labelField()->text(), QStringLiteral("old"));
    token->labelField()->setText(QStringLiteral("Old Alice"));
    QTest::keyClicks(token->newPinField(), QStringLiteral("1234-new"));
    QTest::keyClicks(token->newPinAgainField(), QStringLiteral("1234-new"));
    QVERIFY(token->isComplete());
    screenshot::save(wizard, QStringLiteral("import-token.png"));
    QSignalSpy finished(wizard->importPage(), &ImportPage::finished);
    next(wizard);
    QCOMPARE(wizard->currentId(), int(ImportP12Wizard::ImportId));
    QVERIFY(token->newPinField()->text().isEmpty());
    screenshot::save(wizard, QStringLiteral("import-progress.png"));

    // Imported: the URIs name objects the token lists.
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kSlow);
    QVERIFY(finished.at(0).at(0).toBool());
    QCOMPARE(wizard->currentId(), int(ImportP12Wizard::DoneId));
    QCOMPARE(tokenCount(), slotsBefore + 1);
    DonePage* done = wizard->donePage();
    const QList<CopyField*> uris = done->uriFields();
    QCOMPARE(uris.size(), 4); // private key, public key, certificate, the CA
    const PeerResult listed = listObjects(QStringLiteral("Old Alice"), "1234-new");
    QVERIFY2(listed.ok(), listed.describe().constData());
    const QStringList objects = listedObjects(listed.out);
    for (CopyField* field : uris) {
        const QString uri = field->text();
        QVERIFY2(uri.startsWith(QLatin1String("pkcs11:")) && uri.contains(QLatin1String("token=Old%20Alice")),
                 qPrintable(uri));
        QVERIFY(field->copyButton()->isEnabled());
        const QByteArray type = uriAttribute(uri, QStringLiteral("type"));
        const QString wanted = (type == "private"  ? QStringLiteral("private")
                                : type == "public" ? QStringLiteral("public")
                                                   : QStringLiteral("cert")) +
                               QLatin1Char('|') + QString::fromUtf8(uriAttribute(uri, QStringLiteral("object"))) +
                               QLatin1Char('|') + QString::fromLatin1(uriAttribute(uri, QStringLiteral("id")).toHex());
        QVERIFY2(objects.contains(wanted),
                 qPrintable(wanted + QStringLiteral(" not in ") + objects.join(QLatin1Char(' '))));
    }
    auto* verified = done->findChild<QLabel*>(QStringLiteral("doneVerified"));
    QVERIFY2(verified->text().contains(QLatin1String("signed a challenge with CKM_ECDSA")),
             qPrintable(verified->text()));
    // Which programs see the new token: p11-kit does (SoftHSM2 is registered with it).
    QTRY_VERIFY_WITH_TIMEOUT(!done->programs()->views().isEmpty(), kSlow);
    QCOMPARE(done->programs()->views().constFirst().kind, ProgramView::Kind::P11Kit);
    QVERIFY(done->programs()->views().constFirst().sees);
    // The rows are shown by the layout on the next turn of the event loop.
    QTRY_VERIFY(done->programs()->findChild<QLabel*>(QStringLiteral("seenByState0")) &&
                done->programs()->findChild<QLabel*>(QStringLiteral("seenByState0"))->isVisible());
    screenshot::save(wizard, QStringLiteral("import-done.png"));

    // The window reads the new token.
    QTRY_COMPARE_WITH_TIMEOUT(m_window->tokenTree()->tokenCount(), 2, kSlow);
    bool shown = false;
    for (const TokenContents& contents : m_window->tokenTree()->tokens()) {
        shown = shown || contents.token.label == QLatin1String("Old Alice");
    }
    QVERIFY(shown);

    wizard->accept();
    QTRY_VERIFY(!wizard);
    QCOMPARE(listObjects(kExisting, kExistingPin).out, m_existingObjects);
}

void TestImportWizard::cancelAtEachPage_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<bool>("existing");
    QTest::newRow("file") << int(ImportP12Wizard::FileId) << false;
    QTest::newRow("password") << int(ImportP12Wizard::PasswordId) << false;
    QTest::newRow("preview") << int(ImportP12Wizard::PreviewId) << false;
    QTest::newRow("token") << int(ImportP12Wizard::TokenId) << false;
    QTest::newRow("import into a new token") << int(ImportP12Wizard::ImportId) << false;
    QTest::newRow("import into the existing token") << int(ImportP12Wizard::ImportId) << true;
}

void TestImportWizard::cancelAtEachPage()
{
    QFETCH(int, page);
    QFETCH(bool, existing);
    const QByteArray slotsBefore = showSlots();
    const int countBefore = tokenCount();

    // Past the file page the wizard is opened by a drop, which reads the file at once.
    const QString file = m_maker->path(QStringLiteral("alice.p12"));
    QPointer<ImportP12Wizard> wizard = openWizard(page == ImportP12Wizard::FileId ? QString() : file);
    QVERIFY(wizard);
    if (page == ImportP12Wizard::FileId) {
        wizard->filePage()->pathField()->setText(file);
    } else if (page == ImportP12Wizard::PasswordId) {
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), page, kSlow);
        QTest::keyClicks(wizard->passwordPage()->passwordField(), QString::fromUtf8(kPassword));
    } else {
        toPreview(wizard);
    }
    if (page >= ImportP12Wizard::TokenId) {
        next(wizard);
        TokenChoicePage* token = wizard->tokenPage();
        QTRY_VERIFY_WITH_TIMEOUT(!token->listing(), kSlow);
        if (existing) {
            token->existingTokenButton()->setChecked(true);
            QTest::keyClicks(token->pinField(), QString::fromUtf8(kExistingPin));
        } else {
            token->labelField()->setText(QStringLiteral("Never kept"));
            QTest::keyClicks(token->newPinField(), QStringLiteral("1234-new"));
            QTest::keyClicks(token->newPinAgainField(), QStringLiteral("1234-new"));
        }
    }
    if (page == ImportP12Wizard::ImportId) {
        next(wizard);
        QCOMPARE(wizard->currentId(), page);
        QVERIFY(wizard->importPage()->running());
    }
    QCOMPARE(wizard->currentId(), page);

    wizard->reject();
    if (page == ImportP12Wizard::ImportId) {
        // The wizard stays until the importer has undone what it wrote.
        QVERIFY(wizard && wizard->cancelling());
    }
    QTRY_VERIFY_WITH_TIMEOUT(!wizard, kSlow);

    QCOMPARE(tokenCount(), countBefore);
    QCOMPARE(showSlots(), slotsBefore);
    QCOMPARE(listObjects(kExisting, kExistingPin).out, m_existingObjects);
}

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
