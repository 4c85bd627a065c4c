#include "FilePage.h"

#include "ImportP12State.h"
#include "models/StatusPalette.h"
#include "models/VirtualTokenText.h"
#include "ui/StatusStyle.h"
#include "ui/commands/AsyncTask.h"

#include <QFileDialog>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tokendesk::importp12 {

namespace {

/// readFile's answer in a form a QFuture can copy: the bytes stay in one SecureBytes.
struct FileRead
{
    std::shared_ptr<const SecureBytes> bytes;
    std::optional<Pkcs12Error> error;
};

} // namespace

QLabel* makeErrorLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    StatusStyle::apply(label, StatusPalette::Status::Bad);
    label->hide();
    return label;
}

void showError(QLabel* label, const QString& text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

FilePage::FilePage(ImportP12State* state, QWidget* parent) : CheckedPage(parent), m_state(state)
{
    setTitle(tr("Choose the PKCS#12 file"));
    setSubTitle(tr("A .p12 or .pfx file holds a private key with its certificate, and often the certificates "
                   "of its issuers. Nothing is written until the last step."));
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("p12Path"));
    m_path->setPlaceholderText(tr("/path/to/identity.p12"));
    m_browse = new QPushButton(tr("Br&owse…"), this);
    m_browse->setObjectName(QStringLiteral("p12Browse"));
    m_error = makeErrorLabel(QStringLiteral("p12FileError"), this);

    auto* label = new QLabel(tr("&File:"), this);
    label->setBuddy(m_path);
    auto* row = new QGridLayout;
    row->addWidget(label, 0, 0);
    row->addWidget(m_path, 0, 1);
    row->addWidget(m_browse, 0, 2);
    auto* hint = new QLabel(tr("You can also drop a .p12 or .pfx file on the TokenDesk window."), this);
    hint->setWordWrap(true);
    hint->setEnabled(false);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(hint);

    connect(m_browse, &QPushButton::clicked, this, &FilePage::browse);
    connect(m_path, &QLineEdit::textChanged, this, [this] {
        showError(m_error, QString());
        Q_EMIT completeChanged();
    });
}

QString FilePage::nameFilter()
{
    return tr("PKCS#12 files (*.p12 *.pfx *.P12 *.PFX)") + QStringLiteral(";;") + tr("All files (*)");
}

void FilePage::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import a PKCS#12 file"), m_path->text(), nameFilter());
    if (!path.isEmpty()) {
        m_path->setText(path);
    }
}

bool FilePage::fieldsComplete() const
{
    return !m_path->text().isEmpty();
}

bool FilePage::startCheck()
{
    showError(m_error, QString());
    const QString path = m_path->text();
    AsyncTask::runThenCallback(
        this,
        [path] {
            auto read = Pkcs12Reader::readFile(path);
            if (!read) {
                return FileRead{nullptr, read.error()};
            }
            return FileRead{std::make_shared<const SecureBytes>(std::move(read).value()), std::nullopt};
        },
        [this, path](const FileRead& read) {
            if (read.error) {
                Pkcs12Error error = *read.error;
                error.path = path;
                showError(m_error, VirtualTokenText::error(error));
                fail();
                return;
            }
            // A new file: what an earlier one held is forgotten.
            m_state->wipeSecrets();
            m_state->path = path;
            m_state->file = read.bytes;
            pass();
        });
    return true;
}

} // namespace tokendesk::importp12
