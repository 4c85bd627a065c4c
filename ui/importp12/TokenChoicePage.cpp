#include "TokenChoicePage.h"

#include "FilePage.h"
#include "ImportP12State.h"
#include "models/PrintableText.h"
#include "models/VirtualTokenText.h"
#include "ui/SecretField.h"
#include "ui/commands/AsyncTask.h"
#include "ui/commands/VirtualTokenJobs.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace tokendesk::importp12 {

namespace {

/// SoftHSM2 refuses shorter user PINs (CKR_PIN_LEN_RANGE): said here, before anything is made.
constexpr int kMinPinLength = 4;

struct Listed
{
    std::optional<VirtualTokens> tokens;
    QList<VirtualToken> list;
    std::optional<VirtualTokenError> error;
};

} // namespace

TokenChoicePage::TokenChoicePage(ImportP12State* state, QWidget* parent) : QWizardPage(parent), m_state(state)
{
    setTitle(tr("Choose the virtual token"));
    setSubTitle(tr("A virtual token keeps the key where browsers, TLS clients and SSH can use it, behind a PIN."));
    m_new = new QRadioButton(tr("&Make a new virtual token"), this);
    m_new->setObjectName(QStringLiteral("newToken"));
    m_existing = new QRadioButton(tr("Import into an &existing virtual token"), this);
    m_existing->setObjectName(QStringLiteral("existingToken"));

    m_newBox = new QWidget(this);
    m_label = new QLineEdit(m_newBox);
    m_label->setObjectName(QStringLiteral("tokenLabel"));
    m_label->setMaxLength(32);
    m_newPin = new QLineEdit(m_newBox);
    m_newPin->setObjectName(QStringLiteral("newPin"));
    SecretField::prepare(m_newPin);
    m_newPinAgain = new QLineEdit(m_newBox);
    m_newPinAgain->setObjectName(QStringLiteral("newPinAgain"));
    SecretField::prepare(m_newPinAgain);
    auto* newForm = new QFormLayout(m_newBox);
    newForm->setContentsMargins(24, 0, 0, 0);
    newForm->addRow(tr("&Label:"), m_label);
    newForm->addRow(tr("New &PIN:", "PIN the noun"), m_newPin);
    newForm->addRow(tr("PIN &again:", "PIN the noun"), m_newPinAgain);

    m_existingBox = new QWidget(this);
    m_tokens = new QComboBox(m_existingBox);
    m_tokens->setObjectName(QStringLiteral("tokenChoice"));
    m_pin = new QLineEdit(m_existingBox);
    m_pin->setObjectName(QStringLiteral("tokenPin"));
    SecretField::prepare(m_pin);
    auto* existingForm = new QFormLayout(m_existingBox);
    existingForm->setContentsMargins(24, 0, 0, 0);
    existingForm->addRow(tr("&Token:"), m_tokens);
    existingForm->addRow(tr("&User PIN:", "PIN the noun"), m_pin);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("tokenListStatus"));
    m_status->setWordWrap(true);
    m_error = makeErrorLabel(QStringLiteral("tokenError"), this);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_new);
    layout->addWidget(m_newBox);
    layout->addSpacing(8);
    layout->addWidget(m_existing);
    layout->addWidget(m_existingBox);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addStretch(1);

    m_new->setChecked(true);
    for (QRadioButton* button : {m_new, m_existing}) {
        connect(button, &QRadioButton::toggled, this, &TokenChoicePage::updateMode);
    }
    for (QLineEdit* field : {m_label, m_newPin, m_newPinAgain, m_pin}) {
        connect(field, &QLineEdit::textChanged, this, [this] {
            importp12::showError(m_error, QString());
            Q_EMIT completeChanged();
        });
    }
    updateMode();
}

TokenChoicePage::~TokenChoicePage()
{
    wipe();
}

void TokenChoicePage::wipe()
{
    for (QLineEdit* field : {m_newPin, m_newPinAgain, m_pin}) {
        SecretField::wipe(field);
    }
}

QString TokenChoicePage::suggestedLabel() const
{
    // The identity's name makes a label people recognise; SoftHSM takes 32 bytes.
    QString label = m_state->plan.identities.isEmpty() ? QString() : m_state->plan.identities.constFirst().label;
    while (label.toUtf8().size() > 32) {
        label.chop(1);
    }
    label = label.trimmed();
    return VirtualTokens::validLabel(label) ? label : tr("My identity");
}

