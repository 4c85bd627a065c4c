#pragma once

#include <QString>
#include <QStringList>

namespace tokendesk {

/// "Mask serial numbers" of the report (`tokendesk report --mask-serials`, the report view's
/// option): a report for a ticket that does not say which card, token or certificate it was.
/// Masked are token serials (a card's serial as its PKCS#11 module reads it), certificate serial
/// numbers, the serialNumber attribute of a subject or issuer name (personal numbers on many
/// national ID cards), the serial= part of every PKCS#11 URI and the USB serial number pcscd puts
/// in a reader's name ("Reader (SERIAL) 00 00"), and any other place where a token's or certificate's
/// serial appears whole (everywhere()). Every letter and digit but the last four becomes
/// '*', separators stay ("01:23:45:67" -> "**:**:45:67"); a value with fewer than eight letters
/// and digits keeps none. Off (the default), every function returns its argument.
class SerialMask
{
public:
    explicit SerialMask(bool on = false) : m_on(on) {}

    bool isOn() const { return m_on; }
    /// A serial number: a token's, a certificate's.
    QString serial(const QString& serial) const;
    /// A PKCS#11 URI (RFC 7512) with its serial= attribute masked (the value as decoded).
    QString uri(const QString& uri) const;
    /// An RFC 4514 name with the values of its serialNumber attributes masked.
    QString distinguishedName(const QString& name) const;
    /// A PC/SC reader name with the serial number pcsc-lite puts in parentheses masked.
    QString readerName(const QString& name) const;

    /// `text` with every other place where one of `serials` appears whole (ignoring case) masked:
    /// a token serial that a certificate repeats in its subject (a PIV card's GUID in an OU), say.
    /// Only serials of eight letters and digits or more: a shorter one would match anywhere.
    QString everywhere(const QString& text, const QStringList& serials) const;

    /// The masked form of `value`, whether on or not.
    static QString mask(const QString& value);

private:
    bool m_on = false;
};

} // namespace tokendesk
