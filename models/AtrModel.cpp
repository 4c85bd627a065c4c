#include "AtrModel.h"

#include "AtrText.h"
#include "StatusPalette.h"
#include "backend/atr/AtrParser.h"

namespace tokendesk {

AtrModel::AtrModel(QObject* parent) : QStandardItemModel(0, ColumnCount, parent)
{
    setHorizontalHeaderLabels({tr("Field"), tr("Value"), tr("Meaning")});
}

QList<QStandardItem*> AtrModel::row(const QString& field, const QString& value, const QString& meaning, int offset)
{
    QList<QStandardItem*> items{new QStandardItem(field), new QStandardItem(value), new QStandardItem(meaning)};
    for (QStandardItem* item : items) {
        item->setEditable(false);
        item->setData(offset, OffsetRole);
        item->setData(false, IsIssueRole);
    }
    items.at(MeaningColumn)->setToolTip(meaning);
    return items;
}

void AtrModel::setAtr(const QByteArray& atr)
{
    removeRows(0, rowCount());
    m_info = atr.isEmpty() ? AtrInfo{} : AtrParser::parse(atr);
    if (atr.isEmpty()) {
        return;
    }
    const AtrInfo& info = m_info;
    appendRow(
        row(QStringLiteral("TS"), AtrText::hexByte(quint8(info.bytes.at(0))), AtrText::convention(info.convention), 0));
    if (info.t0) {
        // Y1: which of TA1, TB1, TC1, TD1 follow.
        QStringList follow;
        const char* const names[] = {"TA1", "TB1", "TC1", "TD1"};
        for (int bit = 0; bit < 4; ++bit) {
            if (*info.t0 & (0x10 << bit)) {
                follow << QLatin1String(names[bit]);
            }
        }
        const QString historical = tr("%n historical byte(s)", nullptr, info.historicalLength());
        appendRow(row(
            QStringLiteral("T0"), AtrText::hexByte(*info.t0),
            follow.isEmpty() ? historical : tr("%1 follow; %2").arg(follow.join(QStringLiteral(", ")), historical), 1));
    }
    for (const InterfaceByte& b : info.interfaceBytes) {
        appendRow(row(AtrText::name(b), AtrText::hexByte(b.value), AtrText::meaning(b), b.offset));
    }
    addHistorical(info.historical);
    if (info.tck) {
        appendRow(row(QStringLiteral("TCK"), AtrText::hexByte(*info.tck),
                      info.tckValid.value_or(false) ? tr("checksum correct") : tr("checksum WRONG"),
                      static_cast<int>(info.bytes.size()) - 1));
    }
    addIssues();
}

void AtrModel::addHistorical(const HistoricalBytes& h)
{
    if (h.bytes.isEmpty()) {
        return;
    }
    QList<QStandardItem*> group = row(tr("Historical bytes"), AtrText::hex(h.bytes), AtrText::category(h.category));
    for (const CompactTlvObject& o : h.objects) {
        const QStringList details = AtrText::objectDetails(o);
        group.at(0)->appendRow(
            row(tr("Tag %1").arg(QString::number(o.tag, 16).toUpper()), AtrText::hex(o.value),
                details.isEmpty() ? AtrText::tagName(o.tag)
                                  : AtrText::tagName(o.tag) + QStringLiteral(": ") + details.join(QStringLiteral("; ")),
                o.offset));
    }
    if (h.status) {
        group.at(0)->appendRow(
            row(tr("Status indicator"), QString(), AtrText::statusDetails(*h.status).join(QStringLiteral("; "))));
    }
    if (h.dirDataReference) {
        group.at(0)->appendRow(row(tr("DIR data reference"), AtrText::hexByte(*h.dirDataReference), QString()));
    }
    for (const HistoricalBytes::Issue& i : h.issues) {
        QList<QStandardItem*> issue = row(tr("Warning"), QString(), AtrText::historicalIssue(i));
        issue.at(0)->setData(true, IsIssueRole);
        group.at(0)->appendRow(issue);
    }
    appendRow(group);
}

QVariant AtrModel::data(const QModelIndex& index, int role) const
{
    if (role == Qt::ForegroundRole && QStandardItemModel::data(index, IsErrorRole).toBool()) {
        return StatusPalette::alert();
    }
    return QStandardItemModel::data(index, role);
}

void AtrModel::addIssues()
{
    for (const AtrIssue& i : m_info.issues) {
        QList<QStandardItem*> issue =
            row(i.isError() ? tr("Error") : tr("Warning"), QString(), AtrText::issue(i), i.offset);
        for (QStandardItem* item : issue) {
            item->setData(true, IsIssueRole);
            item->setData(i.isError(), IsErrorRole);
        }
        appendRow(issue);
    }
}

} // namespace tokendesk
