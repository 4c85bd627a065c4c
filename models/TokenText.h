#pragma once

#include "PinText.h"
#include "backend/pkcs11/Identity.h"
#include "backend/pkcs11/TokenInfo.h"

#include <QCoreApplication>

namespace tokendesk {

/// Words for tokens and their objects, for people: the backend gives flags and codes.
class TokenText
{
    Q_DECLARE_TR_FUNCTIONS(TokenText)
public:
    /// PinText's words, kept here for the callers that still ask TokenText.
    static PinSummary pinSummary(const TokenInfo& token) { return PinText::summary(token); }
    static QString pinSummaryText(PinSummary summary) { return PinText::summaryText(summary); }
    static QString pinFlags(const PinFlags& flags) { return PinText::flags(flags); }
    /// "Identity", "Key expected", "No private key".
    static QString keyState(CertificateEntry::KeyState state);
    /// "RSA 2048 bits", "EC", ... for a key object.
    static QString keyType(const ObjectInfo& object);
    /// A token's label for people; "(no label)" when it has none.
    static QString tokenLabel(const TokenInfo& token);
    /// An object's label for people; its CKA_ID in hex when it has no label.
    static QString objectLabel(const ObjectInfo& object);
    /// The CK_TOKEN_INFO flags that matter to people, in words, comma-separated.
    static QString tokenFlags(const TokenInfo& token);
};

} // namespace tokendesk
