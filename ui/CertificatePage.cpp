#include "CertificatePage.h"

#include "CopyField.h"
#include "StatusStyle.h"
#include "models/CertificateDetailsModel.h"
#include "models/CertificateText.h"
#include "models/ReaderModel.h"
#include "models/TokenText.h"
#include "models/TokenTreeModel.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QTabBar>
#include <QTabWidget>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tokendesk {

CertificatePage::CertificatePage(QWidget* parent) : QWidget(parent)
{
    m_title = makeTitleLabel(this);
    m_title->setObjectName(QStringLiteral("certificateTitle"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("certificateTabs"));
    m_tabs->tabBar()->setAccessibleName(tr("Certificate views"));

    // General
    auto* general = new QWidget;
    m_subject = makeValueLabel(QStringLiteral("subject"), general);
    m_issuer = makeValueLabel(QStringLiteral("issuer"), general);
    m_validity = makeValueLabel(QStringLiteral("validity"), general);
    QFont bold = m_validity->font();
    bold.setBold(true);
    m_validity->setFont(bold);
    m_period = makeValueLabel(QStringLiteral("period"), general);
    m_period->setWordWrap(false);
    m_period->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    m_key = makeValueLabel(QStringLiteral("key"), general);
    m_keyUsage = makeValueLabel(QStringLiteral("keyUsage"), general);
    m_extendedKeyUsage = makeValueLabel(QStringLiteral("extendedKeyUsage"), general);
    m_altNames = makeValueLabel(QStringLiteral("subjectAltNames"), general);
    m_serial = makeValueLabel(QStringLiteral("certificateSerial"), general, true);
    m_sha1 = makeValueLabel(QStringLiteral("sha1"), general, true);
    m_sha256 = makeValueLabel(QStringLiteral("sha256"), general, true);
    m_publicKeyHash = makeValueLabel(QStringLiteral("publicKeyHash"), general, true);
    m_uri = new CopyField(QStringLiteral("certificateUri"), general);
    m_privateKey = makeValueLabel(QStringLiteral("privateKey"), general);
    m_token = makeValueLabel(QStringLiteral("certificateToken"), general);
    m_parseError = makeValueLabel(QStringLiteral("parseError"), general);
    StatusStyle::apply(m_parseError, StatusPalette::Status::Bad);
    auto* form = new QFormLayout;
    m_form = form;
    form->addRow(tr("Issued to:"), m_subject);
    form->addRow(tr("Issued by:"), m_issuer);
    form->addRow(tr("Validity:"), m_validity);
    form->addRow(QString(), m_period);
    form->addRow(tr("Key:"), m_key);
    form->addRow(tr("Key usage:"), m_keyUsage);
    form->addRow(tr("Extended key usage:"), m_extendedKeyUsage);
    form->addRow(tr("Alternative names:"), m_altNames);
    form->addRow(tr("Serial number:"), m_serial);
    form->addRow(QStringLiteral("SHA-1:"), m_sha1);
    form->addRow(QStringLiteral("SHA-256:"), m_sha256);
    form->addRow(tr("Public key hash:"), m_publicKeyHash);
    form->addRow(tr("URI:"), m_uri);
    form->addRow(tr("Private key:"), m_privateKey);
    form->addRow(tr("Token:"), m_token);
    auto* generalLayout = new QVBoxLayout(general);
    generalLayout->addWidget(m_parseError);
    generalLayout->addLayout(form);
    generalLayout->addStretch();
    auto* scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("generalTab"));
    scroll->setWidget(general);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(scroll, tr("&General"));

    // Fields
    m_details = new CertificateDetailsModel(this);
    m_fieldView = new QTreeView;
    m_fieldView->setObjectName(QStringLiteral("fieldTree"));
    m_fieldView->setAccessibleName(tr("Certificate fields"));
    m_fieldView->setAccessibleDescription(tr("Every field and extension of the certificate"));
    m_fieldView->setModel(m_details);
    m_fieldView->setAlternatingRowColors(true);
    m_fieldView->setUniformRowHeights(true);
    m_fieldView->header()->setSectionResizeMode(CertificateDetailsModel::FieldColumn, QHeaderView::ResizeToContents);
    m_tabs->addTab(m_fieldView, tr("&Details"));

    // Chain
    auto* chain = new QWidget;
    chain->setObjectName(QStringLiteral("chainTab"));
    m_chainStatus = makeValueLabel(QStringLiteral("chainStatus"), chain);
    m_chainView = new QTreeWidget(chain);
    m_chainView->setObjectName(QStringLiteral("chainView"));
    m_chainView->setAccessibleName(tr("Certificate chain"));
    m_chainView->setAccessibleDescription(tr("The certificate, then each issuer up to the root, with its validity"));
    m_chainView->setHeaderLabels({tr("Certificate"), tr("Validity"), tr("Issued by")});
    m_chainView->setRootIsDecorated(false);
    m_chainView->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_chainView->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto* chainLayout = new QVBoxLayout(chain);
    chainLayout->addWidget(m_chainStatus);
    chainLayout->addWidget(m_chainView, 1);
    m_tabs->addTab(chain, tr("Ch&ain"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_tabs, 1);
}

bool CertificatePage::accepts(const QModelIndex& index) const
{
    return m_tokens && !qobject_cast<const ReaderModel*>(index.model()) &&
           index.data(TokenTreeModel::KindRole).toInt() == static_cast<int>(TokenTreeModel::Kind::Certificate);
}

void CertificatePage::showIndex(const QModelIndex& index)
{
    const QString key = index.data(TokenTreeModel::TokenKeyRole).toString();
    const TokenInfo token =
        m_tokens->indexOfToken(key).data(TokenTreeModel::TokenContentsRole).value<TokenContents>().token;
    QList<CertificateInfo> intermediates;
    // Trust stores count too when they are hidden from the tree: their CAs still complete chains.
    const TokenContentsList tokens = m_tokens->tokens() + m_tokens->hiddenTokens();
    for (const TokenContents& contents : tokens) {
        for (const CertificateEntry& entry : contents.certificates) {
            if (entry.info && entry.info->isCa()) {
                intermediates.append(*entry.info);
            }
        }
    }
    setCertificate(index.data(TokenTreeModel::CertificateEntryRole).value<CertificateEntry>(), token, intermediates);
}

void CertificatePage::setCertificate(const CertificateEntry& entry, const TokenInfo& token,
                                     const QList<CertificateInfo>& intermediates)
{
    const bool same = m_entry.sha256() == entry.sha256() && !m_chainFor.isEmpty();
    m_entry = entry;
    setTokenRowsVisible(true);
    m_uri->setText(entry.object.uri);
    m_privateKey->setText(TokenText::keyState(entry.keyState));
    m_token->setText(tr("%1 (serial %2)").arg(TokenText::tokenLabel(token), token.serial));
    m_parseError->setVisible(!entry.info);
    if (!entry.info) {
        m_title->setText(TokenText::objectLabel(entry.object));
        m_parseError->setText(entry.parseError ? CertificateText::error(*entry.parseError)
                                               : tr("The certificate cannot be read."));
        for (QLabel* label : {m_subject, m_issuer, m_validity, m_period, m_key, m_keyUsage, m_extendedKeyUsage,
                              m_altNames, m_serial, m_sha1, m_publicKeyHash}) {
            label->clear();
        }
        m_sha256->setText(CopyField::breakable(CertificateInfo::colonHex(entry.sha256())));
        m_details->clear();
        m_chainView->clear();
        m_chainStatus->setText(tr("The chain cannot be built for a certificate that cannot be read."));
        m_chainFor.clear();
        return;
    }
    showInfo(*entry.info, intermediates, same);
}

void CertificatePage::setFileCertificate(const CertificateInfo& info, const QList<CertificateInfo>& intermediates)
{
    m_entry = CertificateEntry{};
    m_entry.object.value = info.der;
    m_entry.info = info;
    setTokenRowsVisible(false);
    m_parseError->setVisible(false);
    // Always checked again: the same certificate on a token had the tokens' CA certificates.
    showInfo(info, intermediates, false);
}

void CertificatePage::setTokenRowsVisible(bool visible)
{
    for (QWidget* field : std::initializer_list<QWidget*>{m_uri, m_privateKey, m_token}) {
        m_form->setRowVisible(field, visible);
    }
}

void CertificatePage::showInfo(const CertificateInfo& info, const QList<CertificateInfo>& intermediates, bool sameChain)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_title->setText(info.friendlyName.isEmpty() ? info.subject : info.friendlyName);
    m_subject->setText(info.friendlyName % QLatin1Char('\n') % info.subject);
    m_issuer->setText(info.issuer);
    const CertificateValidity validity = info.validityAt(now);
    m_validity->setText(CertificateText::validity(validity) % QStringLiteral(": ") %
                        CertificateText::validitySentence(info, now));
    StatusStyle::apply(m_validity, StatusPalette::validityStatus(validity));
    m_period->setText(
        tr("From %1 to %2").arg(CertificateText::dateTime(info.notBefore), CertificateText::dateTime(info.notAfter)));
    m_key->setText(CertificateText::key(info.key));
    QStringList usages;
    for (KeyUsage usage : info.keyUsage) {
        usages << CertificateText::keyUsage(usage);
    }
    m_keyUsage->setText(info.hasKeyUsage ? usages.join(QStringLiteral(", ")) : tr("not restricted"));
    QStringList ekus;
    for (const ExtendedKeyUsage& usage : info.extendedKeyUsage) {
        ekus << CertificateText::extendedKeyUsage(usage);
    }
    m_extendedKeyUsage->setText(ekus.isEmpty() ? tr("not restricted") : ekus.join(QStringLiteral(", ")));
    QStringList names;
    for (const GeneralName& name : info.subjectAltNames) {
        names << CertificateText::generalName(name);
    }
    m_altNames->setText(names.isEmpty() ? tr("none") : names.join(QLatin1Char('\n')));
    m_serial->setText(info.serial);
    // Break opportunities after each byte: between digits a colon is no line break (UAX #14), and a
    // fingerprint with long digit runs widened the page past its edge (seen at 200 %).
    m_sha1->setText(CopyField::breakable(CertificateInfo::colonHex(info.sha1)));
    m_sha256->setText(CopyField::breakable(CertificateInfo::colonHex(info.sha256)));
    m_publicKeyHash->setText(CopyField::breakable(CertificateInfo::colonHex(info.publicKeySha1)));
    m_details->setCertificate(info);
    m_fieldView->expandToDepth(1);

    if (sameChain) {
        return; // a token change that did not touch this certificate: the chain stands
    }
    m_chainFor = info.sha256;
    m_chainView->clear();
    m_chainStatus->setText(tr("Checking the chain…"));
    StatusStyle::apply(m_chainStatus, std::nullopt);
    ChainVerifier verifier;
    verifier.setIntermediates(intermediates);
    m_chainRequest.run(
        this, [verifier, info] { return verifier.verify(info); },
        [this](const ChainResult& result) { showChain(result); });
}