void TokenChoicePage::initializePage()
{
    importp12::showError(m_error, QString());
    if (m_label->text().isEmpty()) {
        m_label->setText(suggestedLabel());
    }
    list();
}

void TokenChoicePage::cleanupPage()
{
    wipe();
    importp12::showError(m_error, QString());
}

void TokenChoicePage::list()
{
    m_listing = true;
    m_listFailed = false;
    m_status->setText(tr("Looking for virtual tokens…"));
    Q_EMIT completeChanged();
    AsyncTask::runThenCallback(
        this,
        [registry = m_state->registry] {
            auto tokens = VirtualTokenJobs::open(registry);
            if (!tokens) {
                return Listed{std::nullopt, {}, tokens.error()};
            }
            auto list = tokens.value().list(false);
            if (!list) {
                return Listed{std::nullopt, {}, list.error()};
            }
            return Listed{tokens.value(), list.value(), std::nullopt};
        },
        [this](const Listed& listed) {
            m_listing = false;
            m_state->tokens = listed.tokens;
            m_state->existing = listed.list;
            const QString current = m_tokens->currentText();
            m_tokens->clear();
            for (const VirtualToken& token : listed.list) {
                m_tokens->addItem(PrintableText::escape(token.token.label), token.token.label);
            }
            if (const int i = m_tokens->findText(current); i >= 0) {
                m_tokens->setCurrentIndex(i);
            }
            m_existing->setEnabled(!listed.list.isEmpty());
            if (listed.list.isEmpty()) {
                m_new->setChecked(true);
            }
            m_listFailed = bool(listed.error);
            m_status->setText(listed.error ? QString()
                                           : tr("%n virtual token(s) found.", nullptr, int(listed.list.size())));
            m_status->setVisible(!listed.error);
            if (listed.error) {
                importp12::showError(m_error, VirtualTokenText::error(*listed.error));
            }
            updateMode();
            Q_EMIT this->listed();
        });
}

void TokenChoicePage::updateMode()
{
    m_newBox->setEnabled(m_new->isChecked());
    m_existingBox->setEnabled(m_existing->isChecked());
    Q_EMIT completeChanged();
}

bool TokenChoicePage::isComplete() const
{
    if (m_listing || m_listFailed) {
        return false;
    }
    if (m_new->isChecked()) {
        return !m_label->text().isEmpty() && !m_newPin->text().isEmpty() && !m_newPinAgain->text().isEmpty();
    }
    return m_tokens->currentIndex() >= 0 && !m_pin->text().isEmpty();
}

bool TokenChoicePage::validatePage()
{
    const auto refuse = [this](const QString& text) {
        importp12::showError(m_error, text);
        return false;
    };
    if (m_new->isChecked()) {
        const QString label = m_label->text();
        if (!VirtualTokens::validLabel(label)) {
            return refuse(VirtualTokenText::error(VirtualTokenError::make(VirtualTokenError::Code::BadLabel, label)));
        }
        for (const VirtualToken& token : std::as_const(m_state->existing)) {
            if (token.token.label == label) {
                return refuse(
                    VirtualTokenText::error(VirtualTokenError::make(VirtualTokenError::Code::LabelTaken, label)));
            }
        }
        if (SecretField::copy(m_newPin) != SecretField::copy(m_newPinAgain)) {
            SecretField::wipe(m_newPinAgain);
            m_newPinAgain->setFocus();
            return refuse(tr("The two PINs differ."));
        }
        if (m_newPin->text().size() < kMinPinLength) {
            return refuse(tr("The PIN needs at least %n character(s).", "PIN the noun", kMinPinLength));
        }
        m_state->tokenLabel = label;
        m_state->createToken = true;
        m_state->pin = std::make_shared<const SecureBytes>(SecretField::take(m_newPin));
        SecretField::wipe(m_newPinAgain);
        return true;
    }
    m_state->tokenLabel = m_tokens->currentData().toString();
    m_state->createToken = false;
    m_state->pin = std::make_shared<const SecureBytes>(SecretField::take(m_pin));
    return true;
}

void TokenChoicePage::showError(const QString& text)
{
    importp12::showError(m_error, text);
}

} // namespace tokendesk::importp12
