#include "VirtualTokenDialog.h"

#include "SecretField.h"
#include "StatusStyle.h"
#include "backend/vtoken/VirtualTokens.h"
#include "models/PrintableText.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tokendesk {

VirtualTokenDialog::VirtualTokenDialog(Mode mode, const QString& token, int minPinLength, QWidget* parent)
    : QDialog(parent), m_mode(mode), m_minPinLength(qMax(1, minPinLength))
{
    setObjectName(mode == Mode::Create ? QStringLiteral("newVirtualTokenDialog")
                                       : QStringLiteral("resetVirtualPinDialog"));
    setWindowTitle(mode == Mode::Create ? tr("New Virtual Token") : tr("Reset PIN", "PIN the noun"));
    setMinimumWidth(460);

    auto* layout = new QVBoxLayout(this);
    auto* explanation = new QLabel(this);
    explanation->setObjectName(QStringLiteral("explanation"));
    explanation->setWordWrap(true);
    explanation->setText(
        mode == Mode::Create
            ? tr("A virtual token keeps keys and certificates in SoftHSM2, in your own folder, and browsers and "
                 "other programs use it like a smart card. Its PIN protects the keys; TokenDesk keeps a random SO "
                 "PIN in your keyring so that a forgotten PIN can be reset.")
            : tr("Set a new PIN for \u201c%1\u201d with the SO PIN TokenDesk keeps in your keyring. The current PIN "
                 "is not needed, and a locked PIN is unblocked.")
                  .arg(PrintableText::escape(token)));
    layout->addWidget(explanation);

    auto* form = new QFormLayout;
    if (mode == Mode::Create) {
        m_label = new QLineEdit(this);
        m_label->setObjectName(QStringLiteral("label"));
        m_label->setPlaceholderText(tr("e.g. Work identity"));
        form->addRow(tr("&Name:", "the token's label"), m_label);
    }
    m_pin = SecretField::create(QStringLiteral("newPin"), this);
    m_confirm = SecretField::create(QStringLiteral("confirmPin"), this);
    form->addRow(mode == Mode::Create ? tr("&PIN:", "PIN the noun") : tr("&New PIN:", "PIN the noun"), m_pin);
    form->addRow(tr("PIN &again:", "PIN the noun"), m_confirm);
    layout->addLayout(form);

    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("hint"));
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    StatusStyle::apply(m_error, StatusPalette::Status::Alert, true);
    m_error->hide();
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setText(mode == Mode::Create ? tr("&Create", "create the token") : tr("&Set PIN", "PIN the noun"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        update();
        if (m_problem.isEmpty() && !m_working) {
            m_error->hide();
            Q_EMIT submitted();
        }
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &VirtualTokenDialog::reject);
    layout->addWidget(m_buttons);

    for (QLineEdit* field : {m_label, m_pin, m_confirm}) {
        if (field) {
            connect(field, &QLineEdit::textChanged, this, [this] {
                m_error->hide(); // told about what was typed before
                update();
            });
        }
    }
    update();
}

VirtualTokenDialog::~VirtualTokenDialog()
{
    SecretField::wipe(m_pin);
    SecretField::wipe(m_confirm);
}

QString VirtualTokenDialog::label() const
{
    return m_label ? m_label->text() : QString();
}

SecureBytes VirtualTokenDialog::pin() const
{
    return SecretField::copy(m_pin);
}

void VirtualTokenDialog::done(int result)
{
    SecretField::wipe(m_pin);
    SecretField::wipe(m_confirm);
    QDialog::done(result);
}

void VirtualTokenDialog::setError(const QString& message)
{
    setWorking(false);
    m_error->setText(message);
    m_error->show();
}

void VirtualTokenDialog::setWorking(bool working)
{
    m_working = working;
    for (QLineEdit* field : {m_label, m_pin, m_confirm}) {
        if (field) {
            field->setEnabled(!working);
        }
    }
    m_buttons->setEnabled(!working);
    if (working) {
        m_hint->setText(m_mode == Mode::Create ? tr("Making the token…") : tr("Setting the PIN…"));
    } else {
        update();
    }
}

void VirtualTokenDialog::reject()
{
    if (m_working) {
        return; // the token is being changed: the command closes the dialog when it is done
    }
    QDialog::reject();
}

void VirtualTokenDialog::update()
{
    const QString rules = tr("The PIN has at least %n character(s).", nullptr, m_minPinLength);
    // Lengths in characters as typed; the token counts bytes of UTF-8, never fewer.
    const qsizetype pinLength = m_pin->text().size();
    if (m_label && m_label->text().isEmpty()) {
        m_problem = tr("Give the token a name.");
    } else if (m_label && !VirtualTokens::validLabel(m_label->text())) {
        m_problem = tr("A name has at most 32 bytes (fewer letters with accents), no control characters and no "
                       "blanks at either end.");
    } else if (pinLength < m_minPinLength) {
        m_problem = rules;
    } else if (m_confirm->text() != m_pin->text()) {
        // Compared in place: the fields keep the only copies of what was typed.
        m_problem = tr("The two PINs differ.");
    } else {
        m_problem.clear();
    }
    m_hint->setText(m_problem.isEmpty() ? rules : m_problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problem.isEmpty() && !m_working);
}

} // namespace tokendesk
