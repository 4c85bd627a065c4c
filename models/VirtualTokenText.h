#pragma once

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
    /// Where a program looks for the token, by kind: "Chromium and other NSS programs (path)", ...
    static QString programPlace(const ProgramView& view);
    static QString warning(const ImportPlan::Warning& warning);
    static QString warningCode(ImportPlan::Warning::Code code);
    /// Pkcs12Contents::legacyPasswordConversion: worth a note, not a warning.
    static QString legacyPasswordNote();
    /// "private key", "certificate", ...
    static QString objectType(ImportedObject::Type type);

    /// {"token": {"label", "serial", "uri"}, "objects": [{"type", "uri"}]} as DESIGN.md has it,
    /// plus "created", "label" and "id" of each object and "verified" (mechanism of each proof).
    static QJsonObject json(const ImportResult& result);
};

} // namespace tokendesk
