#include "ExportCertificateCommand.h"

#include "AsyncTask.h"
#include "backend/common/AtomicFile.h"
#include "models/ErrorText.h"

#include <QFileDialog>

namespace tokendesk {

ExportCertificateCommand::ExportCertificateCommand(CertificateEntry entry, QWidget* window, QObject* parent)
    : Command(parent), m_entry(std::move(entry)), m_window(window)
{}

QString ExportCertificateCommand::title() const
{
    return tr("Export certificate");
}

bool ExportCertificateCommand::write(const CertificateEntry& entry, const QString& path, CertificateFormat format,
                                     QString* error)
{
    if (!entry.info) {
        if (error) {
            *error = tr("Select a certificate first.");
        }
        return false;
    }
    const auto written = AtomicFile::write(path, CertificateExport::encode(*entry.info, format));
    if (!written) {
        if (error) {
            *error = ErrorText::file(written.error());
        }
        return false;
    }
    return true;
}

void ExportCertificateCommand::run()
{
    if (!m_entry.info) {
        finish(false, tr("Select a certificate first."));
        return;
    }
    const QString pem = tr("PEM certificate (*.pem *.crt)");
    const QString der = tr("DER certificate (*.der *.cer)");
    QString filter = pem;
    QString name = m_entry.info->friendlyName.isEmpty() ? QStringLiteral("certificate") : m_entry.info->friendlyName;
    name.replace(QLatin1Char('/'), QLatin1Char('_'));
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export certificate"), name + QStringLiteral(".pem"),
                                                      pem + QStringLiteral(";;") + der, &filter);
    if (path.isEmpty()) {
        finish(CommandResult{CommandResult::Status::Cancelled, {}});
        return;
    }
    const bool asDer = filter == der || path.endsWith(QLatin1String(".der"), Qt::CaseInsensitive) ||
                       path.endsWith(QLatin1String(".cer"), Qt::CaseInsensitive);
    const CertificateFormat format = asDer ? CertificateFormat::Der : CertificateFormat::Pem;
    struct Written
    {
        bool ok = false;
        QString error;
    };
    AsyncTask::runThenCallback(
        this,
        [entry = m_entry, path, format] {
            Written written;
            written.ok = write(entry, path, format, &written.error);
            return written;
        },
        [this, path](const Written& written) {
            finish(written.ok, written.ok ? tr("Certificate written to %1.").arg(path) : written.error);
        });
}

} // namespace tokendesk
