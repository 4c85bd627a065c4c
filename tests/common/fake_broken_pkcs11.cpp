// fake_crashing_pkcs11: a fake PKCS#11 module for what no real module does on
// demand, a vendor module that crashes or hangs. One slot with a token; its
// C_GetTokenInfo dereferences a bad pointer (SIGSEGV), or with
// FAKE_CRASHING_MODE=hang never returns. Loaded in process it takes the
// program with it; loaded through p11-kit's RPC (module isolation) only its
// child process dies. C_WaitForSlotEvent answers CKR_NO_EVENT with
// CKF_DONT_BLOCK and reports the slot after 100 ms without it, so a test can
// see both pass through the RPC.

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <p11-kit/pkcs11.h>
#include <thread>

namespace {

constexpr CK_SLOT_ID kSlot = 1;

void padded(unsigned char* field, size_t size, const char* text)
{
    std::memset(field, ' ', size);
    std::memcpy(field, text, std::min(size, std::strlen(text)));
}

CK_RV notSupported()
{
    return CKR_FUNCTION_NOT_SUPPORTED;
}

CK_RV initialize(void*)
{
    return CKR_OK;
}

CK_RV finalize(void*)
{
    return CKR_OK;
}

CK_RV getInfo(CK_INFO* info)
{
    std::memset(info, 0, sizeof *info);
    info->cryptokiVersion = {2, 40};
    padded(info->manufacturerID, sizeof info->manufacturerID, "TokenDesk fake");
    padded(info->libraryDescription, sizeof info->libraryDescription, "fake crashing module");
    info->libraryVersion = {1, 0};
    return CKR_OK;
}

CK_RV getSlotList(CK_BBOOL, CK_SLOT_ID* list, CK_ULONG* count)
{
    if (!list) {
        *count = 1;
        return CKR_OK;
    }
    if (*count < 1) {
        *count = 1;
        return CKR_BUFFER_TOO_SMALL;
    }
    list[0] = kSlot;
    *count = 1;
    return CKR_OK;
}

CK_RV getSlotInfo(CK_SLOT_ID slot, CK_SLOT_INFO* info)
{
    if (slot != kSlot) {
        return CKR_SLOT_ID_INVALID;
    }
    std::memset(info, 0, sizeof *info);
    padded(info->slotDescription, sizeof info->slotDescription, "Fake Crashing Reader");
    padded(info->manufacturerID, sizeof info->manufacturerID, "TokenDesk fake");
    info->flags = CKF_TOKEN_PRESENT | CKF_REMOVABLE_DEVICE | CKF_HW_SLOT;
    return CKR_OK;
}

// Where a buggy module would have a pointer; volatile, so the compiler keeps the bad access.
CK_TOKEN_INFO* volatile g_badPointer = nullptr;

CK_RV getTokenInfo(CK_SLOT_ID slot, CK_TOKEN_INFO* info)
{
    if (slot != kSlot || !info) {
        return CKR_SLOT_ID_INVALID;
    }
    if (const char* mode = std::getenv("FAKE_CRASHING_MODE"); mode && std::strcmp(mode, "hang") == 0) {
        for (;;) {
            std::this_thread::sleep_for(std::chrono::hours(1));
        }
    }
    std::memcpy(info, g_badPointer, sizeof *info);
    return CKR_OK;
}

CK_RV waitForSlotEvent(CK_FLAGS flags, CK_SLOT_ID* slot, void*)
{
    if (flags & CKF_DONT_BLOCK) {
        return CKR_NO_EVENT;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    *slot = kSlot;
    return CKR_OK;
}

CK_RV getFunctionList(CK_FUNCTION_LIST** list);

CK_FUNCTION_LIST functions = [] {
    CK_FUNCTION_LIST f{};
    // Every entry point this fake does not implement answers CKR_FUNCTION_NOT_SUPPORTED
    // (as in fake_pinpad_pkcs11: called through a pointer of another type, which the
    // x86-64 and AArch64 calling conventions allow for a function that reads no argument).
    using Generic = CK_RV (*)();
    Generic* first = reinterpret_cast<Generic*>(&f.C_Initialize);
    Generic* last = reinterpret_cast<Generic*>(&f.C_WaitForSlotEvent);
    for (Generic* p = first; p <= last; ++p) {
        *p = notSupported;
    }
    f.version.major = 2;
    f.version.minor = 40;
    f.C_Initialize = initialize;
    f.C_Finalize = finalize;
    f.C_GetInfo = getInfo;
    f.C_GetFunctionList = getFunctionList;
    f.C_GetSlotList = getSlotList;
    f.C_GetSlotInfo = getSlotInfo;
    f.C_GetTokenInfo = getTokenInfo;
    f.C_WaitForSlotEvent = waitForSlotEvent;
    return f;
}();

CK_RV getFunctionList(CK_FUNCTION_LIST** list)
{
    if (!list) {
        return CKR_ARGUMENTS_BAD;
    }
    *list = &functions;
    return CKR_OK;
}

} // namespace

extern "C" __attribute__((visibility("default"))) CK_RV C_GetFunctionList(CK_FUNCTION_LIST** list)
{
    return getFunctionList(list);
}
