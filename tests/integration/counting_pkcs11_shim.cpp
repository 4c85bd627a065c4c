// counting_pkcs11_shim: LD_PRELOADed into tokendesk by tst_idle_calls, it counts every
// PKCS#11 call the program makes into every module, whichever loaded it. It stands between
// the program and p11-kit: p11_kit_modules_load() and p11_kit_module_load() are taken over,
// call p11-kit's own (dlsym RTLD_NEXT), and the function lists they return get, in place,
// wrappers that append one line to the file named by COUNTING_SHIM_LOG and forward the call
// to the function that was there. In place, so that p11-kit still knows the list by its
// address (p11_kit_module_get_name, p11_kit_module_release, ...).
//
// C_GetFunctionStatus and C_CancelFunction (legacy, they only return
// CKR_FUNCTION_NOT_PARALLEL) stay as they are: p11-kit tells its managed lists by them.
//
// It also passes SCardTransmit on with a receive PCI where the program gives none (null is
// valid PC/SC, and TokenDesk's CardChannel passes it): pcsc-lite 1.9.9's spy library, which
// tst_idle_calls puts behind it, reads that pointer without a check and crashes.
//
// Log lines: "load INDEX NAME" once per module, "call INDEX FUNCTION" per call, each
// written with one write() to a file opened O_APPEND (threads do not interleave lines).
// p11-kit's "log-calls" option would do this, but p11-kit ignores the user's config for a
// program running as root, as tests here may.

#include <array>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <fcntl.h>
#include <mutex>
#include <p11-kit/p11-kit.h>
#include <p11-kit/pkcs11.h>
#include <unistd.h>
#include <utility>
#include <winscard.h>

#define SHIM_FUNCTIONS(X)                                                                                              \
    X(C_Initialize)                                                                                                    \
    X(C_Finalize)                                                                                                      \
    X(C_GetInfo)                                                                                                       \
    X(C_GetFunctionList)                                                                                               \
    X(C_GetSlotList)                                                                                                   \
    X(C_GetSlotInfo)                                                                                                   \
    X(C_GetTokenInfo)                                                                                                  \
    X(C_GetMechanismList)                                                                                              \
    X(C_GetMechanismInfo)                                                                                              \
    X(C_InitToken)                                                                                                     \
    X(C_InitPIN)                                                                                                       \
    X(C_SetPIN)                                                                                                        \
    X(C_OpenSession)                                                                                                   \
    X(C_CloseSession)                                                                                                  \
    X(C_CloseAllSessions)                                                                                              \
    X(C_GetSessionInfo)                                                                                                \
    X(C_GetOperationState)                                                                                             \
    X(C_SetOperationState)                                                                                             \
    X(C_Login)                                                                                                         \
    X(C_Logout)                                                                                                        \
    X(C_CreateObject)                                                                                                  \
    X(C_CopyObject)                                                                                                    \
    X(C_DestroyObject)                                                                                                 \
    X(C_GetObjectSize)                                                                                                 \
    X(C_GetAttributeValue)                                                                                             \
    X(C_SetAttributeValue)                                                                                             \
    X(C_FindObjectsInit)                                                                                               \
    X(C_FindObjects)                                                                                                   \
    X(C_FindObjectsFinal)                                                                                              \
    X(C_EncryptInit)                                                                                                   \
    X(C_Encrypt)                                                                                                       \
    X(C_EncryptUpdate)                                                                                                 \
    X(C_EncryptFinal)                                                                                                  \
    X(C_DecryptInit)                                                                                                   \
    X(C_Decrypt)                                                                                                       \
    X(C_DecryptUpdate)                                                                                                 \
    X(C_DecryptFinal)                                                                                                  \
    X(C_DigestInit)                                                                                                    \
    X(C_Digest)                                                                                                        \
    X(C_DigestUpdate)                                                                                                  \
    X(C_DigestKey)                                                                                                     \
    X(C_DigestFinal)                                                                                                   \
    X(C_SignInit)                                                                                                      \
    X(C_Sign)                                                                                                          \
    X(C_SignUpdate)                                                                                                    \
    X(C_SignFinal)                                                                                                     \
    X(C_SignRecoverInit)                                                                                               \
    X(C_SignRecover)                                                                                                   \
    X(C_VerifyInit)                                                                                                    \
    X(C_Verify)                                                                                                        \
    X(C_VerifyUpdate)                                                                                                  \
    X(C_VerifyFinal)                                                                                                   \
    X(C_VerifyRecoverInit)                                                                                             \
    X(C_VerifyRecover)                                                                                                 \
    X(C_DigestEncryptUpdate)                                                                                           \
    X(C_DecryptDigestUpdate)                                                                                           \
    X(C_SignEncryptUpdate)                                                                                             \
    X(C_DecryptVerifyUpdate)                                                                                           \
    X(C_GenerateKey)                                                                                                   \
    X(C_GenerateKeyPair)                                                                                               \
    X(C_WrapKey)                                                                                                       \
    X(C_UnwrapKey)                                                                                                     \
    X(C_DeriveKey)                                                                                                     \
    X(C_SeedRandom)                                                                                                    \
    X(C_GenerateRandom)                                                                                                \
    X(C_WaitForSlotEvent)

