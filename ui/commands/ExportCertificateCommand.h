#pragma once

#include "Command.h"
#include "backend/pkcs11/Identity.h"
#include "backend/x509/CertificateExport.h"

#include <QPointer>

class QWidget;

namespace tokendesk {

/// Export a certificate to a file: asks where (PEM or DER, from the name and filter chosen),
/// then writes it whole or not at all (AtomicFile) off the GUI thread. It touches no token.
/// Finished: succeeded with "Certificate written to …", failed with why, or cancelled (the
/// file dialog closed) with nothing to say.
class ExportCertificateCommand : public Command
{
    Q_OBJECT

public:
    ExportCertificateCommand(CertificateEntry entry, QWidget* window, QObject* parent = nullptr);

    QString title() const override;
    /// Writes `entry` to `path` now; false and a sentence in `error` on failure.
    static bool write(const CertificateEntry& entry, const QString& path, CertificateFormat format,
                      QString* error = nullptr);

protected:
    void run() override;

private:
    CertificateEntry m_entry;
    QPointer<QWidget> m_window;
};

} // namespace tokendesk
