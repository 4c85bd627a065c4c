#pragma once

#include "commands/AsyncTask.h"

#include <QDialog>

class QLabel;

namespace tokendesk {

class CertificatePage;

/// A certificate file opened from outside the window (`tokendesk FILE.pem`, a double click on a
/// .pem, .crt, .cer or .der file in the file manager): the file's first certificate on a
/// CertificatePage (general, fields, and the chain through the file's own CA certificates and the
/// system's), or one sentence saying why the file shows none. The file is read off the GUI
/// thread: a FIFO may keep it waiting (CertificateParser::kPipeTimeoutMs).
class CertificateFileDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CertificateFileDialog(QWidget* parent = nullptr);

    /// Reads `path` (FileName's: any bytes) and shows what it holds; loaded() when it shows.
    void openFile(const QString& path);
    QString path() const { return m_path; }

    CertificatePage* page() const { return m_page; }
    /// Why the file shows no certificate; hidden while it shows one.
    QLabel* errorLabel() const { return m_error; }
    /// Which file, how many certificates it holds, and what in it was skipped.
    QLabel* fileLabel() const { return m_file; }

    /// What a file holds, as read off the GUI thread.
    struct Contents;

Q_SIGNALS:
    /// The file was read: the certificate or the error shows.
    void loaded();

private:
    void showContents(const Contents& contents);

    QString m_path;
    AsyncTask::Latest m_read; ///< a file opened later wins
    QLabel* m_file = nullptr;
    QLabel* m_error = nullptr;
    CertificatePage* m_page = nullptr;
};

} // namespace tokendesk
