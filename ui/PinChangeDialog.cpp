#include "PinChangeDialog.h"

#include "SecretField.h"
#include "StatusStyle.h"
#include "backend/pkcs11/PinManager.h"
#include "models/PinText.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tokendesk {

PinChangeDialog::PinChangeDialog(const TokenPinStatus& status, Mode mode, QWidget* parent)
    : QDialog(parent), m_status(status), m_mode(mode)
{
    setObjectName(QStringLiteral("pinChangeDialog"));
    setMinimumWidth(480);
    const QString token = tr("%1 (serial %2)").arg(status.token.label, status.token.serial);
    switch (mode) {
    case Mode::ChangePin:
        setWindowTitle(tr("Change PIN"));
        break;
    case Mode::ChangeSoPin:
        setWindowTitle(status.piv ? tr("Change PUK") : tr("Change SO PIN"));
        break;
    case Mode::UnblockPin:
        setWindowTitle(tr("Unblock PIN"));
        break;
    }

    auto* layout = new QVBoxLayout(this);
    m_explanation = new QLabel(this);
    m_explanation->setObjectName(QStringLiteral("explanation"));
    m_explanation->setWordWrap(true);
    const QString what =
        status.piv ? tr("The PUK (PIN Unblocking Key) is a second, longer secret that came with the card. It "
                        "sets a new PIN when the PIN is locked. If the PUK is entered wrongly too often, it locks "
                        "as well, and only the card's issuer can reset or replace the card.")
                   : tr("The SO PIN (Security Officer PIN) is the token's administrator secret. It sets a new "
                        "PIN when the PIN is locked. If it is entered wrongly too often, it may lock as well.");
    switch (mode) {
    case Mode::ChangePin:
        m_explanation->setText(tr("Change the PIN of %1. You need the current PIN.").arg(token));
        break;
    case Mode::ChangeSoPin:
        m_explanation->setText(tr("Change the %1 of %2. You need the current one.").arg(currentName(), token) +
                               QStringLiteral("\n\n") + what);
        break;
    case Mode::UnblockPin:
        m_explanation->setText(
            tr("Set a new PIN for %1 with the %2. This also unblocks a locked PIN.").arg(token, currentName()) +
            QStringLiteral("\n\n") + what);
        break;
    }
    layout->addWidget(m_explanation);

    const PinState& checked = mode == Mode::ChangePin ? status.user : status.so;
    m_tries = new QLabel(tr("%1: %2").arg(currentName(), PinText::tries(checked)), this);
    m_tries->setObjectName(QStringLiteral("tries"));
    m_tries->setWordWrap(true);
    layout->addWidget(m_tries);

    m_failure = new QLabel(this);
    m_failure->setObjectName(QStringLiteral("failure"));
    m_failure->setWordWrap(true);
    StatusStyle::apply(m_failure, StatusPalette::Status::Alert, true);
    m_failure->hide();
    layout->addWidget(m_failure);

    // No parent yet: it joins the focus chain when the layout takes it, after the fields (Tab goes down).
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (checked.locked()) {
        // Nothing to try: a locked PIN goes to the unblock flow, a locked PUK to the issuer.
        auto* locked = new QLabel(this);
        locked->setObjectName(QStringLiteral("locked"));
        locked->setWordWrap(true);
        locked->setText(
            mode == Mode::ChangePin
                ? tr("The PIN is locked. Use Unblock PIN with the %1.").arg(status.piv ? tr("PUK") : tr("SO PIN"))
                : tr("The %1 is locked. The card must be reset or replaced by its issuer.").arg(currentName()));
        layout->addWidget(locked);
        m_buttons->button(QDialogButtonBox::Ok)->hide();
        m_problem = locked->text();
        layout->addWidget(m_buttons);
        return;
    }

    if (status.protectedPath) {
        auto* pinpad = new QLabel(tr("Enter the %1, then the new %2 twice, on the reader's keypad after you press OK.")
                                      .arg(currentName(), newName()),
                                  this);
        pinpad->setObjectName(QStringLiteral("pinpad"));
        pinpad->setWordWrap(true);
        layout->addWidget(pinpad);
        if (checked.finalTry()) {
            // Nothing is typed here, so the final try is agreed before the reader asks.
            m_finalTry = new QCheckBox(
                tr("I &understand: if the %1 I enter on the reader is wrong, it locks now.").arg(currentName()), this);
            m_finalTry->setObjectName(QStringLiteral("finalTryConfirm"));
            StatusStyle::apply(m_finalTry, StatusPalette::Status::Alert);
            layout->addWidget(m_finalTry);
            QPushButton* ok = m_buttons->button(QDialogButtonBox::Ok);
            ok->setEnabled(false);
            connect(m_finalTry, &QCheckBox::toggled, ok, &QPushButton::setEnabled);
        }
        layout->addWidget(m_buttons);
        return;
    }

    auto* form = new QFormLayout;
    m_current = SecretField::create(QStringLiteral("current"), this);
    m_new = SecretField::create(QStringLiteral("newPin"), this);
    m_confirm = SecretField::create(QStringLiteral("confirmPin"), this);
    form->addRow(tr("&Current %1:").arg(currentName()), m_current);
    form->addRow(tr("&New %1:").arg(newName()), m_new);
    form->addRow(tr("New %1 &again:").arg(newName()), m_confirm);
    layout->addLayout(form);

    m_rules = new QLabel(this);
    m_rules->setObjectName(QStringLiteral("rules"));
    m_rules->setWordWrap(true);
    layout->addWidget(m_rules);

    m_finalTry = new QCheckBox(this);
    m_finalTry->setObjectName(QStringLiteral("finalTryConfirm"));
    m_finalTry->setText(tr("I &understand: if this %1 is wrong, it locks now.").arg(currentName()));
    StatusStyle::apply(m_finalTry, StatusPalette::Status::Alert);
    m_finalTry->setVisible(checked.finalTry());
    layout->addWidget(m_finalTry);
    layout->addWidget(m_buttons);

    for (QLineEdit* field : {m_current, m_new, m_confirm}) {
        connect(field, &QLineEdit::textChanged, this, &PinChangeDialog::validate);
    }
    connect(m_finalTry, &QCheckBox::toggled, this, &PinChangeDialog::validate);
    validate();
}

