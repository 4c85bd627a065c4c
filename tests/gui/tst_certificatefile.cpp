// Files given to TokenDesk (`tokendesk FILE`, which the desktop file's Exec does for a double click
// in the file manager), through MainWindow::openFile as main() calls it: a certificate as PEM (.pem,
// .crt) or DER (.der, .cer) shows in a CertificateFileDialog (no token rows; a bundle's chain goes
// through the file's own CA), a file that is no certificate says so in one sentence, and a .p12 /
// .pfx opens the import wizard on its password page. Screenshot: certificate-file.png.

#include "P12Maker.h"
#include "Screenshot.h"
#include "models/CertificateDetailsModel.h"
#include "models/ReaderModel.h"
#include "ui/CertificateFileDialog.h"
#include "ui/CertificatePage.h"
#include "ui/CopyField.h"
#include "ui/ImportP12Actions.h"
#include "ui/ImportP12Wizard.h"
#include "ui/MainWindow.h"

#include <QCryptographicHash>
#include <QFile>
#include <QLabel>
#include <QPointer>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace tokendesk;

namespace {

constexpr int kSlow = 30000; // openssl and the chain check under ASan on a shared machine
const QByteArray kP12Password = "file-test";

} // namespace

class TestCertificateFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void showsEachFormat_data();
    void showsEachFormat();
    void bundleChainThroughItsCa();
    void notACertificate_data();
    void notACertificate();
    void p12OpensTheWizard_data();
    void p12OpensTheWizard();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    bool writeFile(const QString& name, const QByteArray& data) const;
    /// openFile(name) as main() does; the dialog once it has read the file.
    CertificateFileDialog* openCertificate(const QString& name);

    QTemporaryDir m_dir;
    std::unique_ptr<P12Maker> m_maker;
    QByteArray m_aliceSha256;
    std::unique_ptr<ReaderModel> m_readers;
    std::unique_ptr<MainWindow> m_window;
    QList<QPointer<QWidget>> m_opened;
};

