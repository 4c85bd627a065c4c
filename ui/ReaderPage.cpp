#include "ReaderPage.h"

#include "models/ErrorText.h"
#include "models/ReaderModel.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace tokendesk {

ReaderPage::ReaderPage(QWidget* parent) : QWidget(parent)
{
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_state = new QLabel(this);
    m_cardNames = new QLabel(this);
    m_cardNames->setWordWrap(true);
    m_cardNames->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_atr = new QLabel(this);
    m_atr->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_atr->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_atr->setWordWrap(true);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_hint->setObjectName(QStringLiteral("hint"));

    m_features = new QLabel(this);
    m_features->setObjectName(QStringLiteral("features"));
    m_features->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Card:", "state of the card in a reader"), m_state);
    form->addRow(tr("Card type:"), m_cardNames);
    form->addRow(tr("ATR:"), m_atr);
    form->addRow(tr("Reader features:"), m_features);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addStretch();
}

bool ReaderPage::accepts(const QModelIndex& index) const
{
    return qobject_cast<const ReaderModel*>(index.model()) && !index.data(ReaderModel::IsCardRole).toBool();
}

void ReaderPage::setReader(const QModelIndex& index)
{
    disconnect(m_dataChanged);
    m_index = index;
    if (index.isValid()) {
        m_dataChanged = connect(index.model(), &QAbstractItemModel::dataChanged, this,
                                [this](const QModelIndex& from, const QModelIndex& to) {
                                    if (m_index.isValid() && m_index.row() >= from.row() && m_index.row() <= to.row()) {
                                        refresh();
                                    }
                                });
    }
    refresh();
}

void ReaderPage::refresh()
{
    if (!m_index.isValid()) {
        m_title->clear();
        m_state->clear();
        m_cardNames->clear();
        m_atr->clear();
        m_hint->setText(tr("This reader is gone."));
        m_features->clear();
        m_featuresReader.clear();
        return;
    }
    const QAbstractItemModel* model = m_index.model();
    const QModelIndex row = model->index(m_index.row(), ReaderModel::NameColumn);
    const bool present = row.data(ReaderModel::CardPresentRole).toBool();
    m_title->setText(row.data(ReaderModel::ReaderNameRole).toString());
    m_state->setText(model->index(row.row(), ReaderModel::CardColumn).data().toString());
    const QStringList names = row.data(ReaderModel::CardNamesRole).toStringList();
    const QString source = row.data(ReaderModel::CardNameSourceRole).toString();
    m_cardNames->setText(!present            ? QString()
                         : !names.isEmpty()  ? names.join(QLatin1Char('\n'))
                         : !source.isEmpty() ? model->index(row.row(), ReaderModel::CardNameColumn).data().toString() +
                                                   QLatin1Char('\n') + source
                                             : tr("Not in the list of known cards"));
    m_atr->setText(row.data(ReaderModel::AtrHexRole).toString());
    m_hint->setText(present ? QString() : tr("Insert a card into this reader."));
    m_hint->setVisible(!present);

    // Features belong to the reader: read once per reader shown, off the GUI thread.
    const QString reader = row.data(ReaderModel::ReaderNameRole).toString();
    if (reader != m_featuresReader) {
        m_featuresReader = reader;
        m_features->setText(tr("reading…"));
        m_featuresRequest.run(
            this, [reader] { return readCardDetails(reader); },
            [this](const Result<CardDetails, PcscError>& result) { showFeatures(result); });
    }
}

void ReaderPage::showFeatures(const Result<CardDetails, PcscError>& result)
{
    if (!result) {
        m_features->setText(ErrorText::pcsc(result.error()));
    } else if (!result.value().featuresSupported) {
        m_features->setText(tr("none reported (no PC/SC part 10 support); PINs are typed on the computer"));
    } else {
        const ReaderFeatures& f = result.value().features;
        QStringList lines;
        lines << (f.hasPinpad() ? tr("PIN pad: PINs are entered on the reader") : tr("no PIN pad"));
        for (auto it = f.controlCodes.cbegin(); it != f.controlCodes.cend(); ++it) {
            lines << ReaderFeatures::featureName(it.key());
        }
        m_features->setText(lines.join(QLatin1Char('\n')));
    }
    Q_EMIT featuresLoaded();
}

} // namespace tokendesk
