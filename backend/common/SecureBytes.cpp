#include "SecureBytes.h"

#include <openssl/crypto.h>
#include <utility>

namespace tokendesk {

SecureBytes::SecureBytes(const char* data, qsizetype size)
{
    if (size > 0) {
        m_bytes = QByteArray(data, size);
    }
}

SecureBytes::SecureBytes(SecureBytes&& other) noexcept : m_bytes(std::exchange(other.m_bytes, QByteArray())) {}

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept
{
    if (this != &other) {
        wipe();
        m_bytes = std::exchange(other.m_bytes, QByteArray());
    }
    return *this;
}

SecureBytes SecureBytes::take(QByteArray& source)
{
    SecureBytes secret(source.constData(), source.size());
    wipe(source);
    return secret;
}

SecureBytes SecureBytes::takeUtf8(QString& source)
{
    QByteArray utf8 = source.toUtf8();
    SecureBytes secret = take(utf8);
    wipe(source);
    return secret;
}

bool SecureBytes::isDigits() const
{
    for (const char c : m_bytes) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

bool SecureBytes::operator==(const SecureBytes& other) const
{
    return m_bytes.size() == other.m_bytes.size() &&
           CRYPTO_memcmp(m_bytes.constData(), other.m_bytes.constData(), size_t(m_bytes.size())) == 0;
}

void SecureBytes::wipe()
{
    if (!m_bytes.isEmpty()) {
        // In place, through constData(): data() would detach when a careless copy of
        // bytes() shares the buffer, and wipe only the new copy. Our buffer is always
        // one we allocated (never raw or literal data), so writing it is safe, and the
        // copy is wiped with it.
        OPENSSL_cleanse(const_cast<char*>(m_bytes.constData()), size_t(m_bytes.size()));
    }
    m_bytes.clear();
}

void SecureBytes::wipe(QByteArray& bytes)
{
    if (!bytes.isEmpty()) {
        // data() detaches a shared buffer first: the caller promised it is not shared.
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    }
    bytes.clear();
}

void SecureBytes::wipe(QString& text)
{
    if (!text.isEmpty()) {
        OPENSSL_cleanse(text.data(), size_t(text.size()) * sizeof(QChar));
    }
    text.clear();
}

} // namespace tokendesk
