#pragma once

#include "backend/pairing/PairingSources.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "models/report/ReportDocument.h"

#include <QDialog>
#include <QFileDialog>
#include <QPointer>
#include <memory>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace tokendesk {

class SmartcardList;
class SystemReport;

/// Help ▸ Report for the helpdesk…: what `tokendesk report` prints, read off the GUI thread, shown
/// as its text; saved as text, JSON or HTML (the format chosen in the save dialog's filter, the file
/// written by AtomicFile) or copied, byte for byte what the command line prints for the same state.
/// "Mask serial numbers" is `--mask-serials` (SerialMask). A report holds no secret: nothing in it
/// was ever behind a PIN.
class ReportDialog : public QDialog
{
    Q_OBJECT
public:
    /// Where the report's modules and pairings come from: the window's registry (null: the modules
    /// `tokendesk report` loads) and pairing stores.
    struct Source
    {
        std::shared_ptr<const ModuleRegistry> registry;
        PairingSources::Choice pairings = PairingSources::fromSettings();
    };

    explicit ReportDialog(const Source& source, QWidget* parent = nullptr);
    ~ReportDialog() override;

    /// Reads the report again (also done once when the dialog is made).
    void refresh();
    bool isReady() const { return m_report != nullptr; }
    /// The document as it would be saved: the command line's bytes, masked when the option is on.
    QByteArray document(ReportDocument::Format format) const;
    QCheckBox* maskOption() const { return m_mask; }
    /// Writes the document to `path` off the GUI thread; saved() tells how it went.
    void save(const QString& path, ReportDocument::Format format);
    /// Puts the text (and the HTML beside it) on the clipboard.
    void copy();
    /// The save dialog while it is open (non-native, so tests can fill it in).
    QFileDialog* saveDialog() const { return m_saveDialog; }

Q_SIGNALS:
    /// A report was read (refresh()).
    void ready();
    /// A save ended; `error` is one sentence, empty when the file was written.
    void saved(const QString& path, const QString& error);

private:
    struct Gathered;
    void showReport(const std::shared_ptr<const Gathered>& gathered);
    void updateView();
    void askWhereToSave();

    Source m_source;
    std::shared_ptr<const Gathered> m_report;
    QPlainTextEdit* m_view = nullptr;
    QLabel* m_status = nullptr;
    QCheckBox* m_mask = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_copy = nullptr;
    QPushButton* m_refresh = nullptr;
    QPointer<QFileDialog> m_saveDialog;
};

} // namespace tokendesk
