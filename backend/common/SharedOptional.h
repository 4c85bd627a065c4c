#pragma once

#include <memory>
#include <optional>

namespace tokendesk {

/// A value that may be there, used like std::optional<T> (bool, *, ->, value(), = a T or
/// std::nullopt) but a pointer's size, and shared between copies instead of copied: never
/// changed in place, assigning makes a new one. For what a large token has a thousand of and
/// passes from thread to thread: a certificate's parsed fields (one CertificateInfo shared by
/// the parser's results and the entry) and the keys beside it, which most certificates lack.
/// As std::optional members they made every CertificateEntry 1.6 kB larger and were copied
/// twice on the way (1,000 certificates: 1.6 MB of the report's peak, docs/BENCHMARKS.md).
template<typename T> class SharedOptional
{
public:
    SharedOptional() = default;
    SharedOptional(std::nullopt_t) {}
    SharedOptional(const T& value) : m_value(std::make_shared<const T>(value)) {}
    SharedOptional(T&& value) : m_value(std::make_shared<const T>(std::move(value))) {}
    SharedOptional(const std::optional<T>& value)
    {
        if (value) {
            m_value = std::make_shared<const T>(*value);
        }
    }

    explicit operator bool() const { return m_value != nullptr; }
    bool has_value() const { return m_value != nullptr; }
    const T& operator*() const { return *m_value; }
    const T* operator->() const { return m_value.get(); }
    const T& value() const { return *m_value; }
    void reset() { m_value.reset(); }
    /// A copy for code that keeps a std::optional of its own.
    operator std::optional<T>() const { return m_value ? std::optional<T>(*m_value) : std::nullopt; }

    bool operator==(const SharedOptional& o) const
    {
        return m_value == o.m_value || (m_value && o.m_value && *m_value == *o.m_value);
    }
    bool operator!=(const SharedOptional& o) const { return !(*this == o); }

private:
    std::shared_ptr<const T> m_value;
};

} // namespace tokendesk
