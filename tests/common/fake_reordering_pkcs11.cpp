// fake_reordering_pkcs11: a fake PKCS#11 module whose two searches disagree, as a token
// another program changes between them would make them, which no real module does on demand.
// One slot, one token ("Fake Reordering"), read-only, no login:
//
//   search for CKA_CLASS = CKO_CERTIFICATE   c1 c2 c3 c4 c6
//   search for everything                    k1 c3 c1 c5 c2 c2 c4
//
// c5 appeared after the first search, c6 went before the second, c2 is listed twice and the
// certificates come in another order. A search for another class finds that class' objects of
// the second list. Each object's CKA_LABEL is its name; k1 is an EC private key with c2's CKA_ID.
//
// k1 is not private, and not sensitive while no one is logged in: its CKA_VALUE is given then, as
// a token gives such a key's to anyone. Logged in (C_Login with any PIN), a call that asks k1's
// CKA_VALUE fails with CKR_DEVICE_ERROR: a reader that asks a key for its value where private
// keys are found fails the test. fake_reordering_counts() tells the test how many searches and
// C_GetAttributeValue calls were made (dlsym on the loaded module).

#include "FakeModule.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace {

constexpr CK_SLOT_ID kSlot = 1;
constexpr CK_SESSION_HANDLE kSession = 9;
constexpr const char* kName = "Fake Reordering";

struct Object
{
    CK_OBJECT_HANDLE handle;
    const char* label;
    CK_OBJECT_CLASS objectClass;
    unsigned char id;
};

const Object kObjects[] = {
    {11, "c1", CKO_CERTIFICATE, 1}, {12, "c2", CKO_CERTIFICATE, 2}, {13, "c3", CKO_CERTIFICATE, 3},
    {14, "c4", CKO_CERTIFICATE, 4}, {15, "c5", CKO_CERTIFICATE, 5}, {16, "c6", CKO_CERTIFICATE, 6},
    {21, "k1", CKO_PRIVATE_KEY, 2},
};
const std::vector<CK_OBJECT_HANDLE> kCertificateSearch{11, 12, 13, 14, 16};
const std::vector<CK_OBJECT_HANDLE> kFullSearch{21, 13, 11, 15, 12, 12, 14};

std::vector<CK_OBJECT_HANDLE> g_found;
size_t g_next = 0;
bool g_loggedIn = false;
unsigned long g_searches = 0;
unsigned long g_reads = 0;

const Object* find(CK_OBJECT_HANDLE handle)
{
    for (const Object& o : kObjects) {
        if (o.handle == handle) {
            return &o;
        }
    }
    return nullptr;
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
    return fake::info(info, kName);
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
    fake::padded(info->slotDescription, sizeof info->slotDescription, kName);
    fake::padded(info->manufacturerID, sizeof info->manufacturerID, "TokenDesk fake");
    info->flags = CKF_TOKEN_PRESENT;
    return CKR_OK;
}

CK_RV getTokenInfo(CK_SLOT_ID slot, CK_TOKEN_INFO* info)
{
    if (slot != kSlot) {
        return CKR_SLOT_ID_INVALID;
    }
    std::memset(info, 0, sizeof *info);
    fake::padded(info->label, sizeof info->label, kName);
    fake::padded(info->manufacturerID, sizeof info->manufacturerID, "TokenDesk fake");
    fake::padded(info->model, sizeof info->model, "fake");
    fake::padded(info->serialNumber, sizeof info->serialNumber, "reorder1");
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
    if (slot != kSlot) {
        return CKR_SLOT_ID_INVALID;
    }
    *session = kSession;
    return CKR_OK;
}

CK_RV closeSession(CK_SESSION_HANDLE)
{
    return CKR_OK;
}

CK_RV getSessionInfo(CK_SESSION_HANDLE, CK_SESSION_INFO* info)
{
    std::memset(info, 0, sizeof *info);
    info->slotID = kSlot;
    info->state = g_loggedIn ? CKS_RO_USER_FUNCTIONS : CKS_RO_PUBLIC_SESSION;
    info->flags = CKF_SERIAL_SESSION;
    return CKR_OK;
}

CK_RV login(CK_SESSION_HANDLE, CK_USER_TYPE, CK_UTF8CHAR*, CK_ULONG)
{
    g_loggedIn = true;
    return CKR_OK;
}

CK_RV logout(CK_SESSION_HANDLE)
{
    g_loggedIn = false;
    return CKR_OK;
}