bool TestCertificateFile::writeFile(const QString& name, const QByteArray& data) const
{
    QFile file(path(name));
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

void TestCertificateFile::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_maker = std::make_unique<P12Maker>(m_dir.path());
    // A CA and a person's certificate signed by it, as an organisation would issue them.
    QVERIFY2(m_maker->openssl(
                 {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                  QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                  QStringLiteral("-keyout"), path(QStringLiteral("ca.key")), QStringLiteral("-out"),
                  path(QStringLiteral("ca.pem")), QStringLiteral("-days"), QStringLiteral("3650"),
                  QStringLiteral("-subj"), QStringLiteral("/C=DE/O=Example Corp/CN=Example Corp Issuing CA"),
                  QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                  QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")}),
             qPrintable(m_maker->error()));
    QVERIFY(writeFile(QStringLiteral("alice.ext"),
                      "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                      "extendedKeyUsage=clientAuth,emailProtection\nsubjectAltName=email:alice@example.com\n"));
    QVERIFY2(
        m_maker->openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                          QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-out"),
                          path(QStringLiteral("alice.key"))}) &&
            m_maker->openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-key"),
                              path(QStringLiteral("alice.key")), QStringLiteral("-subj"),
                              QStringLiteral("/C=DE/O=Example Corp/OU=Engineering/CN=Alice Example"),
                              QStringLiteral("-out"), path(QStringLiteral("alice.csr"))}) &&
            m_maker->openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                              path(QStringLiteral("alice.csr")), QStringLiteral("-CA"), path(QStringLiteral("ca.pem")),
                              QStringLiteral("-CAkey"), path(QStringLiteral("ca.key")), QStringLiteral("-set_serial"),
                              QStringLiteral("0x1f2e3d4c"), QStringLiteral("-days"), QStringLiteral("730"),
                              QStringLiteral("-extfile"), path(QStringLiteral("alice.ext")), QStringLiteral("-out"),
                              path(QStringLiteral("alice.pem"))}) &&
            m_maker->openssl({QStringLiteral("x509"), QStringLiteral("-in"), path(QStringLiteral("alice.pem")),
                              QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"),
                              path(QStringLiteral("alice.der"))}),
        qPrintable(m_maker->error()));
    QFile der(path(QStringLiteral("alice.der")));
    QVERIFY(der.open(QIODevice::ReadOnly));
    const QByteArray derBytes = der.readAll();
    m_aliceSha256 = QCryptographicHash::hash(derBytes, QCryptographicHash::Sha256);
    QFile pem(path(QStringLiteral("alice.pem")));
    QVERIFY(pem.open(QIODevice::ReadOnly));
    const QByteArray pemBytes = pem.readAll();
    QFile ca(path(QStringLiteral("ca.pem")));
    QVERIFY(ca.open(QIODevice::ReadOnly));
    // The names file managers hand over: .crt holds PEM as often as DER, .cer mostly DER.
    QVERIFY(writeFile(QStringLiteral("alice.crt"), pemBytes));
    QVERIFY(writeFile(QStringLiteral("alice.cer"), derBytes));
    QVERIFY(writeFile(QStringLiteral("alice-and-ca.pem"), pemBytes + ca.readAll()));
    QVERIFY(writeFile(QStringLiteral("notes.pem"), "These are notes, not a certificate.\n"));
    QVERIFY(writeFile(QStringLiteral("empty.crt"), {}));
    QVERIFY(m_maker->exportP12(QStringLiteral("alice"), QStringLiteral("alice.p12"), kP12Password));
    QVERIFY(QFile::copy(path(QStringLiteral("alice.p12")), path(QStringLiteral("ALICE.PFX"))));

    m_readers = std::make_unique<ReaderModel>();
    m_window = std::make_unique<MainWindow>(m_readers.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestCertificateFile::cleanupTestCase()
{
    m_window.reset();
    m_readers.reset();
}

void TestCertificateFile::cleanup()
{
    // What a test opened goes with it (dialogs delete themselves on close, the wizard on reject).
    for (const QPointer<QWidget>& widget : std::as_const(m_opened)) {
        if (auto* wizard = qobject_cast<ImportP12Wizard*>(widget.data())) {
            wizard->reject();
        } else if (widget) {
            widget->close();
        }
    }
    for (const QPointer<QWidget>& widget : std::as_const(m_opened)) {
        QTRY_VERIFY_WITH_TIMEOUT(!widget, kSlow);
    }
    m_opened.clear();
}

CertificateFileDialog* TestCertificateFile::openCertificate(const QString& name)
{
    QWidget* opened = m_window->openFile(path(name));
    m_opened << opened;
    auto* dialog = qobject_cast<CertificateFileDialog*>(opened);
    if (!dialog) {
        qWarning("%s did not open a certificate dialog", qPrintable(name));
        return nullptr;
    }
    // The file is read off the GUI thread: its answer cannot come before the spy is there, but it
    // may come while the window is being exposed.
    QSignalSpy loaded(dialog, &CertificateFileDialog::loaded);
    if (!QTest::qWaitForWindowExposed(dialog) || (loaded.isEmpty() && !loaded.wait(kSlow))) {
        qWarning("%s: the dialog did not show the file", qPrintable(name));
        return nullptr;
    }
    return dialog;
}

void TestCertificateFile::showsEachFormat_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("PEM .pem") << QStringLiteral("alice.pem");
    QTest::newRow("PEM .crt") << QStringLiteral("alice.crt");
    QTest::newRow("DER .der") << QStringLiteral("alice.der");
    QTest::newRow("DER .cer") << QStringLiteral("alice.cer");
}