namespace {

constexpr std::size_t kMaxModules = 12;

// The functions that were in each wrapped list before the wrappers replaced them.
std::array<CK_FUNCTION_LIST, kMaxModules> g_real{};
std::array<CK_FUNCTION_LIST*, kMaxModules> g_lists{};
std::size_t g_modules = 0;
std::mutex g_mutex;

void logLine(const char* text)
{
    static const int fd = [] {
        const char* path = std::getenv("COUNTING_SHIM_LOG");
        return path ? ::open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600) : -1;
    }();
    if (fd < 0) {
        return;
    }
    char line[512];
    const int n = std::snprintf(line, sizeof line, "%s\n", text);
    if (n > 0) {
        [[maybe_unused]] const ssize_t written = ::write(fd, line, static_cast<std::size_t>(n));
    }
}

#define SHIM_NAME(name) constexpr char k_##name[] = #name;
SHIM_FUNCTIONS(SHIM_NAME)
#undef SHIM_NAME

template<typename F> struct Forward;

template<typename... Args> struct Forward<CK_RV (*)(Args...)>
{
    template<std::size_t M, auto Member, const char* Name> static CK_RV call(Args... args)
    {
        char text[128];
        std::snprintf(text, sizeof text, "call %zu %s", M, Name);
        logLine(text);
        return (g_real[M].*Member)(args...);
    }
};

template<std::size_t M> void wrap(CK_FUNCTION_LIST* list)
{
    g_real[M] = *list;
#define SHIM_WRAP(name)                                                                                                \
    if (list->name) {                                                                                                  \
        list->name = &Forward<decltype(CK_FUNCTION_LIST::name)>::template call<M, &CK_FUNCTION_LIST::name, k_##name>;  \
    }
    SHIM_FUNCTIONS(SHIM_WRAP)
#undef SHIM_WRAP
}

template<std::size_t... M> constexpr auto wrappers(std::index_sequence<M...>)
{
    return std::array<void (*)(CK_FUNCTION_LIST*), sizeof...(M)>{&wrap<M>...};
}

void wrapOne(CK_FUNCTION_LIST* list)
{
    static constexpr auto table = wrappers(std::make_index_sequence<kMaxModules>());
    std::lock_guard lock(g_mutex);
    for (std::size_t m = 0; m < g_modules; ++m) {
        if (g_lists[m] == list) {
            if (list->C_GetSlotList != g_real[m].C_GetSlotList) {
                return; // a list handed out again, our wrappers still in it
            }
            table[m](list); // a new list at a freed one's address
            return;
        }
    }
    if (g_modules == kMaxModules) {
        logLine("error too many modules to count");
        return;
    }
    const std::size_t index = g_modules++;
    g_lists[index] = list;
    char* name = p11_kit_module_get_name(list);
    char* file = p11_kit_module_get_filename(list);
    char text[400];
    std::snprintf(text, sizeof text, "load %zu %s %s", index, name ? name : "-", file ? file : "-");
    std::free(name);
    std::free(file);
    logLine(text);
    table[index](list);
}

template<typename F> F real(const char* symbol)
{
    return reinterpret_cast<F>(::dlsym(RTLD_NEXT, symbol));
}

} // namespace

extern "C" {

__attribute__((visibility("default"))) CK_FUNCTION_LIST** p11_kit_modules_load(const char* reserved, int flags)
{
    static const auto next = real<CK_FUNCTION_LIST** (*)(const char*, int)>("p11_kit_modules_load");
    CK_FUNCTION_LIST** list = next ? next(reserved, flags) : nullptr;
    for (CK_FUNCTION_LIST** it = list; it && *it; ++it) {
        wrapOne(*it);
    }
    return list;
}

__attribute__((visibility("default"))) LONG SCardTransmit(SCARDHANDLE card, const SCARD_IO_REQUEST* sendPci,
                                                          LPCBYTE send, DWORD sendLength, SCARD_IO_REQUEST* recvPci,
                                                          LPBYTE recv, LPDWORD recvLength)
{
    using Transmit = LONG (*)(SCARDHANDLE, const SCARD_IO_REQUEST*, LPCBYTE, DWORD, SCARD_IO_REQUEST*, LPBYTE, LPDWORD);
    static const auto next = real<Transmit>("SCardTransmit");
    if (!next) {
        return SCARD_F_INTERNAL_ERROR;
    }
    SCARD_IO_REQUEST ignored{sendPci ? sendPci->dwProtocol : SCARD_PROTOCOL_UNDEFINED, sizeof(SCARD_IO_REQUEST)};
    return next(card, sendPci, send, sendLength, recvPci ? recvPci : &ignored, recv, recvLength);
}

__attribute__((visibility("default"))) CK_FUNCTION_LIST* p11_kit_module_load(const char* module_path, int flags)
{
    static const auto next = real<CK_FUNCTION_LIST* (*)(const char*, int)>("p11_kit_module_load");
    CK_FUNCTION_LIST* list = next ? next(module_path, flags) : nullptr;
    if (list) {
        wrapOne(list);
    }
    return list;
}
}
