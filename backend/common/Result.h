#pragma once

#include <type_traits>
#include <utility>
#include <variant>

namespace tokendesk {

/// A value or a typed error. Backend calls return this instead of throwing or
/// printing, so the UI layer decides how to say what went wrong.
template<typename T, typename E> class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(E error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<0>(m_data); }
    T& value() & { return std::get<0>(m_data); }
    T&& value() && { return std::get<0>(std::move(m_data)); }
    const E& error() const { return std::get<1>(m_data); }

    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, E> m_data;
};

/// The result of an operation that has no value to return.
struct Done
{
    bool operator==(const Done&) const { return true; }
};

template<typename E> using Status = Result<Done, E>;

} // namespace tokendesk
