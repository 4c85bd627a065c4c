#pragma once

#include <memory>

namespace tokendesk {

/// Deleter that calls a C library's free function, for std::unique_ptr:
/// `std::unique_ptr<X509, CFree<X509_free>>`.
template<auto FreeFunction> struct CFree
{
    template<typename T> void operator()(T* p) const
    {
        if (p) {
            FreeFunction(p);
        }
    }
};

template<typename T, auto FreeFunction> using CPtr = std::unique_ptr<T, CFree<FreeFunction>>;

} // namespace tokendesk
