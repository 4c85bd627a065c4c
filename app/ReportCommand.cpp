#include "ReportCommand.h"

#include "CommandLine.h"
#include "backend/atr/SmartcardList.h"
#include "backend/pcsc/CardDetails.h"
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
    // Drivers need no pcscd: a report made while pcscd is down still has them,
    // which is when a helpdesk needs it most.
    const auto readers = scanReaders();
    const QList<ReaderDriver> drivers = ReaderDrivers::scan();
    if (json) {
        QJsonArray readerArray;
        for (const ReaderInfo& reader : readers.valueOr({})) {
            readerArray.append(readerJson(reader));
        }
        QJsonArray driverArray;
        for (const ReaderDriver& driver : drivers) {
            driverArray.append(driverJson(driver));
        }
        QJsonObject report{{QStringLiteral("readers"), readerArray}, {QStringLiteral("reader_drivers"), driverArray}};
        if (!readers) {
            report.insert(QStringLiteral("error"),
                          CommandLine::errorJson(readers.error().codeName(), ErrorText::pcsc(readers.error())));
        }
        out << QJsonDocument(report).toJson(QJsonDocument::Indented);
    } else {
        if (readers) {
            out << QCoreApplication::translate("ReportCommand", "Readers (%n):", nullptr, readers.value().size())
                << '\n';
            for (const ReaderInfo& reader : readers.value()) {
                printReaderText(reader, out);
            }
        }
        out << QCoreApplication::translate("ReportCommand", "Reader drivers (%n):", nullptr, drivers.size()) << '\n';
        for (const ReaderDriver& driver : drivers) {
            printDriverText(driver, out);
        }
    }
    if (!readers) {
        err << ErrorText::pcsc(readers.error()) << '\n';
        return 1;
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
    // Part 10 features: what the reader can do itself (a PIN pad, a display).
    const auto details = readCardDetails(reader.name);
    QJsonArray features;
    if (details) {
        for (auto it = details.value().features.controlCodes.cbegin();
             it != details.value().features.controlCodes.cend(); ++it) {
            features.append(ReaderFeatures::featureName(it.key()));
        }
    }
    o.insert(QStringLiteral("features"), features);
    o.insert(QStringLiteral("pinpad"), details && details.value().features.hasPinpad());
    return o;
}

QJsonObject ReportCommand::driverJson(const ReaderDriver& driver)
{
    QJsonObject o;
    const bool bundle = driver.kind == ReaderDriver::Kind::Bundle;
    o.insert(QStringLiteral("kind"), bundle ? QStringLiteral("bundle") : QStringLiteral("serial"));
    o.insert(QStringLiteral("id"), driver.id);
    o.insert(QStringLiteral("path"), driver.path);
    o.insert(QStringLiteral("library"), driver.library);
    if (bundle) {
        o.insert(QStringLiteral("version"), driver.version);
        o.insert(QStringLiteral("product"), driver.product);
        o.insert(QStringLiteral("manufacturer"), driver.manufacturer);
        o.insert(QStringLiteral("supported_readers"), driver.supportedReaders);
    } else {
        o.insert(QStringLiteral("device"), driver.device);
        o.insert(QStringLiteral("channel_id"), static_cast<qint64>(driver.channelId));
    }
    switch (driver.problem) {
    case ReaderDriver::Problem::None:
        o.insert(QStringLiteral("problem"), QJsonValue());
        break;
    case ReaderDriver::Problem::UnreadableInfo:
        o.insert(QStringLiteral("problem"), QStringLiteral("unreadable_info_plist"));
        break;
    case ReaderDriver::Problem::MissingLibrary:
        o.insert(QStringLiteral("problem"), QStringLiteral("missing_library"));
        break;
    }
    return o;
}

void ReportCommand::printDriverText(const ReaderDriver& driver, QTextStream& out)
{
    if (driver.kind == ReaderDriver::Kind::Bundle) {
        out << "  " << driver.id << ':' << driver.version << " (" << driver.path << ")\n";
    } else {
        out << "  " << driver.id << " (" << driver.library << ", " << driver.device << ")\n";
    }
    if (driver.problem == ReaderDriver::Problem::MissingLibrary) {
        out << "    " << QCoreApplication::translate("ReportCommand", "driver library missing: %1").arg(driver.library)
            << '\n';
    } else if (driver.problem == ReaderDriver::Problem::UnreadableInfo) {
        out << "    " << QCoreApplication::translate("ReportCommand", "Info.plist unreadable") << '\n';
    }
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