void CertificatePage::showChain(const ChainResult& result)
{
    if (result.chain.isEmpty() || result.chain.constFirst().sha256 != m_chainFor) {
        return; // the page shows another certificate by now; its own check is on the way
    }
    m_chain = result;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString status = CertificateText::chainStatus(result.status);
    if (!result.trusted() && !result.verifyErrorText.isEmpty()) {
        status +=
            QLatin1Char('\n') % tr("OpenSSL: %1 (at depth %2)").arg(result.verifyErrorText).arg(result.errorDepth);
    }
    m_chainStatus->setText(status);
    StatusStyle::apply(m_chainStatus, result.trusted() ? StatusPalette::Status::Good : StatusPalette::Status::Bad);
    m_chainView->clear();
    for (int depth = 0; depth < result.chain.size(); ++depth) {
        const CertificateInfo& element = result.chain.at(depth);
        auto* item = new QTreeWidgetItem(m_chainView);
        item->setText(0, QString(depth, QLatin1Char(' ')) %
                             (element.friendlyName.isEmpty() ? element.subject : element.friendlyName));
        item->setText(1, CertificateText::validityShort(element, now));
        item->setForeground(1, TokenTreeModel::validityColor(element.validityAt(now)));
        item->setText(2, element.issuer);
        item->setToolTip(0, element.subject);
    }
    Q_EMIT chainVerified();
}

} // namespace tokendesk
