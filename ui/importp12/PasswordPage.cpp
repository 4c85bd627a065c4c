#include "PasswordPage.h"

#include "FilePage.h"
#include "ImportP12State.h"
#include "models/PrintableText.h"
#include "models/VirtualTokenText.h"
#include "ui/SecretField.h"
#include "ui/commands/AsyncTask.h"

#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace tokendesk::importp12 {

namespace {

/// parse()'s answer and the plan made from it, copyable for a QFuture.
struct Parsed
{
    std::shared_ptr<const Pkcs12Contents> contents;
    ImportPlan plan;
    std::optional<Pkcs12Error> error;
};

} // namespace

PasswordPage::PasswordPage(ImportP12State* state, QWidget* parent) : CheckedPage(parent), m_state(state)
{
    setTitle(tr("Enter the file's password"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("p12Password"));
    SecretField::prepare(m_password);
    m_error = makeErrorLabel(QStringLiteral("p12PasswordError"), this);
    auto* note = new QLabel(tr("The password decrypts the file in memory only; it is not stored. Leave it empty "
                               "for a file without a password."),
                            this);
    note->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Password:"), m_password);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addSpacing(12);
    layout->addWidget(note);
    layout->addStretch(1);
    connect(m_password, &QLineEdit::textEdited, this, [this] { showError(m_error, QString()); });
}

PasswordPage::~PasswordPage()
{
    SecretField::wipe(m_password);
}

void PasswordPage::initializePage()
{
    setSubTitle(tr("The password that protects %1.").arg(PrintableText::escape(QFileInfo(m_state->path).fileName())));
    showError(m_error, QString());
    m_password->setFocus();
}

void PasswordPage::cleanupPage()
{
    wipe();
    showError(m_error, QString());
}

void PasswordPage::wipe()
{
    SecretField::wipe(m_password);
}

bool PasswordPage::startCheck()
{
    showError(m_error, QString());
    auto password = std::make_shared<SecureBytes>(SecretField::take(m_password));
    const std::shared_ptr<const SecureBytes> file = m_state->file;
    if (!file) {
        return false;
    }
    AsyncTask::runThenCallback(
        this,
        [file, password] {
            auto parsed = Pkcs12Reader::parse(file->bytes(), *password);
            password->wipe(); // used once: not kept while the user looks at the preview
            if (!parsed) {
                return Parsed{nullptr, {}, parsed.error()};
            }
            auto contents = std::make_shared<const Pkcs12Contents>(std::move(parsed).value());
            return Parsed{contents, ImportPlan::make(*contents), std::nullopt};
        },
        [this](const Parsed& parsed) {
            if (parsed.error) {
                showError(m_error, VirtualTokenText::error(*parsed.error));
                m_password->setFocus();
                fail();
                return;
            }
            m_state->contents = parsed.contents;
            m_state->plan = parsed.plan;
            pass();
        });
    return true;
}

} // namespace tokendesk::importp12
