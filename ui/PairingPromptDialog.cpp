#include "PairingPromptDialog.h"

#include "models/PrintableText.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace tokendesk {

PairingPromptDialog::PairingPromptDialog(const QString& cardLabel, const QString& subject, const QString& login,
                                         const QString& storeSpec, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("pairingPrompt"));
    setWindowTitle(tr("Pair this card?", "Pair the verb"));
    setWindowModality(Qt::NonModal);

    auto* icon = new QLabel(this);
    icon->setPixmap(
        QIcon::fromTheme(QStringLiteral("dialog-question"), style()->standardIcon(QStyle::SP_MessageBoxQuestion))
            .pixmap(48, 48));
    icon->setAlignment(Qt::AlignTop);
    const auto shown = [](const QString& text) {
        return PrintableText::escape(text).toHtmlEscaped();
    };
    auto* text = new QLabel(this);
    text->setObjectName(QStringLiteral("promptText"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    text->setText(tr("<p><b>The card \u201c%1\u201d is not paired with any account.</b></p>"
                     "<p>Pair its login certificate <i>%2</i> with your account \u201c%3\u201d, so that you can log "
                     "in with this card?</p><p>The pairing is written to %4.</p>")
                      .arg(shown(cardLabel), shown(subject), shown(login), shown(storeSpec)));
    m_dontAsk = new QCheckBox(tr("&Don't ask again for this card"), this);
    m_dontAsk->setObjectName(QStringLiteral("dontAskAgain"));

    auto* buttons = new QDialogButtonBox(this);
    m_pair = buttons->addButton(tr("&Pair", "Pair the verb"), QDialogButtonBox::AcceptRole);
    m_pair->setObjectName(QStringLiteral("pair"));
    m_notNow = buttons->addButton(tr("&Not now"), QDialogButtonBox::RejectRole);
    m_notNow->setObjectName(QStringLiteral("notNow"));
    m_pair->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* top = new QHBoxLayout;
    top->addWidget(icon);
    top->addWidget(text, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_dontAsk);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

bool PairingPromptDialog::dontAskAgain() const
{
    return m_dontAsk->isChecked();
}

} // namespace tokendesk
