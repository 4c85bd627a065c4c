#pragma once

#include "backend/vtoken/BrowserError.h"
#include "backend/vtoken/BrowserIntegration.h"
#include "backend/vtoken/ImportError.h"
#include "backend/vtoken/ImportPlan.h"
#include "backend/vtoken/P12Importer.h"
#include "backend/vtoken/VirtualTokenError.h"
#include "backend/x509/Pkcs12Reader.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace tokendesk {

/// Sentences and JSON for virtual tokens and .p12 imports, shared by the import wizard, the
/// virtual token page and `tokendesk import-p12|vtoken`. Paths and names from files are shown
/// escaped (PrintableText).
class VirtualTokenText
{
    Q_DECLARE_TR_FUNCTIONS(VirtualTokenText)
public:
    static QString error(const VirtualTokenError& error);
    static QString error(const Pkcs12Error& error);
    static QString error(const ImportError& error);
    static QString error(const BrowserError& error);
    static QString warning(const ImportPlan::Warning& warning);
    static QString warningCode(ImportPlan::Warning::Code code);
    /// Pkcs12Contents::legacyPasswordConversion: worth a note, not a warning.
    static QString legacyPasswordNote();
    /// "private key", "certificate", ...
    static QString objectType(ImportedObject::Type type);

    /// Who a ProgramView is, for people: "GnuTLS, OpenSSL and p11-kit programs", "Chromium and
    /// other NSS programs (~/.pki/nssdb)", "Firefox profile NAME".
    static QString programName(const ProgramView& view);
    /// Whether it sees the virtual tokens, in words (never colour alone): "sees the virtual
    /// tokens", "does not see them", "no NSS database yet"; an in-use Firefox profile adds
    /// "restart Firefox to use it".
    static QString programState(const ProgramView& view);

    /// {"token": {"label", "serial", "uri"}, "objects": [{"type", "uri"}]} as DESIGN.md has it,
    /// plus "created", "label" and "id" of each object and "verified" (mechanism of each proof).
    static QJsonObject json(const ImportResult& result);
};

} // namespace tokendesk
