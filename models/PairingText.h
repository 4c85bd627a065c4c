#pragma once

#include "JsonLine.h"
#include "backend/pairing/LoginFinder.h"
#include "backend/pairing/LoginFitness.h"
#include "backend/pairing/Pairing.h"
#include "backend/pairing/PairingError.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace tokendesk {

/// Sentences and JSON for pairing, shared by the window and `tokendesk pair|unpair|pairings|whois`.
/// Logins, paths and keys from files are shown escaped (PrintableText): a file edited by someone
/// else may hold control characters.
class PairingText
{
    Q_DECLARE_TR_FUNCTIONS(PairingText)
public:
    static QString error(const PairingError& error);
    static QString warning(PairingWarning warning);
    static QString warningCode(PairingWarning warning);
    static QString fitness(FitnessWarning warning);
    /// "digest mapper (pam-digest:/etc/pam_pkcs11/digest_mapping, line 3)".
    static QString source(const QString& mapper, const Pairing& pairing);
    /// Why a mapper was passed over by "who logs in".
    static QString note(const MapperNote& note);
    /// The answer of "who logs in with this card?" in one or two sentences.
    static QString answer(const LoginAnswer& answer);

    /// {"login", "store", "sha256", "subject"} as DESIGN.md has them, plus "line", "key" and "warnings".
    static QJsonObject json(const Pairing& pairing);
    /// The same keys written into `line` (for output of many rows).
    static void json(const Pairing& pairing, JsonLine& line);
    static QJsonObject json(const LoginAnswer& answer);
};

} // namespace tokendesk
