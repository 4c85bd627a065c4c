#pragma once

#include "models/report/ReportDocument.h"
#include "models/report/SystemReport.h"

#include <QTextStream>

namespace tokendesk {

class SmartcardList;

/// `tokendesk report`: what the system has (SystemReport), as text, JSON or HTML (ReportDocument).
class ReportCommand
{
public:
    explicit ReportCommand(const SmartcardList& smartcardList) : m_smartcardList(smartcardList) {}

    /// Gathers the report and prints it; returns the process exit code.
    int run(ReportDocument::Format format, QTextStream& out, QTextStream& err) const;

    /// PKCS#11 modules besides p11-kit's (--module, TOKENDESK_MODULES).
    void setModuleOptions(const ModuleRegistry::Options& options) { m_options.modules = options; }
    /// Also the tokens of trust stores and keyrings (p11-kit-trust, gnome-keyring): --all-tokens.
    void setAllTokens(bool all) { m_options.allTokens = all; }
    void setPairingSources(const PairingSources::Choice& choice) { m_options.pairings = choice; }
    /// --mask-serials: card, token and certificate serial numbers masked (SerialMask).
    void setMaskSerials(bool mask) { m_mask = SerialMask(mask); }

private:
    const SmartcardList& m_smartcardList;
    SystemReport::Options m_options;
    SerialMask m_mask;
};

} // namespace tokendesk