/// Only CKA_CLASS in a template counts (the reader under test sends nothing else here).
CK_RV findObjectsInit(CK_SESSION_HANDLE, CK_ATTRIBUTE* templ, CK_ULONG count)
{
    ++g_searches;
    g_found = kFullSearch;
    for (CK_ULONG i = 0; i < count; ++i) {
        if (templ[i].type != CKA_CLASS || templ[i].ulValueLen != sizeof(CK_OBJECT_CLASS)) {
            continue;
        }
        const CK_OBJECT_CLASS wanted = *static_cast<CK_OBJECT_CLASS*>(templ[i].pValue);
        if (wanted == CKO_CERTIFICATE) {
            g_found = kCertificateSearch;
        } else {
            std::vector<CK_OBJECT_HANDLE> of;
            for (const CK_OBJECT_HANDLE h : kFullSearch) {
                if (find(h)->objectClass == wanted && std::find(of.begin(), of.end(), h) == of.end()) {
                    of.push_back(h);
                }
            }
            g_found = of;
        }
    }
    g_next = 0;
    return CKR_OK;
}

CK_RV findObjects(CK_SESSION_HANDLE, CK_OBJECT_HANDLE* handles, CK_ULONG room, CK_ULONG* found)
{
    *found = 0;
    while (*found < room && g_next < g_found.size()) {
        handles[(*found)++] = g_found[g_next++];
    }
    return CKR_OK;
}

CK_RV findObjectsFinal(CK_SESSION_HANDLE)
{
    return CKR_OK;
}

bool attributeOf(const Object& o, CK_ATTRIBUTE_TYPE type, std::string& value)
{
    const auto raw = [&value](const auto& v) {
        value.assign(reinterpret_cast<const char*>(&v), sizeof v);
    };
    static const CK_BBOOL no = CK_FALSE;
    static const CK_BBOOL yes = CK_TRUE;
    static const CK_CERTIFICATE_TYPE x509 = CKC_X_509;
    static const CK_KEY_TYPE ec = CKK_EC;
    static const CK_ULONG category = 0; // unspecified
    const bool certificate = o.objectClass == CKO_CERTIFICATE;
    switch (type) {
    case CKA_CLASS:
        raw(o.objectClass);
        return true;
    case CKA_LABEL:
        value = o.label;
        return true;
    case CKA_ID:
        value.assign(1, static_cast<char>(o.id));
        return true;
    case CKA_PRIVATE:
    case CKA_MODIFIABLE:
        raw(no);
        return true;
    case CKA_CERTIFICATE_TYPE:
        raw(x509);
        return certificate;
    case CKA_TRUSTED:
        raw(no);
        return certificate;
    case CKA_CERTIFICATE_CATEGORY:
        raw(category);
        return certificate;
    case CKA_SUBJECT:
        value.clear(); // a certificate's every attribute TokenDesk reads, so one call reads it
        return certificate;
    case CKA_VALUE:
        value = certificate ? std::string("not a certificate: ") + o.label : std::string("k1's own value");
        return true;
    case CKA_KEY_TYPE:
        raw(ec);
        return !certificate;
    case CKA_SIGN:
        raw(yes);
        return !certificate;
    default:
        return false;
    }
}

CK_RV getAttributeValue(CK_SESSION_HANDLE, CK_OBJECT_HANDLE handle, CK_ATTRIBUTE* templ, CK_ULONG count)
{
    ++g_reads;
    const Object* o = find(handle);
    if (!o) {
        return CKR_OBJECT_HANDLE_INVALID;
    }
    for (CK_ULONG i = 0; i < count; ++i) {
        if (g_loggedIn && o->objectClass != CKO_CERTIFICATE && templ[i].type == CKA_VALUE) {
            return CKR_DEVICE_ERROR; // the tripwire: a key asked for its value where keys are private
        }
    }
    CK_RV rv = CKR_OK;
    for (CK_ULONG i = 0; i < count; ++i) {
        std::string value;
        if (!attributeOf(*o, templ[i].type, value)) {
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

CK_RV waitForSlotEvent(CK_FLAGS flags, CK_SLOT_ID*, void*)
{
    return (flags & CKF_DONT_BLOCK) ? CKR_NO_EVENT : CKR_FUNCTION_NOT_SUPPORTED;
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

/// Searches (C_FindObjectsInit) and C_GetAttributeValue calls since the module was loaded.
extern "C" __attribute__((visibility("default"))) void fake_reordering_counts(unsigned long* searches,
                                                                              unsigned long* reads)
{
    *searches = g_searches;
    *reads = g_reads;
}
