// fake_failing_pkcs11: a fake PKCS#11 module for what cannot run here, a
// module whose C_Initialize fails (a vendor module without its daemon or
// licence, say). It exports C_GetFunctionList like any module; C_Initialize
// answers CKR_GENERAL_ERROR. Tests check that such a module becomes an error
// entry and hides no other module.

#include <p11-kit/pkcs11.h>

namespace {

CK_RV initialize(void*)
{
    return CKR_GENERAL_ERROR;
}

CK_RV finalize(void*)
{
    return CKR_CRYPTOKI_NOT_INITIALIZED;
}

CK_RV getFunctionList(CK_FUNCTION_LIST** list);

// Only the entry points p11-kit and TokenDesk call before C_Initialize
// succeeds; the rest are never reached.
CK_FUNCTION_LIST functions = [] {
    CK_FUNCTION_LIST f{};
    f.version.major = 2;
    f.version.minor = 40;
    f.C_Initialize = initialize;
    f.C_Finalize = finalize;
    f.C_GetFunctionList = getFunctionList;
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
