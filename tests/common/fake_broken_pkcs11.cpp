// fake_broken_pkcs11: fake PKCS#11 modules for what no real module does on demand, a vendor
// module that crashes, aborts or hangs. One source, built once per way of breaking
// (FAKE_BREAK, tests/common/CMakeLists.txt):
//
//   fake_crashing_pkcs11   C_GetTokenInfo dereferences a null pointer (SIGSEGV); with
//                          FAKE_CRASHING_MODE=hang in its environment it never returns instead
//   fake_aborting_pkcs11   C_Initialize calls abort() (SIGABRT)
//   fake_hanging_pkcs11    C_FindObjects never returns
//   fake_crash100_pkcs11   the 100th call into the module, whichever it is, segfaults
//
// Each has one slot with a token holding kObjects data objects (reading them takes more than
// 100 calls), and a slot description naming the build. Loaded in process a fake takes the
// program with it; loaded through p11-kit's RPC (module isolation) only its child process dies.
// C_WaitForSlotEvent answers CKR_NO_EVENT with CKF_DONT_BLOCK and reports the slot after
// 100 ms without it, so a test can see both pass through the RPC.

#include "FakeModule.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <p11-kit/pkcs11.h>
#include <string>
#include <thread>

#define FAKE_SEGV_IN_GET_TOKEN_INFO 1
#define FAKE_ABORT_IN_INITIALIZE 2
#define FAKE_HANG_IN_FIND_OBJECTS 3
#define FAKE_SEGV_ON_100TH_CALL 4

#ifndef FAKE_BREAK
#error "FAKE_BREAK names how this fake breaks"
#endif

