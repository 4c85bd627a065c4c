#pragma once

#include "CFree.h"

#include <QString>
#include <cstdlib>

namespace tokendesk {

/// A C string a library returns for the caller to free(3) (p11-kit's module names, file names
/// and messages), as UTF-8 text; the string is freed. Null gives an empty QString.
inline QString takeMallocString(char* text)
{
    const CPtr<char, std::free> owned(text);
    return text ? QString::fromUtf8(text) : QString();
}

} // namespace tokendesk
