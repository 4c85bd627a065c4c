#pragma once

// What the fake PKCS#11 modules (tests/common/fake_*_pkcs11.cpp) share: padded text fields, one
// slot's list, and a function list whose every entry answers CKR_FUNCTION_NOT_SUPPORTED until the
// fake sets its own.

#include <algorithm>
#include <cstring>
#include <p11-kit/pkcs11.h>

namespace fake {

/// A PKCS#11 text field: `text`, blank-padded, cut at `size`.
inline void padded(unsigned char* field, size_t size, const char* text)
{
    std::memset(field, ' ', size);
    std::memcpy(field, text, std::min(size, std::strlen(text)));
}

/// C_GetSlotList's answer for a module of one slot.
inline CK_RV oneSlotList(CK_SLOT_ID slot, CK_SLOT_ID* list, CK_ULONG* count)
{
    if (!list) {
        *count = 1;
        return CKR_OK;
    }
    if (*count < 1) {
        *count = 1;
        return CKR_BUFFER_TOO_SMALL;
    }
    list[0] = slot;
    *count = 1;
    return CKR_OK;
}

/// C_GetInfo's answer: PKCS#11 2.40, "TokenDesk fake", `description`.
inline CK_RV info(CK_INFO* info, const char* description)
{
    std::memset(info, 0, sizeof *info);
    info->cryptokiVersion = {2, 40};
    padded(info->manufacturerID, sizeof info->manufacturerID, "TokenDesk fake");
    padded(info->libraryDescription, sizeof info->libraryDescription, description);
    info->libraryVersion = {1, 0};
    return CKR_OK;
}

/// A version 2.40 function list with `notSupported` in every entry (called through a pointer of
/// another type, which the x86-64 and AArch64 calling conventions allow for a function that reads
/// no argument).
inline CK_FUNCTION_LIST unsupportedFunctions(CK_RV (*notSupported)())
{
    CK_FUNCTION_LIST f{};
    using Generic = CK_RV (*)();
    Generic* first = reinterpret_cast<Generic*>(&f.C_Initialize);
    Generic* last = reinterpret_cast<Generic*>(&f.C_WaitForSlotEvent);
    for (Generic* p = first; p <= last; ++p) {
        *p = notSupported;
    }
    f.version.major = 2;
    f.version.minor = 40;
    return f;
}

} // namespace fake
