// fake_pinpad_pkcs11: a fake PKCS#11 module for what cannot run here, a token
// behind a PIN pad reader (CKF_PROTECTED_AUTHENTICATION_PATH). No pinpad can
// be simulated with vpcd, so this module stands in for the reader: it accepts
// C_Login, C_SetPIN and C_InitPIN only without a PIN (the reader asks for it)
// and refuses a PIN passed by the program. Every such call is appended as a
// line to the file named by FAKE_PINPAD_LOG, so a test can prove that no PIN
// came from the program and that the reader was asked exactly when expected.

#include "FakeModule.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <p11-kit/pkcs11.h>

namespace {

constexpr CK_SLOT_ID kSlot = 1;
constexpr CK_SESSION_HANDLE kSession = 7;
bool g_initialized = false;
bool g_sessionOpen = false;
CK_USER_TYPE g_loggedIn = CK_UNAVAILABLE_INFORMATION;

void logLine(const char* line)
{
    const char* path = std::getenv("FAKE_PINPAD_LOG");
    if (!path) {
        return;
    }
    if (FILE* f = std::fopen(path, "a")) {
        std::fprintf(f, "%s\n", line);
        std::fclose(f);
    }
}

CK_RV notSupported()
{
    return CKR_FUNCTION_NOT_SUPPORTED;
}

CK_RV initialize(void*)
{
    if (g_initialized) {
        return CKR_CRYPTOKI_ALREADY_INITIALIZED;
    }
    g_initialized = true;
    return CKR_OK;
}

CK_RV finalize(void*)
{
    g_initialized = false;
    g_sessionOpen = false;
    return CKR_OK;
}

CK_RV getInfo(CK_INFO* info)
{
    return fake::info(info, "fake pinpad module");
}

CK_RV getSlotList(CK_BBOOL, CK_SLOT_ID* list, CK_ULONG* count)
{
    return fake::oneSlotList(kSlot, list, count);
}

CK_RV getSlotInfo(CK_SLOT_ID slot, CK_SLOT_INFO* info)
{
    if (slot != kSlot) {
        return CKR_SLOT_ID_INVALID;
    }
    std::memset(info, 0, sizeof *info);
    fake::padded(info->slotDescription, sizeof info->slotDescription, "Fake Pinpad Reader");
    fake::padded(info->manufacturerID, sizeof info->manufacturerID, "TokenDesk fake");
    info->flags = CKF_TOKEN_PRESENT | CKF_REMOVABLE_DEVICE | CKF_HW_SLOT;
    return CKR_OK;
}

CK_RV getTokenInfo(CK_SLOT_ID slot, CK_TOKEN_INFO* info)
{
    if (slot != kSlot) {
        return CKR_SLOT_ID_INVALID;
    }
    std::memset(info, 0, sizeof *info);
    fake::padded(info->label, sizeof info->label, "Fake Pinpad Token");
    fake::padded(info->manufacturerID, sizeof info->manufacturerID, "TokenDesk fake");
    fake::padded(info->model, sizeof info->model, "pinpad");
    fake::padded(info->serialNumber, sizeof info->serialNumber, "PINPAD0001");
    info->flags =
        CKF_PROTECTED_AUTHENTICATION_PATH | CKF_LOGIN_REQUIRED | CKF_USER_PIN_INITIALIZED | CKF_TOKEN_INITIALIZED;
    // FAKE_PINPAD_FINAL_TRY=1: the user PIN has one try left.
    if (const char* finalTry = std::getenv("FAKE_PINPAD_FINAL_TRY"); finalTry && finalTry[0] == '1') {
        info->flags |= CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY;
    }
    info->ulMaxSessionCount = CK_EFFECTIVELY_INFINITE;
    info->ulMaxRwSessionCount = CK_EFFECTIVELY_INFINITE;
    info->ulMinPinLen = 6;
    info->ulMaxPinLen = 8;
    info->ulTotalPublicMemory = CK_UNAVAILABLE_INFORMATION;
    info->ulFreePublicMemory = CK_UNAVAILABLE_INFORMATION;
    info->ulTotalPrivateMemory = CK_UNAVAILABLE_INFORMATION;
    info->ulFreePrivateMemory = CK_UNAVAILABLE_INFORMATION;
    return CKR_OK;
}

CK_RV openSession(CK_SLOT_ID slot, CK_FLAGS, void*, CK_NOTIFY, CK_SESSION_HANDLE* session)
{
    if (slot != kSlot) {
        return CKR_SLOT_ID_INVALID;
    }
    g_sessionOpen = true;
    *session = kSession;
    return CKR_OK;
}

CK_RV closeSession(CK_SESSION_HANDLE)
{
    g_sessionOpen = false;
    g_loggedIn = CK_UNAVAILABLE_INFORMATION;
    return CKR_OK;
}

CK_RV getSessionInfo(CK_SESSION_HANDLE, CK_SESSION_INFO* info)
{
    std::memset(info, 0, sizeof *info);
    info->slotID = kSlot;
    info->flags = CKF_SERIAL_SESSION | CKF_RW_SESSION;
    return CKR_OK;
}

CK_RV login(CK_SESSION_HANDLE, CK_USER_TYPE user, CK_UTF8CHAR* pin, CK_ULONG length)
{
    if (pin || length) {
        logLine("refused: a PIN came from the program");
        return CKR_ARGUMENTS_BAD;
    }
    logLine(user == CKU_SO ? "login on the reader: so" : "login on the reader: user");
    g_loggedIn = user;
    return CKR_OK;
}

CK_RV logout(CK_SESSION_HANDLE)
{
    g_loggedIn = CK_UNAVAILABLE_INFORMATION;
    return CKR_OK;
}

CK_RV setPin(CK_SESSION_HANDLE, CK_UTF8CHAR* oldPin, CK_ULONG oldLength, CK_UTF8CHAR* newPin, CK_ULONG newLength)
{
    if (oldPin || oldLength || newPin || newLength) {
        logLine("refused: a PIN came from the program");
        return CKR_ARGUMENTS_BAD;
    }
    logLine(g_loggedIn == CKU_SO ? "set pin on the reader: so" : "set pin on the reader: user");
    return CKR_OK;
}

CK_RV initPin(CK_SESSION_HANDLE, CK_UTF8CHAR* pin, CK_ULONG length)
{
    if (pin || length) {
        logLine("refused: a PIN came from the program");
        return CKR_ARGUMENTS_BAD;
    }
    if (g_loggedIn != CKU_SO) {
        return CKR_USER_NOT_LOGGED_IN;
    }
    logLine("init pin on the reader");
    return CKR_OK;
}

CK_RV findObjectsInit(CK_SESSION_HANDLE, CK_ATTRIBUTE*, CK_ULONG)
{
    return CKR_OK;
}

CK_RV findObjects(CK_SESSION_HANDLE, CK_OBJECT_HANDLE*, CK_ULONG, CK_ULONG* found)
{
    *found = 0;
    return CKR_OK;
}

CK_RV findObjectsFinal(CK_SESSION_HANDLE)
{
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
    f.C_Login = login;
    f.C_Logout = logout;
    f.C_SetPIN = setPin;
    f.C_InitPIN = initPin;
    f.C_FindObjectsInit = findObjectsInit;
    f.C_FindObjects = findObjects;
    f.C_FindObjectsFinal = findObjectsFinal;
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
