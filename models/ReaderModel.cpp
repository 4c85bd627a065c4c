#include "ReaderModel.h"

#include "backend/atr/SmartcardList.h"

#include <algorithm>

namespace tokendesk {

namespace {
// internalId of an index: 0 for a reader row, reader row + 1 for its card row.
constexpr quintptr kReaderId = 0;
} // namespace

ReaderModel::ReaderModel(QObject* parent) : QAbstractItemModel(parent) {}

void ReaderModel::setSmartcardList(const SmartcardList* list)
{
    m_smartcardList = list;
    // Only rows with a card have names to change.
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).info.cardPresent()) {
            updateRow(row, m_rows.at(row).info);
        }
    }
}

QModelIndex ReaderModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent)) {
        return {};
    }
    if (!parent.isValid()) {
        return createIndex(row, column, kReaderId);
    }
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex ReaderModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kReaderId) {
        return {};
    }
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kReaderId);
}

int ReaderModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid()) {
        return static_cast<int>(m_rows.size());
    }
    if (parent.internalId() != kReaderId || parent.column() != 0) {
        return 0; // cards have no children; only column 0 has children
    }
    return m_rows.at(parent.row()).info.cardPresent() ? 1 : 0;
}

int ReaderModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant ReaderModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    if (index.internalId() == kReaderId) {
        return readerData(m_rows.at(index.row()), index.column(), role);
    }
    return cardData(m_rows.at(static_cast<int>(index.internalId() - 1)), index.column(), role);
}

QVariant ReaderModel::readerData(const Row& row, int column, int role) const
{
    const ReaderInfo& info = row.info;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return info.name;
        case CardColumn:
            return cardStateText(info);
        case CardNameColumn: {
            const TokenName* named = row.cardNames.isEmpty() ? tokenName(row) : nullptr;
            return named ? named->name : row.cardNames.value(0);
        }
        case AtrColumn:
            return atrToHex(info.atr);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return column == CardNameColumn && !row.cardNames.isEmpty() ? row.cardNames.join(QLatin1Char('\n'))
                                                                    : QVariant();
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
    case IsCardRole:
        return false;
    case EventCountRole:
        return info.eventCount;
    case CardNameSourceRole: {
        const TokenName* named = row.cardNames.isEmpty() ? tokenName(row) : nullptr;
        return named ? named->source : QString();
    }
    default:
        return {};
    }
}

QVariant ReaderModel::cardData(const Row& row, int column, int role) const
{
    if (role == IsCardRole) {
        return true;
    }
    if (role == Qt::DisplayRole && column == NameColumn) {
        if (!row.cardNames.isEmpty()) {
            return row.cardNames.constFirst();
        }
        const TokenName* named = tokenName(row);
        return named ? named->name : tr("Unknown card");
    }
    if (role == Qt::DisplayRole && column == CardColumn) {
        return row.info.inUse ? tr("In use") : QString();
    }
    if (role == Qt::DisplayRole && column == CardNameColumn) {
        return {};
    }
    // The rest (ATR, names, reader) is the same as on the reader's row.
    return readerData(row, column, role);
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
    auto names = QAbstractItemModel::roleNames();
    names.insert(ReaderNameRole, "readerName");
    names.insert(CardPresentRole, "cardPresent");
    names.insert(AtrRole, "atr");
    names.insert(AtrHexRole, "atrHex");
    names.insert(CardNamesRole, "cardNames");
    names.insert(CardStateRole, "cardState");
    names.insert(IsCardRole, "isCard");
    names.insert(EventCountRole, "eventCount");
    names.insert(CardNameSourceRole, "cardNameSource");
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

QModelIndex ReaderModel::indexOfCard(const QString& readerName) const
{
    const QModelIndex reader = indexOfReader(readerName);
    return reader.isValid() && rowCount(reader) > 0 ? index(0, NameColumn, reader) : QModelIndex();
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
            if (m_rows.at(existing.row()).info != info) {
                updateRow(existing.row(), info);
            }
            continue;
        }
        const int row = static_cast<int>(m_rows.size());
        beginInsertRows({}, row, row);
        m_rows.append(makeRow(info));
        endInsertRows();
    }
}

void ReaderModel::updateRow(int row, const ReaderInfo& info)
{
    const QModelIndex reader = index(row, NameColumn);
    const bool hadCard = m_rows.at(row).info.cardPresent();
    const bool hasCard = info.cardPresent();
    // A card swapped for another is a card row removed and a new one inserted,
    // so views drop what they showed of the old card.
    const bool swapped = hadCard && hasCard && !info.sameCardAs(m_rows.at(row).info);
    if (hadCard && (!hasCard || swapped)) {
        // What a token said of the card that went is no name for the next one.
        m_tokenNames.removeIf([&info](const auto& it) { return it.value().reader == info.name; });
        beginRemoveRows(reader, 0, 0);
        m_rows[row].info.cardState = ReaderInfo::CardState::Absent;
        endRemoveRows();
    }
    const bool insertCard = hasCard && (!hadCard || swapped);
    if (insertCard) {
        beginInsertRows(reader, 0, 0);
    }
    m_rows[row] = makeRow(info);
    if (insertCard) {
        endInsertRows();
    }
    Q_EMIT dataChanged(reader, reader.siblingAtColumn(ColumnCount - 1));
    if (hasCard && !insertCard) {
        const QModelIndex card = index(0, NameColumn, reader);
        Q_EMIT dataChanged(card, card.siblingAtColumn(ColumnCount - 1));
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

void ReaderModel::setTokenCardName(const QString& tokenKey, const QString& readerName, const QString& name,
                                   const QString& source)
{
    const auto it = m_tokenNames.constFind(tokenKey);
    if (it != m_tokenNames.cend() && it->reader == readerName && it->name == name && it->source == source) {
        return;
    }
    const QString before = it != m_tokenNames.cend() ? it->reader : QString();
    m_tokenNames.insert(tokenKey, TokenName{readerName, name, source});
    if (!before.isEmpty() && before != readerName) {
        cardNameChanged(before);
    }
    cardNameChanged(readerName);
}

void ReaderModel::removeTokenCardName(const QString& tokenKey)
{
    const auto it = m_tokenNames.constFind(tokenKey);
    if (it == m_tokenNames.cend()) {
        return;
    }
    const QString reader = it->reader;
    m_tokenNames.erase(it);
    cardNameChanged(reader);
}

const ReaderModel::TokenName* ReaderModel::tokenName(const Row& row) const
{
    if (!row.info.cardPresent()) {
        return nullptr;
    }
    for (const TokenName& named : m_tokenNames) {
        if (named.reader == row.info.name) {
            return &named;
        }
    }
    return nullptr;
}

void ReaderModel::cardNameChanged(const QString& readerName)
{
    const QModelIndex reader = indexOfReader(readerName);
    if (!reader.isValid()) {
        return;
    }
    Q_EMIT dataChanged(reader, reader.siblingAtColumn(ColumnCount - 1));
    const QModelIndex card = indexOfCard(readerName);
    if (card.isValid()) {
        Q_EMIT dataChanged(card, card.siblingAtColumn(ColumnCount - 1));
    }
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
