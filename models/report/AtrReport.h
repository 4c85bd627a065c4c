#pragma once

#include "backend/atr/AtrInfo.h"

#include <QJsonObject>
#include <QTextStream>

namespace tokendesk {

class SmartcardList;

/// An ATR broken down like pcsc-tools' ATR_analysis, with the card names smartcard_list.txt
/// gives it: `tokendesk atr`'s JSON (AtrReportJson.cpp) and text (AtrReport.cpp).
class AtrReport
{
public:
    explicit AtrReport(const SmartcardList& smartcardList) : m_smartcardList(smartcardList) {}

    QJsonObject toJson(const AtrInfo& info) const;
    void printText(const AtrInfo& info, QTextStream& out) const;

private:
    const SmartcardList& m_smartcardList;
};

} // namespace tokendesk
