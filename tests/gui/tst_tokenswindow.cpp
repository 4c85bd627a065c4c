// The main window with a real SoftHSM2 token read by TokenWatcher: the token and
// its certificate appear under Tokens and Identities, the certificate's page
// says who it is and its SHA-256, the chain is checked, the search field
// filters, export writes what was put on the token. Screenshots go to docs/.

#include "Screenshot.h"
#include "SoftHsmTokens.h"
#include "backend/common/Settings.h"
#include "backend/pkcs11/TokenWatcher.h"
#include "backend/x509/CertificateParser.h"
#include "models/CertificateDetailsModel.h"
#include "models/IdentitiesModel.h"
#include "models/NavigationModel.h"
#include "models/ReaderModel.h"
#include "models/TokenTreeModel.h"
#include "ui/CertificatePage.h"
#include "ui/CopyField.h"
#include "ui/MainWindow.h"
#include "ui/TokenPage.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <sys/stat.h>

using namespace tokendesk;

namespace {
/// Every row's name under `parent` of the view's model, depth first.
QStringList allNames(const QAbstractItemModel* model, const QModelIndex& parent = {})
{
    QStringList names;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex i = model->index(row, 0, parent);
        names << i.data().toString();
        names += allNames(model, i);
    }
    return names;
}

QString labelText(QWidget* page, const char* name)
{
    auto* label = page->findChild<QLabel*>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QLatin1String(name));
}
} // namespace

class TestTokensWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settingsDir;