namespace {

constexpr CK_SLOT_ID kSlot = 1;
constexpr CK_SESSION_HANDLE kSession = 7;
constexpr CK_ULONG kObjects = 80;

#if FAKE_BREAK == FAKE_SEGV_IN_GET_TOKEN_INFO
constexpr const char* kName = "Fake Crashing Reader";
#elif FAKE_BREAK == FAKE_ABORT_IN_INITIALIZE
constexpr const char* kName = "Fake Aborting Reader";
#elif FAKE_BREAK == FAKE_HANG_IN_FIND_OBJECTS
constexpr const char* kName = "Fake Hanging Reader";
#else
constexpr const char* kName = "Fake Crash100 Reader";
#endif

std::atomic<unsigned> g_calls{0};
std::atomic<bool> g_searching{false};
std::atomic<CK_ULONG> g_nextObject{0};

// Where a buggy module would have a pointer; volatile, so the compiler keeps the bad access.
CK_TOKEN_INFO* volatile g_badPointer = nullptr;

[[noreturn]] void crash()
{
    CK_TOKEN_INFO info;
    std::memcpy(&info, g_badPointer, sizeof info);
    std::abort(); // not reached
}

[[noreturn]] void hang()
{
    for (;;) {
        std::this_thread::sleep_for(std::chrono::hours(1));
    }
}

/// Every entry point starts here: the 100th call of fake_crash100_pkcs11 crashes.
void called()
{
    const unsigned n = ++g_calls;
    if (FAKE_BREAK == FAKE_SEGV_ON_100TH_CALL && n == 100) {
        crash();
    }
}

CK_RV notSupported()
{
    called();
    return CKR_FUNCTION_NOT_SUPPORTED;
}

CK_RV initialize(void*)
{
    called();
    if (FAKE_BREAK == FAKE_ABORT_IN_INITIALIZE) {
        std::abort();
    }
    return CKR_OK;
}

CK_RV finalize(void*)
{
    called();
    return CKR_OK;
}

CK_RV getInfo(CK_INFO* info)
{
    called();
    return fake::info(info, kName);
}

CK_RV getSlotList(CK_BBOOL, CK_SLOT_ID* list, CK_ULONG* count)
{
    called();
    return fake::oneSlotList(kSlot, list, count);
}

CK_RV getSlotInfo(CK_SLOT_ID slot, CK_SLOT_INFO* info)
{
    called();
    if (slot != kSlot) {
        return CKR_SLOT_ID_INVALID;
    }
    std::memset(info, 0, sizeof *info);
    fake::padded(info->slotDescription, sizeof info->slotDescription, kName);
    fake::padded(info->manufacturerID, sizeof info->manufacturerID, "TokenDesk fake");
    info->flags = CKF_TOKEN_PRESENT | CKF_REMOVABLE_DEVICE | CKF_HW_SLOT;
    return CKR_OK;
}

CK_RV getTokenInfo(CK_SLOT_ID slot, CK_TOKEN_INFO* info)
{
    called();
    if (slot != kSlot || !info) {
        return CKR_SLOT_ID_INVALID;
    }
    if (FAKE_BREAK == FAKE_SEGV_IN_GET_TOKEN_INFO) {
        if (const char* mode = std::getenv("FAKE_CRASHING_MODE"); mode && std::strcmp(mode, "hang") == 0) {
            hang();
        }
        crash();
    }
    std::memset(info, 0, sizeof *info);
    fake::padded(info->label, sizeof info->label, kName);
    fake::padded(info->manufacturerID, sizeof info->manufacturerID, "TokenDesk fake");
    fake::padded(info->model, sizeof info->model, "fake");
    fake::padded(info->serialNumber, sizeof info->serialNumber, "fake0001");
    info->flags = CKF_TOKEN_INITIALIZED | CKF_WRITE_PROTECTED;
    info->ulMaxSessionCount = CK_EFFECTIVELY_INFINITE;
    info->ulMaxRwSessionCount = CK_EFFECTIVELY_INFINITE;
    info->ulTotalPublicMemory = CK_UNAVAILABLE_INFORMATION;
    info->ulFreePublicMemory = CK_UNAVAILABLE_INFORMATION;
    info->ulTotalPrivateMemory = CK_UNAVAILABLE_INFORMATION;
    info->ulFreePrivateMemory = CK_UNAVAILABLE_INFORMATION;
    info->hardwareVersion = {1, 0};
    info->firmwareVersion = {1, 0};
    return CKR_OK;
}

CK_RV openSession(CK_SLOT_ID slot, CK_FLAGS, void*, CK_NOTIFY, CK_SESSION_HANDLE* session)
{
    called();
    if (slot != kSlot) {
        return CKR_SLOT_ID_INVALID;
    }
    *session = kSession;
    return CKR_OK;
}

CK_RV closeSession(CK_SESSION_HANDLE)
{
    called();
    return CKR_OK;
}

CK_RV getSessionInfo(CK_SESSION_HANDLE, CK_SESSION_INFO* info)
{
    called();
    std::memset(info, 0, sizeof *info);
    info->slotID = kSlot;
    info->state = CKS_RO_PUBLIC_SESSION;
    info->flags = CKF_SERIAL_SESSION;
    return CKR_OK;
}

/// The search finds the data objects, for a template without CKA_CLASS or with CKO_DATA.
CK_RV findObjectsInit(CK_SESSION_HANDLE, CK_ATTRIBUTE* templ, CK_ULONG count)
{
    called();
    CK_ULONG first = 0;
    for (CK_ULONG i = 0; i < count; ++i) {
        if (templ[i].type == CKA_CLASS && templ[i].ulValueLen == sizeof(CK_OBJECT_CLASS) &&
            *static_cast<CK_OBJECT_CLASS*>(templ[i].pValue) != CKO_DATA) {
            first = kObjects; // finds nothing
        }
    }
    g_nextObject = first;
    g_searching = true;
    return CKR_OK;
}

CK_RV findObjects(CK_SESSION_HANDLE, CK_OBJECT_HANDLE* handles, CK_ULONG room, CK_ULONG* found)
{
    called();
    if (FAKE_BREAK == FAKE_HANG_IN_FIND_OBJECTS) {
        hang();
    }
    *found = 0;
    while (*found < room && g_nextObject < kObjects) {
        handles[(*found)++] = 100 + g_nextObject++;
    }
    return CKR_OK;
}

CK_RV findObjectsFinal(CK_SESSION_HANDLE)
{
    called();
    g_searching = false;
    return CKR_OK;
}

/// One attribute of a data object: its bytes, or false when it has none.
bool attributeOf(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type, std::string& value)
{
    static const CK_OBJECT_CLASS dataClass = CKO_DATA;
    static const CK_BBOOL no = CK_FALSE;
    switch (type) {
    case CKA_CLASS:
        value.assign(reinterpret_cast<const char*>(&dataClass), sizeof dataClass);
        return true;
    case CKA_LABEL:
        value = "fake data " + std::to_string(object - 100);
        return true;
    case CKA_APPLICATION:
        value = "TokenDesk fake";
        return true;
    case CKA_ID:
        value = std::to_string(object);
        return true;
    case CKA_PRIVATE:
    case CKA_MODIFIABLE:
        value.assign(reinterpret_cast<const char*>(&no), sizeof no);
        return true;
    default:
        return false;
    }
}

CK_RV getAttributeValue(CK_SESSION_HANDLE, CK_OBJECT_HANDLE object, CK_ATTRIBUTE* templ, CK_ULONG count)
{
    called();
    if (object < 100 || object >= 100 + kObjects) {
        return CKR_OBJECT_HANDLE_INVALID;
    }
    CK_RV rv = CKR_OK;
    for (CK_ULONG i = 0; i < count; ++i) {
        std::string value;
        if (!attributeOf(object, templ[i].type, value)) {
            templ[i].ulValueLen = CK_UNAVAILABLE_INFORMATION;
            rv = CKR_ATTRIBUTE_TYPE_INVALID;
        } else if (!templ[i].pValue) {
            templ[i].ulValueLen = value.size();
        } else if (templ[i].ulValueLen < value.size()) {
            templ[i].ulValueLen = CK_UNAVAILABLE_INFORMATION;
            rv = CKR_BUFFER_TOO_SMALL;
        } else {
            std::memcpy(templ[i].pValue, value.data(), value.size());
            templ[i].ulValueLen = value.size();
        }
    }
    return rv;
}

CK_RV waitForSlotEvent(CK_FLAGS flags, CK_SLOT_ID* slot, void*)
{
    called();
    if (flags & CKF_DONT_BLOCK) {
        return CKR_NO_EVENT;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    *slot = kSlot;
    return CKR_OK;
}

CK_RV getFunctionList(CK_FUNCTION_LIST** list);

CK_FUNCTION_LIST functions = [] {
    // Every entry point this fake does not implement answers CKR_FUNCTION_NOT_SUPPORTED.
    CK_FUNCTION_LIST f = fake::unsupportedFunctions(notSupported);
    f.C_Initialize = initialize;
    f.C_Finalize = finalize;
    f.C_GetInfo = getInfo;
    f.C_GetFunctionList = getFunctionList;
    f.C_GetSlotList = getSlotList;
    f.C_GetSlotInfo = getSlotInfo;
    f.C_GetTokenInfo = getTokenInfo;
    f.C_OpenSession = openSession;
    f.C_CloseSession = closeSession;
    f.C_GetSessionInfo = getSessionInfo;
    f.C_FindObjectsInit = findObjectsInit;
    f.C_FindObjects = findObjects;
    f.C_FindObjectsFinal = findObjectsFinal;
    f.C_GetAttributeValue = getAttributeValue;
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
