#pragma once

#include "models/report/SystemReport.h"

#include <QTextStream>

namespace tokendesk {

class SmartcardList;

/// `tokendesk report`: what the system has (SystemReport), as JSON or text.
class ReportCommand
{
public:
    explicit ReportCommand(const SmartcardList& smartcardList) : m_smartcardList(smartcardList) {}

    /// Gathers the report and prints it; returns the process exit code.
    int run(bool json, QTextStream& out, QTextStream& err) const;

    /// PKCS#11 modules besides p11-kit's (--module, TOKENDESK_MODULES).
    void setModuleOptions(const ModuleRegistry::Options& options) { m_options.modules = options; }
    /// Also the tokens of trust stores and keyrings (p11-kit-trust, gnome-keyring): --all-tokens.
    void setAllTokens(bool all) { m_options.allTokens = all; }
    void setPairingSources(const PairingSources::Choice& choice) { m_options.pairings = choice; }

private:
    const SmartcardList& m_smartcardList;
    SystemReport::Options m_options;
};

} // namespace tokendesk