private Q_SLOTS:
    void initTestCase() { Settings::instance().useFile(m_settingsDir.filePath(QStringLiteral("tokendesk.ini"))); }

    void softHsmTokenInTheTree()
    {
        SoftHsmTokens softhsm;
        QVERIFY2(softhsm.isValid(), qPrintable(softhsm.errorString()));
        quint64 slot = 0;
        QVERIFY2(softhsm.createToken("Desk Token", &slot), qPrintable(softhsm.errorString()));
        QVERIFY2(
            softhsm.generateKeyPair(slot, QStringLiteral("01"), QStringLiteral("Desk key"), QStringLiteral("rsa:2048")),
            qPrintable(softhsm.errorString()));
        const QByteArray der =
            softhsm.writeCertificate(slot, QStringLiteral("01"), QStringLiteral("Desk cert"), QStringLiteral("rsa"));
        QVERIFY2(!der.isEmpty(), qPrintable(softhsm.errorString()));
        const QByteArray otherDer =
            softhsm.writeCertificate(slot, QStringLiteral("02"), QStringLiteral("Plain cert"), QStringLiteral("ec"));
        QVERIFY2(!otherDer.isEmpty(), qPrintable(softhsm.errorString()));
        const QByteArray sha256 = QCryptographicHash::hash(der, QCryptographicHash::Sha256);

        ReaderModel readers;
        MainWindow window(&readers);
        ModuleRegistry::Options options;
        options.registered = false;
        options.environment = false;
        options.nssDatabase.clear();
        options.paths = {SoftHsmTokens::modulePath()};
        window.startTokens(options);
        QVERIFY(window.tokenWatcher());
        QSignalSpy busyChanged(window.tokenWatcher(), &TokenWatcher::busyChanged);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // The token and its certificates, read off the GUI thread.
        TokenTreeModel* tree = window.tokenTree();
        // SoftHSM also shows its free slot's uninitialized token: look for ours by label.
        const auto deskToken = [tree] {
            const TokenContentsList tokens = tree->tokens();
            for (const TokenContents& t : tokens) {
                if (t.token.label == QLatin1String("Desk Token") && t.certificates.size() == 2) {
                    return t;
                }
            }
            return TokenContents();
        };
        QTRY_VERIFY_WITH_TIMEOUT(!deskToken().key().endsWith(QLatin1Char('\n')), 30000);
        auto* tokensState = window.findChild<QLabel*>(QStringLiteral("tokensState"));
        QTRY_COMPARE(tokensState->text(), QString()); // "Reading tokens…" while busy, then nothing
        QVERIFY(!busyChanged.isEmpty());
        QCOMPARE(busyChanged.constFirst().at(0).toBool(), true);
        const TokenContents token = deskToken();
        QCOMPARE(token.token.label, QStringLiteral("Desk Token"));
        QTreeView* navigation = window.navigation();
        const QModelIndex tokenRow = window.navigationIndex(tree->indexOfToken(token.key()));
        QVERIFY(tokenRow.isValid());
        QCOMPARE(tokenRow.data().toString(), QStringLiteral("Desk Token"));
        QCOMPARE(tokenRow.parent().parent().data().toString(), QStringLiteral("Tokens (%1)").arg(tree->tokenCount()));
        QVERIFY(navigation->isExpanded(tokenRow));

        // The certificate with its key is an identity: under the token and under Identities.
        const auto found = std::find_if(token.certificates.cbegin(), token.certificates.cend(),
                                        [&sha256](const CertificateEntry& e) { return e.sha256() == sha256; });
        QVERIFY(found != token.certificates.cend());
        const CertificateEntry entry = *found;
        QVERIFY(entry.keyState != CertificateEntry::KeyState::None);
        QTRY_COMPARE(window.identities()->rowCount(), 1);
        const QModelIndex identityRow = window.navigationIndex(window.identities()->index(0, 0));
        QCOMPARE(identityRow.parent().data().toString(), QStringLiteral("Identities (1)"));
        QCOMPARE(identityRow.data(TokenTreeModel::CertificateSha256Role).toByteArray(), sha256);
        const QModelIndex certRow = window.navigationIndex(tree->indexOfObject(token.key(), entry.uri()));
        QVERIFY(certRow.isValid());
        QVERIFY(certRow.data().toString().startsWith(QStringLiteral("TokenDesk test ")));
        QVERIFY(certRow.siblingAtColumn(1).data().toString().startsWith(QStringLiteral("Expires in")));

        // The token's page.
        navigation->setCurrentIndex(tokenRow);
        auto* pages = window.findChild<QStackedWidget*>();
        QCOMPARE(pages->currentWidget(), window.tokenPage());
        QCOMPARE(labelText(window.tokenPage(), "serial"), token.token.serial);
        QCOMPARE(window.tokenPage()->findChild<CopyField*>(QStringLiteral("tokenUri"))->text(), token.token.uri);
        // SoftHSM has no retry counter (PIV cards tell theirs: tst_pindialogs, tst_pkcs11_report).
        QCOMPARE(labelText(window.tokenPage(), "triesLeft"), QStringLiteral("the token does not tell"));
        QVERIFY(labelText(window.tokenPage(), "objects").contains(QStringLiteral("certificates: 2")));
        navigation->expandAll();
        screenshot::save(&window, QStringLiteral("tokens-tree.png"));

        // The certificate's page: who, SHA-256, and the chain (a self-signed certificate nobody trusts).
        CertificatePage* page = window.certificatePage();
        QSignalSpy chainVerified(page, &CertificatePage::chainVerified);
        navigation->setCurrentIndex(identityRow);
        QCOMPARE(pages->currentWidget(), page);
        QCOMPARE(labelText(page, "sha256").remove(QChar(0x200B)), CertificateInfo::colonHex(sha256));
        QVERIFY(labelText(page, "subject").contains(QStringLiteral("O=TokenDesk,CN=TokenDesk test ")));
        QVERIFY(labelText(page, "validity").startsWith(QStringLiteral("Expires soon: Valid until "))); // 30 days
        QCOMPARE(page->findChild<CopyField*>(QStringLiteral("certificateUri"))->text(), entry.uri());
        QVERIFY(labelText(page, "privateKey")
                    .startsWith(entry.isIdentity() ? QStringLiteral("Identity") : QStringLiteral("Key expected")));
        QCOMPARE(page->detailsModel()->certificate().sha256, sha256);
        // The check runs on Qt's thread pool, which the token reads share: under load it can take a
        // while, and a result that came before this line is in the spy already (wait() would miss it).
        QTRY_VERIFY_WITH_TIMEOUT(!chainVerified.isEmpty(), 30000);
        QCOMPARE(page->chainResult().status, ChainStatus::UntrustedRoot);
        QVERIFY(labelText(page, "chainStatus").startsWith(QStringLiteral("The chain ends at a root")));
        screenshot::save(&window, QStringLiteral("certificate-general.png"));
        page->tabs()->setCurrentIndex(1);
        screenshot::save(&window, QStringLiteral("certificate-fields.png"));
        page->tabs()->setCurrentIndex(2);
        screenshot::save(&window, QStringLiteral("certificate-chain.png"));
        page->tabs()->setCurrentIndex(0);

        // Actions on the selection: export (PEM and DER), copy the URI.
        QTemporaryDir out;
        QVERIFY(window.exportCertificate(out.filePath(QStringLiteral("c.der")), CertificateFormat::Der));
        QFile derFile(out.filePath(QStringLiteral("c.der")));
        QVERIFY(derFile.open(QIODevice::ReadOnly));
        QCOMPARE(derFile.readAll(), der);
        QVERIFY(window.exportCertificate(out.filePath(QStringLiteral("c.pem")), CertificateFormat::Pem));
        const auto pem = CertificateParser::parseFile(out.filePath(QStringLiteral("c.pem")));
        QVERIFY(pem.ok());
        QCOMPARE(pem.value().sha256, sha256);
        // Not over what is not a file (a FIFO here, /dev/null for a careless root): the reason, in words.
        const QString fifo = out.filePath(QStringLiteral("fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QString why;
        QVERIFY(!window.exportCertificate(fifo, CertificateFormat::Pem, &why));
        QVERIFY2(why.contains(QStringLiteral("not a regular file")), qPrintable(why));
        QVERIFY(QFileInfo(fifo).exists() && !QFileInfo(fifo).isFile());
        auto* copyUri = window.findChild<QAction*>(QStringLiteral("copyUri"));
        QVERIFY(copyUri->isEnabled());
        copyUri->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), entry.uri());

        // The search field filters every root; the roots stay.
        QLineEdit* search = window.searchField();
        // "plain" is the label of the certificate without a key: the token stays, Identities empties.
        QTest::keyClicks(search, QStringLiteral("PLAIN"));
        const QAbstractItemModel* view = navigation->model();
        QStringList names = allNames(view);
        QVERIFY(names.contains(QStringLiteral("Desk Token")));
        QCOMPARE(view->rowCount(), int(NavigationModel::RootCount));
        QCOMPARE(view->rowCount(view->index(NavigationModel::IdentitiesRoot, 0)), 0);
        QVERIFY(names.contains(QStringLiteral("Certificates (1)")));
        QCOMPARE(names.count(QStringLiteral("Identities (1)")), 1); // the root; the token's group is hidden
        search->clear();
        QTest::keyClicks(search, QString::fromLatin1(sha256.toHex().left(16)));
        QCOMPARE(view->rowCount(view->index(NavigationModel::IdentitiesRoot, 0)), 1);
        search->clear();
        QTest::keyClicks(search, QStringLiteral("no such certificate"));
        QCOMPARE(allNames(view).size(), int(NavigationModel::RootCount));
        screenshot::save(&window, QStringLiteral("tokens-search-empty.png"));
        search->clear();
        QVERIFY(allNames(view).contains(QStringLiteral("Desk Token")));

        window.tokenWatcher()->stop();
    }
};

QTEST_MAIN(TestTokensWindow)
#include "tst_tokenswindow.moc"
