#include "ReportCommand.h"

#include "CommandLine.h"
#include "backend/atr/SmartcardList.h"
#include "backend/pcsc/PcscContext.h"
#include "models/ErrorText.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tokendesk {

namespace {
QString cardStateName(ReaderInfo::CardState state)
{
    switch (state) {
    case ReaderInfo::CardState::Absent:
        return QStringLiteral("absent");
    case ReaderInfo::CardState::Present:
        return QStringLiteral("present");
    case ReaderInfo::CardState::Mute:
        return QStringLiteral("mute");
    case ReaderInfo::CardState::Unavailable:
        return QStringLiteral("unavailable");
    }
    return {};
}
} // namespace

int ReportCommand::run(bool json, QTextStream& out, QTextStream& err) const
{
    const auto readers = scanReaders();
    if (!readers) {
        return CommandLine::fail(json, readers.error().codeName(), ErrorText::pcsc(readers.error()), out, err);
    }
    if (json) {
        QJsonArray array;
        for (const ReaderInfo& reader : readers.value()) {
            array.append(readerJson(reader));
        }
        out << QJsonDocument(QJsonObject{{QStringLiteral("readers"), array}}).toJson(QJsonDocument::Indented);
        return 0;
    }
    out << QCoreApplication::translate("ReportCommand", "Readers (%n):", nullptr, readers.value().size()) << '\n';
    for (const ReaderInfo& reader : readers.value()) {
        printReaderText(reader, out);
    }
    return 0;
}

QJsonObject ReportCommand::readerJson(const ReaderInfo& reader) const
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), reader.name);
    o.insert(QStringLiteral("card_present"), reader.cardPresent());
    o.insert(QStringLiteral("card_state"), cardStateName(reader.cardState));
    o.insert(QStringLiteral("atr"), reader.cardPresent() ? QJsonValue(atrToHex(reader.atr)) : QJsonValue());
    o.insert(QStringLiteral("card_names"), QJsonArray::fromStringList(m_smartcardList.cardNames(reader.atr)));
    o.insert(QStringLiteral("in_use"), reader.inUse);
    o.insert(QStringLiteral("exclusive"), reader.exclusive);
    o.insert(QStringLiteral("event_count"), reader.eventCount);
    return o;
}

void ReportCommand::printReaderText(const ReaderInfo& reader, QTextStream& out) const
{
    out << "  " << reader.name << '\n';
    if (!reader.cardPresent()) {
        out << "    " << QCoreApplication::translate("ReportCommand", "no card") << '\n';
        return;
    }
    out << "    ATR: " << atrToHex(reader.atr) << '\n';
    const QStringList names = m_smartcardList.cardNames(reader.atr);
    for (const QString& name : names) {
        out << "    " << QCoreApplication::translate("ReportCommand", "card: %1").arg(name) << '\n';
    }
}

} // namespace tokendesk
