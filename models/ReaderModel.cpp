#include "ReaderModel.h"

#include "backend/atr/SmartcardList.h"

#include <algorithm>

namespace tokendesk {

ReaderModel::ReaderModel(QObject* parent) : QAbstractTableModel(parent) {}

void ReaderModel::setSmartcardList(const SmartcardList* list)
{
    m_smartcardList = list;
    for (int row = 0; row < m_rows.size(); ++row) {
        m_rows[row] = makeRow(m_rows.at(row).info);
    }
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

int ReaderModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ReaderModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReaderModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& row = m_rows.at(index.row());
    const ReaderInfo& info = row.info;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return info.name;
        case CardColumn:
            return cardStateText(info);
        case CardNameColumn:
            return row.cardNames.value(0);
        case AtrColumn:
            return atrToHex(info.atr);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == CardNameColumn && !row.cardNames.isEmpty()) {
            return row.cardNames.join(QLatin1Char('\n'));
        }
        return {};
    case ReaderNameRole:
        return info.name;
    case CardPresentRole:
        return info.cardPresent();
    case AtrRole:
        return info.atr;
    case AtrHexRole:
        return atrToHex(info.atr);
    case CardNamesRole:
        return row.cardNames;
    case CardStateRole:
        return static_cast<int>(info.cardState);
    default:
        return {};
    }
}

QVariant ReaderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NameColumn:
        return tr("Reader");
    case CardColumn:
        return tr("Card", "state of the card in a reader");
    case CardNameColumn:
        return tr("Card type");
    case AtrColumn:
        return tr("ATR");
    default:
        return {};
    }
}

QHash<int, QByteArray> ReaderModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(ReaderNameRole, "readerName");
    names.insert(CardPresentRole, "cardPresent");
    names.insert(AtrRole, "atr");
    names.insert(AtrHexRole, "atrHex");
    names.insert(CardNamesRole, "cardNames");
    names.insert(CardStateRole, "cardState");
    return names;
}

QModelIndex ReaderModel::indexOfReader(const QString& name) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).info.name == name) {
            return index(row, NameColumn);
        }
    }
    return {};
}

void ReaderModel::setReaders(const ReaderList& readers)
{
    auto contains = [&readers](const QString& name) {
        return std::any_of(readers.cbegin(), readers.cend(), [&name](const ReaderInfo& r) { return r.name == name; });
    };
    for (int row = static_cast<int>(m_rows.size()) - 1; row >= 0; --row) {
        if (!contains(m_rows.at(row).info.name)) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    for (const ReaderInfo& info : readers) {
        const QModelIndex existing = indexOfReader(info.name);
        if (existing.isValid()) {
            Row& row = m_rows[existing.row()];
            if (row.info != info) {
                row = makeRow(info);
                Q_EMIT dataChanged(index(existing.row(), 0), index(existing.row(), ColumnCount - 1));
            }
            continue;
        }
        const int row = static_cast<int>(m_rows.size());
        beginInsertRows({}, row, row);
        m_rows.append(makeRow(info));
        endInsertRows();
    }
}

ReaderModel::Row ReaderModel::makeRow(const ReaderInfo& info) const
{
    Row row{info, {}};
    if (m_smartcardList && info.cardPresent()) {
        row.cardNames = m_smartcardList->cardNames(info.atr);
    }
    return row;
}

QString ReaderModel::cardStateText(const ReaderInfo& info) const
{
    switch (info.cardState) {
    case ReaderInfo::CardState::Absent:
        return tr("No card");
    case ReaderInfo::CardState::Present:
        return info.inUse ? tr("Card in use") : tr("Card present");
    case ReaderInfo::CardState::Mute:
        return tr("Card does not answer");
    case ReaderInfo::CardState::Unavailable:
        return tr("Reader unavailable");
    }
    return {};
}

} // namespace tokendesk
