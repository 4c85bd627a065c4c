#include "CertificateFileDialog.h"

#include "CertificatePage.h"
#include "StatusStyle.h"
#include "backend/x509/CertificateBundle.h"
#include "backend/x509/CertificateParser.h"
#include "models/CertificateText.h"
#include "models/PrintableText.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QVBoxLayout>
#include <optional>

namespace tokendesk {

struct CertificateFileDialog::Contents
{
    std::optional<X509Error> error;
    std::optional<CertificateInfo> info; ///< the file's first certificate
    QList<CertificateInfo> issuers;      ///< the file's certificates its chain may go through
    qsizetype count = 0;
    QString skipped; ///< what the file holds beside certificates, in words; empty when nothing
};

namespace {

/// As `tokendesk cert show FILE` reads it: the first certificate, and of the others only those
/// its chain may use.
CertificateFileDialog::Contents readCertificateFile(const QString& path)
{
    CertificateFileDialog::Contents contents;
    const auto data = CertificateParser::readFile(path);
    auto bundle = data ? CertificateBundle::read(data.value()) : Result<CertificateBundle, X509Error>(data.error());
    auto parsed = bundle ? bundle.value().parse(0) : Result<CertificateInfo, X509Error>(bundle.error());
    if (!parsed) {
        X509Error error = parsed.error();
        error.path = path;
        contents.error = error;
        return contents;
    }
    const CertificateBundle& file = bundle.value();
    contents.info = parsed.value();
    contents.issuers = file.issuersOf(parsed.value());
    contents.count = file.count();
    if (file.skippedAnything() || file.truncated()) {
        contents.skipped = CertificateText::bundleSkipped(file);
    }
    return contents;
}

} // namespace

CertificateFileDialog::CertificateFileDialog(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("certificateFileDialog"));
    m_file = new QLabel(this);
    m_file->setObjectName(QStringLiteral("certificateFile"));
    m_file->setWordWrap(true);
    m_file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("certificateFileError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    StatusStyle::apply(m_error, StatusPalette::Status::Bad);
    m_error->hide();
    m_page = new CertificatePage(this);
    m_page->setObjectName(QStringLiteral("certificateFilePage"));
    m_page->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_file);
    layout->addWidget(m_error);
    layout->addWidget(m_page, 1);
    layout->addStretch(0);
    layout->addWidget(buttons);
    resize(760, 620);
}

void CertificateFileDialog::openFile(const QString& path)
{
    m_path = path;
    const QString name = PrintableText::escape(QFileInfo(path).fileName());
    setWindowTitle(tr("Certificate file %1").arg(name));
    m_file->setText(tr("Reading %1…").arg(PrintableText::escape(path)));
    m_error->hide();
    m_page->hide();
    m_read.run(
        this, [path] { return readCertificateFile(path); },
        [this](const Contents& contents) { showContents(contents); });
}

void CertificateFileDialog::showContents(const Contents& contents)
{
    const QString path = PrintableText::escape(m_path);
    if (contents.error) {
        m_file->setText(path);
        m_error->setText(CertificateText::error(*contents.error));
        m_error->show();
        m_page->hide();
        Q_EMIT loaded();
        return;
    }
    QString about = contents.count > 1
                        ? tr("%1: the first of %n certificates in this file.", nullptr, int(contents.count)).arg(path)
                        : path;
    if (!contents.skipped.isEmpty()) {
        about += QLatin1Char('\n') % tr("Warning: %1").arg(contents.skipped);
    }
    m_file->setText(about);
    m_page->setFileCertificate(*contents.info, contents.issuers);
    m_page->show();
    Q_EMIT loaded();
}

} // namespace tokendesk
