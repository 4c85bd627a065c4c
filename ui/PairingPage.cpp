#include "PairingPage.h"

#include "CopyField.h"
#include "StatusStyle.h"
#include "models/PairingText.h"
#include "models/PrintableText.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace tokendesk {

PairingPage::PairingPage(QWidget* parent) : QWidget(parent)
{
    m_title = makeTitleLabel(this);
    m_title->setObjectName(QStringLiteral("pairingTitle"));
    m_login = makeValueLabel(QStringLiteral("login"), this);
    m_store = makeValueLabel(QStringLiteral("store"), this);
    m_file = makeValueLabel(QStringLiteral("file"), this);
    m_key = makeValueLabel(QStringLiteral("key"), this, true);
    m_subject = makeValueLabel(QStringLiteral("subject"), this);
    m_sha256 = new CopyField(QStringLiteral("sha256"), this);
    m_notAfter = makeValueLabel(QStringLiteral("notAfter"), this);
    m_present = makeValueLabel(QStringLiteral("cardPresent"), this);
    m_warnings = makeValueLabel(QStringLiteral("warnings"), this);
    StatusStyle::apply(m_warnings, StatusPalette::Status::Warning);
    m_unpair = new QPushButton(QIcon::fromTheme(QStringLiteral("list-remove")), tr("&Unpair…"), this);
    m_unpair->setObjectName(QStringLiteral("unpairButton"));
    connect(m_unpair, &QPushButton::clicked, this, [this] { Q_EMIT unpairRequested(m_row); });

    auto* form = new QFormLayout;
    form->addRow(tr("Login:"), m_login);
    form->addRow(tr("Store:"), m_store);
    form->addRow(tr("File:"), m_file);
    m_fileLabel = qobject_cast<QLabel*>(form->labelForField(m_file));
    form->addRow(tr("Entry:", "the line of the mapping file"), m_key);
    form->addRow(tr("Certificate:"), m_subject);
    form->addRow(tr("SHA-256:"), m_sha256);
    form->addRow(tr("Valid until:"), m_notAfter);
    form->addRow(tr("Card:"), m_present);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_unpair);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addWidget(m_warnings);
    layout->addLayout(buttons);
    layout->addStretch();
}

bool PairingPage::accepts(const QModelIndex& index) const
{
    return index.isValid() && qobject_cast<const PairingModel*>(index.model());
}

void PairingPage::showIndex(const QModelIndex& index)
{
    m_row = index.data(PairingModel::RowRole).value<PairingRow>();
    const Pairing& p = m_row.pairing;
    const auto shown = [](const QString& text) {
        return PrintableText::escape(text);
    };
    m_title->setText(tr("Pairing of \u201c%1\u201d").arg(shown(p.login)));
    m_login->setText(shown(p.login));
    m_store->setText(PairingText::source(m_row.mapper, p));
    if (m_fileLabel) {
        m_fileLabel->setText(p.storeKind == QLatin1String("ldap") ? tr("Directory:") : tr("File:"));
    }
    m_file->setText(p.line > 0 ? tr("%1, line %2").arg(shown(p.storePath)).arg(p.line) : shown(p.storePath));
    m_key->setText(shown(p.key));
    m_subject->setText(p.subject.isEmpty() ? tr("unknown until its card is present") : shown(p.subject));
    m_sha256->setText(p.sha256.isEmpty() ? tr("unknown until its card is present") : QString::fromLatin1(p.sha256));
    m_notAfter->setText(p.notAfter.isValid() ? QLocale().toString(p.notAfter.toLocalTime(), QLocale::LongFormat)
                                             : tr("unknown"));
    m_present->setText(m_row.cardPresent() ? tr("present: its card is in a reader") : tr("not present"));
    QStringList warnings;
    if (m_row.onlyCertificateExpiring) {
        warnings.append(tr("This is the only certificate paired with \u201c%1\u201d and it expires on %2: pair its "
                           "successor before then, or the account cannot log in with a card.")
                            .arg(shown(p.login), QLocale().toString(p.notAfter.toLocalTime(), QLocale::ShortFormat)));
    }
    for (PairingWarning w : p.warnings) {
        warnings.append(PairingText::warning(w));
    }
    m_warnings->setText(warnings.join(QLatin1Char('\n')));
    m_warnings->setVisible(!warnings.isEmpty());
}

} // namespace tokendesk
