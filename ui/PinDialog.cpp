#include "PinDialog.h"

#include "SecretField.h"
#include "StatusStyle.h"
#include "models/PinText.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tokendesk {

PinDialog::PinDialog(const PinRequest& request, bool pinpad, QWidget* parent)
    : QDialog(parent), m_request(request), m_pinpad(pinpad)
{
    setObjectName(QStringLiteral("PinDialog"));
    setWindowTitle(pinpad ? tr("Enter your PIN on the reader")
                          : tr("%1 for %2").arg(secretName(request.secret), request.token.label));
    auto* layout = new QVBoxLayout(this);

    const QString token = request.token.serial.isEmpty()
                              ? tr("Token: <b>%1</b>").arg(request.token.label.toHtmlEscaped())
                              : tr("Token: <b>%1</b> (serial %2)")
                                    .arg(request.token.label.toHtmlEscaped(), request.token.serial.toHtmlEscaped());
    auto* tokenLabel = new QLabel(token, this);
    tokenLabel->setObjectName(QStringLiteral("token"));
    layout->addWidget(tokenLabel);

    QString purpose;
    switch (request.purpose) {
    case PinRequest::Purpose::TestIdentity:
        purpose = request.subject.isEmpty()
                      ? tr("TokenDesk will sign a random challenge with the key on the token to test it.")
                      : tr("TokenDesk will sign a random challenge with the key of %1 to test it.")
                            .arg(request.subject.toHtmlEscaped());
        break;
    case PinRequest::Purpose::Login:
        purpose = tr("Log in to see the token's private objects.");
        break;
    case PinRequest::Purpose::ChangePin:
    case PinRequest::Purpose::UnblockPin:
        break;
    }
    if (!purpose.isEmpty()) {
        auto* purposeLabel = new QLabel(purpose, this);
        purposeLabel->setObjectName(QStringLiteral("purpose"));
        purposeLabel->setWordWrap(true);
        layout->addWidget(purposeLabel);
    }
    // The words of the change-PIN dialog (PinText), for the secret asked here.
    PinState state;
    const bool so = request.secret == PinRequest::Secret::SoPin || request.secret == PinRequest::Secret::NewSoPin;
    state.flags = so ? request.token.soPin : request.token.userPin;
    state.triesLeft = request.triesLeft;
    if (state.triesLeft >= 0 || state.finalTry() || state.flags.countLow) {
        auto* tries = new QLabel(tr("%1: %2").arg(secretName(request.secret), PinText::tries(state)), this);
        tries->setObjectName(QStringLiteral("tries"));
        tries->setWordWrap(true);
        layout->addWidget(tries);
    }
    if (request.retry) {
        auto* wrong = new QLabel(tr("The PIN was wrong. Try again.", "the noun"), this);
        wrong->setObjectName(QStringLiteral("retry"));
        layout->addWidget(wrong);
    }

    if (pinpad) {
        auto* reader = new QLabel(tr("Enter your PIN on the reader."), this);
        reader->setObjectName(QStringLiteral("pinpad"));
        QFont big = reader->font();
        big.setBold(true);
        reader->setFont(big);
        layout->addWidget(reader);
        // Nothing to confirm here: the reader takes the PIN, the caller closes the dialog.
        m_buttons = new QDialogButtonBox(this);
        layout->addWidget(m_buttons);
        return;
    }

    auto* form = new QFormLayout;
    m_field = new QLineEdit(this);
    m_field->setObjectName(QStringLiteral("secret"));
    SecretField::prepare(m_field);
    if (request.token.maxPinLength > 0) {
        m_field->setMaxLength(int(request.token.maxPinLength));
    }
    form->addRow(QLatin1Char('&') + secretName(request.secret) + QLatin1Char(':'), m_field);
    layout->addLayout(form);

    if (request.finalTry) {
        auto* warning = new QLabel(tr("<b>This is the last try.</b> If this PIN is wrong, the card locks and only "
                                      "the PUK (or your administrator) can unblock it."),
                                   this);
        warning->setObjectName(QStringLiteral("finalTryWarning"));
        warning->setWordWrap(true);
        layout->addWidget(warning);
        m_finalTry = new QCheckBox(tr("I &understand the card locks if this PIN is wrong"), this);
        m_finalTry->setObjectName(QStringLiteral("finalTry"));
        layout->addWidget(m_finalTry);
        connect(m_finalTry, &QCheckBox::toggled, this, &PinDialog::validate);
    }

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_field, &QLineEdit::textChanged, this, &PinDialog::validate);
    validate();
    m_field->setFocus();
}

PinDialog::~PinDialog()
{
    SecretField::wipe(m_field);
}

QString PinDialog::secretName(PinRequest::Secret secret)
{
    switch (secret) {
    case PinRequest::Secret::UserPin:
        return tr("PIN", "the noun");
    case PinRequest::Secret::SoPin:
        return tr("PUK", "the noun");
    case PinRequest::Secret::NewUserPin:
        return tr("New PIN", "the noun");
    case PinRequest::Secret::NewSoPin:
        return tr("New PUK", "the noun");
    }
    return tr("PIN", "the noun");
}

void PinDialog::validate()
{
    if (!m_field) {
        return;
    }
    const qsizetype length = m_field->text().size();
    if (length == 0) {
        m_problem = tr("Type the %1.").arg(secretName(m_request.secret));
    } else if (m_request.token.minPinLength > 0 && length < m_request.token.minPinLength) {
        m_problem = tr("The %1 has at least %n characters.", nullptr, int(m_request.token.minPinLength))
                        .arg(secretName(m_request.secret));
    } else if (m_finalTry && !m_finalTry->isChecked()) {
        m_problem = tr("Tick the box to confirm the last try.");
    } else {
        m_problem.clear();
    }
    QPushButton* ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(m_problem.isEmpty());
    ok->setToolTip(m_problem);
}

SecureBytes PinDialog::takeSecret()
{
    if (!m_field) {
        return {};
    }
    return SecretField::take(m_field);
}

} // namespace tokendesk
