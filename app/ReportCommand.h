#pragma once

#include "backend/pcsc/ReaderDrivers.h"
#include "backend/pcsc/ReaderInfo.h"

#include <QJsonObject>
#include <QTextStream>

namespace tokendesk {

class SmartcardList;

/// `tokendesk report`: what the system has, like system_profiler SPSmartCardsDataType.
class ReportCommand
{
public:
    explicit ReportCommand(const SmartcardList& smartcardList) : m_smartcardList(smartcardList) {}

    /// Gathers the report and prints it; returns the process exit code.
    int run(bool json, QTextStream& out, QTextStream& err) const;

    QJsonObject readerJson(const ReaderInfo& reader) const;
    static QJsonObject driverJson(const ReaderDriver& driver);
    void printReaderText(const ReaderInfo& reader, QTextStream& out) const;
    static void printDriverText(const ReaderDriver& driver, QTextStream& out);

private:
    const SmartcardList& m_smartcardList;
};

} // namespace tokendesk
