#include "CardPage.h"

#include "models/AtrModel.h"
#include "models/ErrorText.h"
#include "models/ReaderModel.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace tokendesk {

namespace {
QString protocolText(CardChannel::Protocol p)
{
    switch (p) {
    case CardChannel::Protocol::T0:
        return QStringLiteral("T=0");
    case CardChannel::Protocol::T1:
        return QStringLiteral("T=1");
    case CardChannel::Protocol::Raw:
        return QStringLiteral("raw");
    case CardChannel::Protocol::None:
        break;
    }
    return QStringLiteral("—");
}
} // namespace

CardPage::CardPage(QWidget* parent) : QWidget(parent)
{
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_reader = new QLabel(this);
    m_names = new QLabel(this);
    m_names->setWordWrap(true);
    m_names->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_atr = new QLabel(this);
    m_atr->setObjectName(QStringLiteral("atr"));
    m_atr->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_atr->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_atr->setWordWrap(true);
    m_protocol = new QLabel(this);
    m_protocol->setObjectName(QStringLiteral("protocol"));

    m_atrModel = new AtrModel(this);
    m_atrView = new QTreeView(this);
    m_atrView->setObjectName(QStringLiteral("atrAnalysis"));
    m_atrView->setModel(m_atrModel);
    m_atrView->setUniformRowHeights(true);
    m_atrView->setAlternatingRowColors(true);
    m_atrView->header()->setSectionResizeMode(AtrModel::FieldColumn, QHeaderView::ResizeToContents);
    m_atrView->header()->setSectionResizeMode(AtrModel::ValueColumn, QHeaderView::ResizeToContents);
    m_atrView->setWordWrap(true);
    m_atrView->setAccessibleName(tr("ATR analysis"));
    m_atrView->setAccessibleDescription(tr("Each byte of the card's answer to reset, what it means, and any error"));

    auto* form = new QFormLayout;
    form->addRow(tr("Reader:"), m_reader);
    form->addRow(tr("Card type:"), m_names);
    form->addRow(tr("ATR:"), m_atr);
    form->addRow(tr("Protocol:", "the transmission protocol the card talks"), m_protocol);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(form);
    auto* analysis = new QLabel(tr("&ATR analysis (ISO 7816-3):"), this);
    analysis->setBuddy(m_atrView);
    layout->addWidget(analysis);
    layout->addWidget(m_atrView, 1);
}

bool CardPage::accepts(const QModelIndex& index) const
{
    return qobject_cast<const ReaderModel*>(index.model()) && index.data(ReaderModel::IsCardRole).toBool();
}

void CardPage::setCard(const QModelIndex& index)
{
    m_index = index;
    if (!index.isValid()) {
        return;
    }
    const QModelIndex name = index.siblingAtColumn(ReaderModel::NameColumn);
    const QString reader = name.data(ReaderModel::ReaderNameRole).toString();
    const QByteArray atr = name.data(ReaderModel::AtrRole).toByteArray();
    const QStringList names = name.data(ReaderModel::CardNamesRole).toStringList();
    m_title->setText(name.data().toString());
    m_reader->setText(reader);
    const QString source = name.data(ReaderModel::CardNameSourceRole).toString();
    m_names->setText(!names.isEmpty()    ? names.join(QLatin1Char('\n'))
                     : !source.isEmpty() ? name.data().toString() + QLatin1Char('\n') + source
                                         : tr("Not in the list of known cards"));
    m_atr->setText(name.data(ReaderModel::AtrHexRole).toString());
    if (atr != m_shownAtr) {
        m_shownAtr = atr;
        m_atrModel->setAtr(atr);
        m_atrView->expandAll();
    }
    // Details belong to the card: read them again only for another card. Reading
    // them opens the card, which some PC/SC stacks report as a state change.
    const QString card = reader + QLatin1Char('/') +
                         QString::number(name.parent().data(ReaderModel::EventCountRole).toInt()) + QLatin1Char('/') +
                         QString::fromLatin1(atr.toHex());
    if (card != m_detailsCard) {
        m_detailsCard = card;
        loadDetails(reader);
    }
}

void CardPage::loadDetails(const QString& reader)
{
    m_protocol->setText(tr("reading…"));
    // A newer request wins; the older result is dropped when it arrives.
    m_detailsRequest.run(
        this, [reader] { return readCardDetails(reader); },
        [this](const Result<CardDetails, PcscError>& result) { showDetails(result); });
}

void CardPage::showDetails(const Result<CardDetails, PcscError>& result)
{
    if (!m_index.isValid()) {
        return; // the card left while its details were read
    }
    if (result) {
        m_protocol->setText(protocolText(result.value().protocol));
    } else {
        m_protocol->setText(ErrorText::pcsc(result.error()));
    }
    Q_EMIT detailsLoaded();
}

} // namespace tokendesk
