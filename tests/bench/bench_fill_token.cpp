// Writes many certificates to a PKCS#11 token in one session, for the report benchmark:
// pkcs11-tool needs ~175 ms a certificate against SoftHSM (load, login, write), 3 minutes for
// 1,000; this needs a second. Usage:
//   TD_PIN=... bench_fill_token MODULE TOKEN_LABEL CERT.der...
// Each certificate gets CKA_ID = its index (2 bytes), CKA_LABEL = its file name without folder.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <fstream>
#include <iterator>
#include <openssl/x509.h>
#include <p11-kit/pkcs11.h>
#include <string>
#include <vector>

namespace {
int fail(const char* what, CK_RV rv)
{
    std::fprintf(stderr, "bench_fill_token: %s failed: 0x%lx\n", what, static_cast<unsigned long>(rv));
    return 1;
}
} // namespace

int main(int argc, char** argv)
{
    if (argc < 4 || !std::getenv("TD_PIN")) {
        std::fprintf(stderr, "usage: TD_PIN=... %s MODULE TOKEN_LABEL CERT.der...\n", argv[0]);
        return 2;
    }
    void* lib = dlopen(argv[1], RTLD_NOW);
    if (!lib) {
        std::fprintf(stderr, "bench_fill_token: %s\n", dlerror());
        return 1;
    }
    auto getList = reinterpret_cast<CK_C_GetFunctionList>(dlsym(lib, "C_GetFunctionList"));
    CK_FUNCTION_LIST* f = nullptr;
    CK_RV rv = getList ? getList(&f) : CKR_GENERAL_ERROR;
    if (rv != CKR_OK) {
        return fail("C_GetFunctionList", rv);
    }
    CK_C_INITIALIZE_ARGS init{};
    init.flags = CKF_OS_LOCKING_OK;
    if ((rv = f->C_Initialize(&init)) != CKR_OK) {
        return fail("C_Initialize", rv);
    }
    CK_ULONG count = 0;
    f->C_GetSlotList(CK_TRUE, nullptr, &count);
    std::vector<CK_SLOT_ID> slots(count);
    f->C_GetSlotList(CK_TRUE, slots.data(), &count);
    std::string wanted(argv[2]);
    wanted.resize(32, ' ');
    CK_SLOT_ID slot = 0;
    bool found = false;
    for (CK_ULONG i = 0; i < count && !found; ++i) {
        CK_TOKEN_INFO info{};
        if (f->C_GetTokenInfo(slots[i], &info) == CKR_OK &&
            std::memcmp(info.label, wanted.data(), sizeof info.label) == 0) {
            slot = slots[i];
            found = true;
        }
    }
    if (!found) {
        std::fprintf(stderr, "bench_fill_token: no token labelled %s\n", argv[2]);
        return 1;
    }
    CK_SESSION_HANDLE session = 0;
    if ((rv = f->C_OpenSession(slot, CKF_SERIAL_SESSION | CKF_RW_SESSION, nullptr, nullptr, &session)) != CKR_OK) {
        return fail("C_OpenSession", rv);
    }
    std::string pin = std::getenv("TD_PIN");
    rv = f->C_Login(session, CKU_USER, reinterpret_cast<CK_UTF8CHAR*>(pin.data()), pin.size());
    std::fill(pin.begin(), pin.end(), '\0');
    if (rv != CKR_OK) {
        return fail("C_Login", rv);
    }
    for (int i = 3; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        const std::vector<unsigned char> der((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const unsigned char* p = der.data();
        X509* cert = d2i_X509(nullptr, &p, static_cast<long>(der.size()));
        if (!cert) {
            std::fprintf(stderr, "bench_fill_token: %s is no DER certificate\n", argv[i]);
            return 1;
        }
        unsigned char* subject = nullptr;
        const int subjectLength = i2d_X509_NAME(X509_get_subject_name(cert), &subject);
        X509_free(cert);
        std::string label(argv[i]);
        label = label.substr(label.find_last_of('/') + 1);
        unsigned char id[2] = {static_cast<unsigned char>((i - 3) >> 8), static_cast<unsigned char>(i - 3)};
        CK_OBJECT_CLASS cls = CKO_CERTIFICATE;
        CK_CERTIFICATE_TYPE type = CKC_X_509;
        CK_BBOOL yes = CK_TRUE;
        CK_BBOOL no = CK_FALSE;
        CK_ATTRIBUTE templ[] = {
            {CKA_CLASS, &cls, sizeof cls},
            {CKA_CERTIFICATE_TYPE, &type, sizeof type},
            {CKA_TOKEN, &yes, sizeof yes},
            {CKA_PRIVATE, &no, sizeof no},
            {CKA_VALUE, const_cast<unsigned char*>(der.data()), der.size()},
            {CKA_SUBJECT, subject, static_cast<CK_ULONG>(subjectLength)},
            {CKA_LABEL, label.data(), label.size()},
            {CKA_ID, id, sizeof id},
        };
        CK_OBJECT_HANDLE object = 0;
        rv = f->C_CreateObject(session, templ, sizeof templ / sizeof templ[0], &object);
        OPENSSL_free(subject);
        if (rv != CKR_OK) {
            return fail("C_CreateObject", rv);
        }
    }
    f->C_Logout(session);
    f->C_CloseSession(session);
    f->C_Finalize(nullptr);
    return 0;
}
