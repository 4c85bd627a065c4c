#pragma once

#include "backend/pcsc/ReaderDrivers.h"
#include "backend/pcsc/ReaderFeatures.h"
#include "backend/pcsc/ReaderInfo.h"
#include "backend/pkcs11/ModuleRegistry.h"

#include <QJsonObject>
#include <QTextStream>
#include <optional>

namespace tokendesk {

class SmartcardList;

/// `tokendesk report`: what the system has, like system_profiler SPSmartCardsDataType.
class ReportCommand
{
public:
    explicit ReportCommand(const SmartcardList& smartcardList) : m_smartcardList(smartcardList) {}

    /// Gathers the report and prints it; returns the process exit code.
    int run(bool json, QTextStream& out, QTextStream& err) const;

    /// PKCS#11 modules besides p11-kit's (--module, TOKENDESK_MODULES).
    void setModuleOptions(const ModuleRegistry::Options& options) { m_moduleOptions = options; }
    /// Also the tokens of trust stores and keyrings (p11-kit-trust, gnome-keyring): --all-tokens.
    void setAllTokens(bool all) { m_allTokens = all; }

    /// `features`: the reader's part 10 features, when it told them.
    QJsonObject readerJson(const ReaderInfo& reader, const std::optional<ReaderFeatures>& features) const;
    static QJsonObject driverJson(const ReaderDriver& driver);
    void printReaderText(const ReaderInfo& reader, QTextStream& out) const;
    static void printDriverText(const ReaderDriver& driver, QTextStream& out);
    static QJsonObject moduleJson(const ModuleInfo& module);
    static QJsonObject tokenJson(const TokenInfo& token);
    static void printModuleText(const ModuleInfo& module, QTextStream& out);
    static void printTokenText(const TokenInfo& token, QTextStream& out);

private:
    const SmartcardList& m_smartcardList;
    ModuleRegistry::Options m_moduleOptions;
    bool m_allTokens = false;
};

} // namespace tokendesk
