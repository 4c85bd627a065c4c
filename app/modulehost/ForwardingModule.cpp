#include "ForwardingModule.h"

#include "backend/pkcs11/ModuleLocks.h"

#include <atomic>
#include <type_traits>
#include <utility>

namespace tokendesk::host {

namespace {

CK_FUNCTION_LIST* s_module = nullptr;
CK_FUNCTION_LIST s_forwarding{};
std::timed_mutex s_callLock;
std::atomic<bool> s_initialized{false};

/// One forwarded call: the module's function `Member`, same arguments, same result.
template<auto Member, typename Function = std::remove_reference_t<decltype(std::declval<CK_FUNCTION_LIST&>().*Member)>>
struct Forward;

template<auto Member, typename... Args> struct Forward<Member, CK_RV (*)(Args...)>
{
    static CK_RV call(Args... args)
    {
        const std::lock_guard<std::timed_mutex> lock(s_callLock);
        const ModuleLocks::CallScope scope;
        return (s_module->*Member)(std::forward<Args>(args)...);
    }
};

CK_RV initialize(CK_VOID_PTR initArgs)
{
    // The module gets ModuleLocks' mutexes whatever the client sent (p11-kit's server sends
    // CKF_OS_LOCKING_OK); pReserved (NSS's library parameters) is passed on.
    CK_C_INITIALIZE_ARGS args{};
    args.flags = CKF_OS_LOCKING_OK;
    ModuleLocks::fill(args);
    if (initArgs) {
        args.pReserved = static_cast<CK_C_INITIALIZE_ARGS*>(initArgs)->pReserved;
    }
    const std::lock_guard<std::timed_mutex> lock(s_callLock);
    const ModuleLocks::CallScope scope;
    const CK_RV rv = s_module->C_Initialize(&args);
    if (rv == CKR_OK) {
        s_initialized = true;
    }
    return rv;
}

CK_RV finalizeCall(CK_VOID_PTR reserved)
{
    const std::lock_guard<std::timed_mutex> lock(s_callLock);
    const ModuleLocks::CallScope scope;
    const CK_RV rv = s_module->C_Finalize(reserved);
    if (rv == CKR_OK) {
        s_initialized = false;
    }
    return rv;
}

CK_RV getFunctionList(CK_FUNCTION_LIST_PTR_PTR list)
{
    if (!list) {
        return CKR_ARGUMENTS_BAD;
    }
    *list = &s_forwarding;
    return CKR_OK;
}

} // namespace

// A function the module lacks stays null: p11-kit's server answers CKR_GENERAL_ERROR for it.
#define TOKENDESK_FORWARD(name) s_forwarding.name = s_module->name ? &Forward<&CK_FUNCTION_LIST::name>::call : nullptr;

CK_FUNCTION_LIST* ForwardingModule::wrap(CK_FUNCTION_LIST* module)
{
    s_module = module;
    s_forwarding.version = module->version;
    s_forwarding.C_Initialize = initialize;
    s_forwarding.C_Finalize = finalizeCall;
    s_forwarding.C_GetFunctionList = getFunctionList;
    TOKENDESK_FORWARD(C_GetInfo)
    TOKENDESK_FORWARD(C_GetSlotList)
    TOKENDESK_FORWARD(C_GetSlotInfo)
    TOKENDESK_FORWARD(C_GetTokenInfo)
    TOKENDESK_FORWARD(C_GetMechanismList)
    TOKENDESK_FORWARD(C_GetMechanismInfo)
    TOKENDESK_FORWARD(C_InitToken)
    TOKENDESK_FORWARD(C_InitPIN)
    TOKENDESK_FORWARD(C_SetPIN)
    TOKENDESK_FORWARD(C_OpenSession)
    TOKENDESK_FORWARD(C_CloseSession)
    TOKENDESK_FORWARD(C_CloseAllSessions)
    TOKENDESK_FORWARD(C_GetSessionInfo)
    TOKENDESK_FORWARD(C_GetOperationState)
    TOKENDESK_FORWARD(C_SetOperationState)
    TOKENDESK_FORWARD(C_Login)
    TOKENDESK_FORWARD(C_Logout)
    TOKENDESK_FORWARD(C_CreateObject)
    TOKENDESK_FORWARD(C_CopyObject)
    TOKENDESK_FORWARD(C_DestroyObject)
    TOKENDESK_FORWARD(C_GetObjectSize)
    TOKENDESK_FORWARD(C_GetAttributeValue)
    TOKENDESK_FORWARD(C_SetAttributeValue)
    TOKENDESK_FORWARD(C_FindObjectsInit)
    TOKENDESK_FORWARD(C_FindObjects)
    TOKENDESK_FORWARD(C_FindObjectsFinal)
    TOKENDESK_FORWARD(C_EncryptInit)
    TOKENDESK_FORWARD(C_Encrypt)
    TOKENDESK_FORWARD(C_EncryptUpdate)
    TOKENDESK_FORWARD(C_EncryptFinal)
    TOKENDESK_FORWARD(C_DecryptInit)
    TOKENDESK_FORWARD(C_Decrypt)
    TOKENDESK_FORWARD(C_DecryptUpdate)
    TOKENDESK_FORWARD(C_DecryptFinal)
    TOKENDESK_FORWARD(C_DigestInit)
    TOKENDESK_FORWARD(C_Digest)
    TOKENDESK_FORWARD(C_DigestUpdate)
    TOKENDESK_FORWARD(C_DigestKey)
    TOKENDESK_FORWARD(C_DigestFinal)
    TOKENDESK_FORWARD(C_SignInit)
    TOKENDESK_FORWARD(C_Sign)
    TOKENDESK_FORWARD(C_SignUpdate)
    TOKENDESK_FORWARD(C_SignFinal)
    TOKENDESK_FORWARD(C_SignRecoverInit)
    TOKENDESK_FORWARD(C_SignRecover)
    TOKENDESK_FORWARD(C_VerifyInit)
    TOKENDESK_FORWARD(C_Verify)
    TOKENDESK_FORWARD(C_VerifyUpdate)
    TOKENDESK_FORWARD(C_VerifyFinal)
    TOKENDESK_FORWARD(C_VerifyRecoverInit)
    TOKENDESK_FORWARD(C_VerifyRecover)
    TOKENDESK_FORWARD(C_DigestEncryptUpdate)
    TOKENDESK_FORWARD(C_DecryptDigestUpdate)
    TOKENDESK_FORWARD(C_SignEncryptUpdate)
    TOKENDESK_FORWARD(C_DecryptVerifyUpdate)
    TOKENDESK_FORWARD(C_GenerateKey)
    TOKENDESK_FORWARD(C_GenerateKeyPair)
    TOKENDESK_FORWARD(C_WrapKey)
    TOKENDESK_FORWARD(C_UnwrapKey)
    TOKENDESK_FORWARD(C_DeriveKey)
    TOKENDESK_FORWARD(C_SeedRandom)
    TOKENDESK_FORWARD(C_GenerateRandom)
    TOKENDESK_FORWARD(C_GetFunctionStatus)
    TOKENDESK_FORWARD(C_CancelFunction)
    TOKENDESK_FORWARD(C_WaitForSlotEvent)
    return &s_forwarding;
}

#undef TOKENDESK_FORWARD

std::timed_mutex& ForwardingModule::callLock()
{
    return s_callLock;
}

bool ForwardingModule::initialized()
{
    return s_initialized;
}

void ForwardingModule::finalize()
{
    if (s_initialized.exchange(false)) {
        const ModuleLocks::CallScope scope;
        s_module->C_Finalize(nullptr);
    }
}

} // namespace tokendesk::host
