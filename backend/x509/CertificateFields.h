#pragma once

// Internal to backend/x509: this header includes OpenSSL, so only the x509 .cpp files include it.

#include "CertificateInfo.h"
#include "PublicKeyShortcut.h"

#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace tokendesk {

/// Reads the fields of a parsed certificate into a snapshot: names, dates, key, digests (this file)
/// and extensions (CertificateExtensions.cpp).
class CertificateFields
{
public:
    /// Everything but `namesRepaired`; `der` is the certificate as it was read, the digests are over it.
    /// `key`: the key's facts read by PublicKeyShortcut (`cert` is then its patched copy).
    static CertificateInfo read(X509* cert, const QByteArray& der, const PublicKeyShortcut::Key* key = nullptr);

    /// RFC 4514 text: X509_NAME_print_ex with XN_FLAG_RFC2253 less ASN1_STRFLGS_ESC_MSB, so UTF-8 stays UTF-8.
    static QString nameText(const X509_NAME* name);
    static QList<NameEntry> nameEntries(const X509_NAME* name);
    /// A string value in Unicode; bytes its type does not allow become U+FFFD.
    static QString stringText(const ASN1_STRING* string);
    /// Dotted ("1.3.6.1...") when `numeric`, else OpenSSL's long name when it has one.
    static QString objectText(const ASN1_OBJECT* object, bool numeric);
    /// OpenSSL's short name, else the dotted OID.
    static QString objectShortName(const ASN1_OBJECT* object);
    static GeneralName generalName(const GENERAL_NAME* name);
    /// UTC; invalid when the time does not parse. UTCTime years 50-99 are 19xx, GeneralizedTime any year.
    static QDateTime time(const ASN1_TIME* time);
    /// "-" and upper-case hex, two digits a byte, like i2a_ASN1_INTEGER.
    static QString integerHex(const ASN1_INTEGER* integer);
    /// Everything in the thread's OpenSSL error queue, one line each, and empties it.
    static QString takeErrors();

    /// Fills the extension fields of `info` (CertificateExtensions.cpp).
    static void readExtensions(X509* cert, CertificateInfo& info);
};

} // namespace tokendesk
