#include "ReportDialog.h"

#include "backend/atr/SmartcardList.h"
#include "backend/common/AtomicFile.h"
#include "backend/common/Settings.h"
#include "commands/AsyncTask.h"
#include "models/ErrorText.h"
#include "models/PrintableText.h"
#include "models/report/SystemReport.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace tokendesk {

/// A report with the card list it names cards from (the report keeps a pointer to it).
struct ReportDialog::Gathered
{
    std::shared_ptr<SmartcardList> list;
    std::shared_ptr<SystemReport> report;
};

namespace {
using Format = ReportDocument::Format;

struct Written
{
    QString path;
    QString error;
};
} // namespace

ReportDialog::ReportDialog(const Source& source, QWidget* parent) : QDialog(parent), m_source(source)
{
    setWindowTitle(tr("Report for the helpdesk"));
    setObjectName(QStringLiteral("reportDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("What TokenDesk sees: readers, cards, modules, tokens and certificates. "
                                "The same as <tt>tokendesk report</tt>; it holds no PIN, password or key."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_view = new QPlainTextEdit(this);
    m_view->setObjectName(QStringLiteral("reportText"));
    m_view->setReadOnly(true);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setAccessibleName(tr("Report"));
    layout->addWidget(m_view, 1);
    m_mask = new QCheckBox(tr("&Mask serial numbers"), this);
    m_mask->setObjectName(QStringLiteral("maskSerials"));
    m_mask->setToolTip(tr("Card, token and certificate serial numbers show only their last four characters"));
    layout->addWidget(m_mask);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("reportStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = buttons->addButton(tr("&Save…"), QDialogButtonBox::ActionRole);
    m_save->setObjectName(QStringLiteral("saveReport"));
    m_copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName(QStringLiteral("copyReport"));
    m_refresh = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    m_refresh->setObjectName(QStringLiteral("refreshReport"));
    buttons->button(QDialogButtonBox::Close)->setText(tr("C&lose"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &ReportDialog::askWhereToSave);
    connect(m_copy, &QPushButton::clicked, this, &ReportDialog::copy);
    connect(m_refresh, &QPushButton::clicked, this, &ReportDialog::refresh);
    connect(m_mask, &QCheckBox::toggled, this, &ReportDialog::updateView);
    resize(820, 620);
    refresh();
}

ReportDialog::~ReportDialog() = default;

void ReportDialog::refresh()
{
    m_save->setEnabled(false);
    m_copy->setEnabled(false);
    m_refresh->setEnabled(false);
    m_status->setText(tr("Reading readers, cards and tokens…"));
    SystemReport::Options options;
    options.pairings = m_source.pairings;
    // The card list as the window's (Settings), else pcsc-tools' list: what `tokendesk report` reads.
    const QString chosen = Settings::instance().value(Settings::Key::SmartcardListPath).toString();
    AsyncTask::runThenCallback(
        this,
        [options, registry = m_source.registry, chosen] {
            auto gathered = std::make_shared<Gathered>();
            gathered->list = std::make_shared<SmartcardList>();
            gathered->list->load(chosen.isEmpty() ? SmartcardList::defaultPath() : chosen);
            gathered->report = std::make_shared<SystemReport>(SystemReport::gather(*gathered->list, options, registry));
            return std::shared_ptr<const Gathered>(std::move(gathered));
        },
        [this](const std::shared_ptr<const Gathered>& gathered) { showReport(gathered); });
}

void ReportDialog::showReport(const std::shared_ptr<const Gathered>& gathered)
{
    m_report = gathered;
    m_save->setEnabled(true);
    m_copy->setEnabled(true);
    m_refresh->setEnabled(true);
    m_status->setText(m_report->report->readers() ? QString() : ErrorText::pcsc(m_report->report->readers().error()));
    updateView();
    Q_EMIT ready();
}

void ReportDialog::updateView()
{
    if (m_report) {
        m_view->setPlainText(QString::fromUtf8(document(Format::Text)));
    }
}

QByteArray ReportDialog::document(Format format) const
{
    return m_report ? ReportDocument::write(*m_report->report, format, SerialMask(m_mask->isChecked())) : QByteArray();
}

void ReportDialog::copy()
{
    auto* mime = new QMimeData;
    mime->setText(QString::fromUtf8(document(Format::Text)));
    mime->setHtml(QString::fromUtf8(document(Format::Html)));
    QApplication::clipboard()->setMimeData(mime);
    m_status->setText(tr("The report is on the clipboard."));
}

void ReportDialog::askWhereToSave()
{
    if (m_saveDialog) {
        m_saveDialog->raise();
        return;
    }
    const QString text = tr("Text (*.txt)");
    const QString json = tr("JSON (*.json)");
    const QString html = tr("HTML (*.html)");
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_saveDialog = new QFileDialog(this, tr("Save report"), folder + QStringLiteral("/tokendesk-report.txt"));
    m_saveDialog->setObjectName(QStringLiteral("saveReportDialog"));
    m_saveDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_saveDialog->setAcceptMode(QFileDialog::AcceptSave);
    m_saveDialog->setOption(QFileDialog::DontUseNativeDialog);
    m_saveDialog->setNameFilters({text, json, html});
    const auto formatOf = [text, json](const QString& filter) {
        return filter == text ? Format::Text : filter == json ? Format::Json : Format::Html;
    };
    // The suffix follows the format chosen, as the name is still being typed.
    connect(m_saveDialog, &QFileDialog::filterSelected, m_saveDialog, [this, formatOf](const QString& filter) {
        m_saveDialog->setDefaultSuffix(ReportDocument::suffix(formatOf(filter)));
    });
    m_saveDialog->setDefaultSuffix(ReportDocument::suffix(Format::Text));
    connect(m_saveDialog, &QFileDialog::fileSelected, this,
            [this, formatOf](const QString& path) { save(path, formatOf(m_saveDialog->selectedNameFilter())); });
    // Closed (it deletes itself later): the next Save… makes a new one.
    connect(m_saveDialog, &QDialog::finished, this, [this] { m_saveDialog = nullptr; });
    m_saveDialog->open();
}

void ReportDialog::save(const QString& path, Format format)
{
    const QByteArray bytes = document(format);
    m_status->setText(tr("Saving…"));
    AsyncTask::runThenCallback(
        this,
        [path, bytes] {
            const auto written = AtomicFile::write(path, bytes);
            return Written{path, written ? QString() : ErrorText::file(written.error())};
        },
        [this](const Written& written) {
            m_status->setText(written.error.isEmpty() ? tr("Saved as %1.").arg(PrintableText::escape(written.path))
                                                      : written.error);
            Q_EMIT saved(written.path, written.error);
        });
}

} // namespace tokendesk