PinChangeDialog::~PinChangeDialog()
{
    for (QLineEdit* field : {m_current, m_new, m_confirm}) {
        SecretField::wipe(field);
    }
}

QString PinChangeDialog::currentName() const
{
    if (m_mode == Mode::ChangePin) {
        return tr("PIN");
    }
    return m_status.piv ? tr("PUK") : tr("SO PIN");
}

QString PinChangeDialog::newName() const
{
    if (m_mode == Mode::ChangeSoPin) {
        return m_status.piv ? tr("PUK") : tr("SO PIN");
    }
    return tr("PIN");
}

void PinChangeDialog::validate()
{
    QString problem;
    const bool soPin = m_mode == Mode::ChangeSoPin;
    const SecureBytes candidate = SecretField::copy(m_new);
    const PinError::Rule rule = PinManager::checkNewPin(candidate, m_status, soPin);
    const qint64 min = soPin && m_status.piv ? 8 : m_status.minLength;
    const qint64 max = soPin && m_status.piv ? 8 : m_status.maxLength;
    QStringList rules;
    if (min > 0 && max > 0) {
        rules << (min == max ? tr("exactly %n character(s)", nullptr, static_cast<int>(min))
                             : tr("%1 to %2 characters").arg(min).arg(max));
    }
    if (m_status.piv && !soPin) {
        rules << tr("digits only");
    }
    const QString ruleText =
        rules.isEmpty() ? QString() : tr("The new %1 needs %2.").arg(newName(), rules.join(tr(", ")));

    if (m_current->text().isEmpty()) {
        problem = tr("Enter the current %1.").arg(currentName());
    } else if (m_new->text().isEmpty()) {
        problem = tr("Enter the new %1.").arg(newName());
    } else if (rule == PinError::Rule::NotDigits) {
        problem = tr("The new %1 must be digits only.").arg(newName());
    } else if (rule == PinError::Rule::TooShort) {
        problem = tr("The new %1 is too short.").arg(newName());
    } else if (rule == PinError::Rule::TooLong) {
        problem = tr("The new %1 is too long.").arg(newName());
    } else if (m_confirm->text() != m_new->text()) {
        problem = tr("The two new entries differ.");
    } else if (m_mode != Mode::UnblockPin && m_new->text() == m_current->text()) {
        problem = tr("The new %1 is the same as the current one.").arg(newName());
    } else if (!m_finalTry->isHidden() && !m_finalTry->isChecked()) {
        problem = tr("Tick the box: this is the last try before the %1 locks.").arg(currentName());
    }
    m_problem = problem;
    m_rules->setText(problem.isEmpty() ? ruleText : ruleText + QLatin1Char(' ') + problem);
    QPushButton* ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(problem.isEmpty());
    ok->setToolTip(problem);
}

bool PinChangeDialog::finalTryConfirmed() const
{
    return m_finalTry && !m_finalTry->isHidden() && m_finalTry->isChecked();
}

std::pair<SecureBytes, SecureBytes> PinChangeDialog::takeSecrets()
{
    if (!m_current) {
        return {};
    }
    SecretField::wipe(m_confirm);
    SecureBytes current = SecretField::take(m_current);
    SecureBytes next = SecretField::take(m_new);
    return {std::move(current), std::move(next)};
}

void PinChangeDialog::showFailure(const QString& message)
{
    m_failure->setText(message);
    m_failure->show();
    if (m_current) {
        SecretField::wipe(m_current);
        m_current->setFocus();
    }
}

} // namespace tokendesk