void TestCertificateFile::showsEachFormat()
{
    QFETCH(QString, name);
    CertificateFileDialog* dialog = openCertificate(name);
    QVERIFY(dialog);
    QVERIFY(dialog->windowTitle().contains(name));
    QVERIFY(dialog->page()->isVisible());
    QVERIFY(!dialog->errorLabel()->isVisible());
    QCOMPARE(dialog->page()->entry().sha256(), m_aliceSha256);
    QCOMPARE(dialog->page()->detailsModel()->certificate().sha256, m_aliceSha256);
    auto* title = dialog->page()->findChild<QLabel*>(QStringLiteral("certificateTitle"));
    QVERIFY(title);
    QCOMPARE(title->text(), QStringLiteral("Alice Example"));
    auto* issuer = dialog->page()->findChild<QLabel*>(QStringLiteral("issuer"));
    QVERIFY(issuer && issuer->text().contains(QLatin1String("Example Corp Issuing CA")));
    // A file has no URI, key or token: those rows are not shown at all.
    for (const char* row : {"certificateUri", "privateKey", "certificateToken"}) {
        auto* field = dialog->page()->findChild<QWidget*>(QLatin1String(row));
        QVERIFY2(field && !field->isVisible(), row);
    }
    QCOMPARE(dialog->fileLabel()->text(), path(name));
}

void TestCertificateFile::bundleChainThroughItsCa()
{
    CertificateFileDialog* dialog = openCertificate(QStringLiteral("alice-and-ca.pem"));
    QVERIFY(dialog);
    QCOMPARE(dialog->page()->entry().sha256(), m_aliceSha256);
    QVERIFY2(dialog->fileLabel()->text().contains(QLatin1String("the first of 2 certificates")),
             qPrintable(dialog->fileLabel()->text()));
    QSignalSpy verified(dialog->page(), &CertificatePage::chainVerified);
    QVERIFY(!dialog->page()->chainResult().chain.isEmpty() || verified.wait(kSlow));
    // The leaf, then the file's own CA: not trusted by the system, but found.
    QCOMPARE(dialog->page()->chainResult().chain.size(), 2);
    QCOMPARE(dialog->page()->chainResult().chain.at(1).friendlyName, QStringLiteral("Example Corp Issuing CA"));
    QCOMPARE(dialog->page()->tabs()->currentIndex(), 0);
    screenshot::save(dialog, QStringLiteral("certificate-file.png"));
}

void TestCertificateFile::notACertificate_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("text") << QStringLiteral("notes.pem") << QStringLiteral("is not a certificate.");
    QTest::newRow("key only") << QStringLiteral("alice.key") << QStringLiteral("is not a certificate.");
    QTest::newRow("empty") << QStringLiteral("empty.crt") << QStringLiteral("is empty.");
    QTest::newRow("gone") << QStringLiteral("gone.pem") << QStringLiteral("cannot be read");
}

void TestCertificateFile::notACertificate()
{
    QFETCH(QString, name);
    QFETCH(QString, sentence);
    CertificateFileDialog* dialog = openCertificate(name);
    QVERIFY(dialog);
    QVERIFY(dialog->errorLabel()->isVisible());
    QVERIFY2(dialog->errorLabel()->text().startsWith(QLatin1String("The file ") + path(name)),
             qPrintable(dialog->errorLabel()->text()));
    QVERIFY2(dialog->errorLabel()->text().contains(sentence), qPrintable(dialog->errorLabel()->text()));
    QVERIFY(!dialog->page()->isVisible());
}

void TestCertificateFile::p12OpensTheWizard_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow(".p12") << QStringLiteral("alice.p12");
    QTest::newRow(".PFX") << QStringLiteral("ALICE.PFX");
}

void TestCertificateFile::p12OpensTheWizard()
{
    QFETCH(QString, name);
    QWidget* opened = m_window->openFile(path(name));
    m_opened << opened;
    auto* wizard = qobject_cast<ImportP12Wizard*>(opened);
    QVERIFY(wizard);
    QCOMPARE(wizard, m_window->importP12()->wizard());
    QVERIFY(QTest::qWaitForWindowExposed(wizard));
    // The file was read: the wizard asks for its password.
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportP12Wizard::PasswordId), kSlow);
}

QTEST_MAIN(TestCertificateFile)
#include "tst_certificatefile.moc"
