#pragma once

#include "backend/pkcs11/IdentityTester.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

namespace tokendesk {

class PinPrompter;

/// `tokendesk cert test URI [--json] [--final-try]`: "Test this identity". The URI names one
/// certificate on a token; its private key (same CKA_ID, found after login) signs a random
/// challenge that the certificate's public key must verify (IdentityTester). The PIN comes
/// from the terminal without echo, or one line on stdin (TerminalPinPrompter).
///
/// Exit 0 when verified; 1 with a code for scripts otherwise: pin_incorrect, pin_locked,
/// cancelled, final_try_refused, token_not_present, object_not_found, not_supported,
/// signature_not_verified, ...; 2 for usage errors.
class CertTestCommand
{
    Q_DECLARE_TR_FUNCTIONS(CertTestCommand)
public:
    struct Options
    {
        QString uri;
        QStringList modules; ///< --module
        bool json = false;
        bool allowFinalTry = false; ///< --final-try: a script may use the last PIN try
    };

    static int run(const Options& options, QTextStream& out, QTextStream& err);
    /// The same with another prompter (tests, the GUI's worker).
    static int run(const Options& options, PinPrompter& prompter, QTextStream& out, QTextStream& err);

    /// {"verified", "mechanism", "signature_length", "elapsed_ms", "context_login", "uri", "subject", "token": {...}}
    static QJsonObject toJson(const IdentityTestResult& result, const CertificateEntry& entry, const TokenInfo& token);
};

} // namespace tokendesk
