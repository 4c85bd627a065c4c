#include "PreviewPage.h"

#include "FilePage.h"
#include "ImportP12State.h"
#include "models/CertificateText.h"
#include "models/PrintableText.h"
#include "models/StatusPalette.h"
#include "models/VirtualTokenText.h"
#include "ui/CopyField.h"
#include "ui/StatusStyle.h"

#include <QFormLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace tokendesk::importp12 {

PreviewPage::PreviewPage(ImportP12State* state, QWidget* parent) : QWizardPage(parent), m_state(state)
{
    setTitle(tr("What the file holds"));
    setSubTitle(tr("Check what will be written to the token. Nothing has been written yet."));
    m_body = new QWidget(this);
    m_rows = new QVBoxLayout(m_body);
    m_rows->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("previewScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_body);
    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("previewWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    StatusStyle::apply(m_warnings, StatusPalette::Status::Warning);
    m_blocker = makeErrorLabel(QStringLiteral("previewBlocker"), this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_warnings);
    layout->addWidget(m_blocker);
}

void PreviewPage::clear()
{
    while (QLayoutItem* item = m_rows->takeAt(0)) {
        if (QLayout* inner = item->layout()) {
            while (QLayoutItem* child = inner->takeAt(0)) {
                delete child->widget();
                delete child;
            }
        }
        delete item->widget();
        delete item;
    }
}

void PreviewPage::addSection(const QString& title)
{
    auto* label = new QLabel(title, m_body);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setTextFormat(Qt::PlainText);
    m_rows->addWidget(label);
}

void PreviewPage::addRow(const QString& name, const QString& value, const QString& objectName, bool mono)
{
    auto* form = qobject_cast<QFormLayout*>(m_rows->count() ? m_rows->itemAt(m_rows->count() - 1)->layout() : nullptr);
    if (!form) {
        form = new QFormLayout;
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        m_rows->addLayout(form);
    }
    QLabel* label = makeValueLabel(objectName, m_body, mono);
    label->setText(value);
    form->addRow(name, label);
}

void PreviewPage::initializePage()
{
    clear();
    m_shownWarnings.clear();
    const ImportPlan& plan = m_state->plan;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int n = 0;
    for (const ImportPlan::Identity& identity : plan.identities) {
        const QString suffix = n ? QString::number(n) : QString();
        addSection(plan.identities.size() > 1 ? tr("Identity %1").arg(n + 1) : tr("Identity"));
        addRow(tr("Subject:"), PrintableText::escape(identity.info.subject), QStringLiteral("previewSubject") + suffix);
        addRow(tr("Issuer:"), PrintableText::escape(identity.info.issuer), QStringLiteral("previewIssuer") + suffix);
        addRow(tr("Key:"), identity.keyType, QStringLiteral("previewKey") + suffix);
        addRow(tr("Validity:"), CertificateText::validitySentence(identity.info, now),
               QStringLiteral("previewValidity") + suffix);
        addRow(tr("Label on the token:"), PrintableText::escape(identity.label),
               QStringLiteral("previewLabel") + suffix);
        ++n;
    }
    if (!plan.chain.isEmpty()) {
        addSection(tr("Chain (stored, trusted for nothing)"));
        QStringList subjects;
        for (const CertificateInfo& ca : plan.chain) {
            subjects << PrintableText::escape(ca.subject);
        }
        addRow(tr("Certificates:"), subjects.join(QLatin1Char('\n')), QStringLiteral("previewChain"));
    }
    if (m_state->contents) {
        const Pkcs12Contents& contents = *m_state->contents;
        addSection(tr("Protection of the file"));
        addRow(tr("Encryption:"),
               contents.encryptionAlgorithms.isEmpty() ? tr("none")
                                                       : contents.encryptionAlgorithms.join(QStringLiteral(", ")),
               QStringLiteral("previewEncryption"));
        addRow(tr("Integrity:"), contents.macPresent ? tr("MAC with %1").arg(contents.macDigest) : tr("no MAC"),
               QStringLiteral("previewMac"));
    }
    m_rows->addStretch(1);

    for (const ImportPlan::Warning& warning : plan.warnings) {
        m_shownWarnings << VirtualTokenText::warning(warning);
    }
    if (m_state->contents && m_state->contents->legacyPasswordConversion) {
        m_shownWarnings << VirtualTokenText::legacyPasswordNote();
    }
    QStringList lines;
    for (const QString& w : std::as_const(m_shownWarnings)) {
        lines << QStringLiteral("⚠ ") + w;
    }
    m_warnings->setText(lines.join(QLatin1Char('\n')));
    m_warnings->setVisible(!lines.isEmpty());

    QString blocker;
    if (plan.blocker) {
        blocker = VirtualTokenText::error(*plan.blocker);
    } else if (!plan.importable()) {
        blocker = VirtualTokenText::error(ImportError::make(ImportError::Code::NoPrivateKey));
    }
    showError(m_blocker, blocker);
    Q_EMIT completeChanged();
}

bool PreviewPage::isComplete() const
{
    return m_state->plan.importable();
}

QStringList PreviewPage::shownWarnings() const
{
    return m_shownWarnings;
}

} // namespace tokendesk::importp12
