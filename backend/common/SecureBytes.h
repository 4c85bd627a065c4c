#pragma once

#include <QByteArray>
#include <QString>

namespace tokendesk {

/// A secret (PIN, PUK, SO PIN, password) in a buffer of its own that is wiped
/// (OPENSSL_cleanse) when it is cleared, reassigned or destroyed. Move-only, so
/// no copy is left behind; never printed, logged or put in a QVariant.
///
/// The bytes are kept in a QByteArray that this object alone holds (it is
/// never shared with another QByteArray), so that wiping it wipes the only
/// copy. Hand the bytes to an API only as `const QByteArray&` for the length
/// of one call.
class SecureBytes
{
public:
    SecureBytes() = default;
    /// Copies `size` bytes into a buffer of its own.
    SecureBytes(const char* data, qsizetype size);
    ~SecureBytes() { wipe(); }
    SecureBytes(SecureBytes&& other) noexcept;
    SecureBytes& operator=(SecureBytes&& other) noexcept;
    SecureBytes(const SecureBytes&) = delete;
    SecureBytes& operator=(const SecureBytes&) = delete;

    /// Takes the bytes of `source` and wipes it: the caller's buffer must not
    /// be shared with another QByteArray (read it with read(), not a copy).
    static SecureBytes take(QByteArray& source);
    /// The UTF-8 of `source`, which is then wiped.
    static SecureBytes takeUtf8(QString& source);

    const QByteArray& bytes() const { return m_bytes; }
    qsizetype size() const { return m_bytes.size(); }
    bool isEmpty() const { return m_bytes.isEmpty(); }
    /// Every byte an ASCII digit (PIV PINs and PUKs).
    bool isDigits() const;
    bool operator==(const SecureBytes& other) const;
    bool operator!=(const SecureBytes& other) const { return !(*this == other); }

    /// Overwrites the bytes and empties the buffer. Overwritten in place, so a
    /// QByteArray copy of bytes() that still shares the buffer is wiped too.
    void wipe();
    /// Overwrites a buffer the caller owns (not shared), then clears it.
    static void wipe(QByteArray& bytes);
    static void wipe(QString& text);

private:
    QByteArray m_bytes;
};

} // namespace tokendesk
