#pragma once

#include <QByteArray>
#include <QString>

namespace tokendesk {

/// PKCS#11 text: the fixed-size, blank-padded fields of CK_INFO, CK_SLOT_INFO
/// and CK_TOKEN_INFO, and CKA_LABEL values. The standard says UTF-8; tokens
/// personalised by older tools carry Latin-1 (or anything), and some modules
/// pad with NUL instead of blanks.
class Pkcs11Text
{
public:
    /// The field without its trailing padding (blanks, and NULs some modules use).
    static QByteArray trimmed(const QByteArray& field);
    /// For people: the trimmed text as UTF-8 when it is valid UTF-8, else as
    /// Latin-1, so a non-UTF-8 label still shows every byte as some character.
    static QString decode(const QByteArray& text);
    /// decode() for a fixed-size field: when the field is full to its last
    /// byte and ends in an incomplete UTF-8 sequence, a tool cut a UTF-8 text
    /// there: that partial character is dropped instead of falling back to Latin-1.
    static QString decodeField(const QByteArray& field);
    /// Whether the bytes are UTF-8 (no invalid or incomplete sequence).
    static bool isUtf8(const QByteArray& bytes);
    /// A fixed-size field from text: cut at `size`, padded with blanks.
    static QByteArray padded(const QByteArray& text, int size);
    /// Pointer and size to a QByteArray, for copying fixed fields out of C structs.
    static QByteArray field(const unsigned char* data, int size)
    {
        return QByteArray(reinterpret_cast<const char*>(data), size);
    }
    /// Copies a fixed field into a C struct's array (blank-padded to `size`).
    static void copyTo(const QByteArray& field, unsigned char* out, int size);
};

} // namespace tokendesk
