# backend/pkcs11 against real modules: SoftHSM2 (tokens made with pkcs11-tool and openssl,
# compared with pkcs11-tool -L and p11tool), OpenSC with the simulated PIV card in the
# bench's pcscd, and the tokens part of `tokendesk report`.

# A fake module for what cannot run here: one whose C_Initialize fails.
add_library(fake_failing_pkcs11 MODULE ${CMAKE_CURRENT_LIST_DIR}/fake_failing_pkcs11.cpp)
target_link_libraries(fake_failing_pkcs11 PRIVATE PkgConfig::P11KIT)
set_target_properties(fake_failing_pkcs11 PROPERTIES PREFIX "" CXX_VISIBILITY_PRESET hidden)

add_library(tokendesk_softhsm_tokens STATIC
    ${CMAKE_CURRENT_LIST_DIR}/SoftHsmTokens.cpp ${CMAKE_CURRENT_LIST_DIR}/SoftHsmTokens.h)
target_include_directories(tokendesk_softhsm_tokens PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(tokendesk_softhsm_tokens PUBLIC tokendesk_testsupport)

tokendesk_add_test(tst_pkcs11_softhsm SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pkcs11_softhsm.cpp
                   LIBS tokendesk_backend tokendesk_softhsm_tokens LABEL integration TIMEOUT 300)
tokendesk_add_test(tst_pkcs11_modules SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pkcs11_modules.cpp
                   LIBS tokendesk_backend tokendesk_softhsm_tokens LABEL integration TIMEOUT 300)
target_compile_definitions(tst_pkcs11_modules PRIVATE
    TOKENDESK_FAKE_FAILING_PKCS11="$<TARGET_FILE:fake_failing_pkcs11>")
add_dependencies(tst_pkcs11_modules fake_failing_pkcs11)

tokendesk_add_test(tst_pkcs11_piv SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pkcs11_piv.cpp
                   LIBS tokendesk_backend tokendesk_testsupport LABEL integration TIMEOUT 300)

tokendesk_add_test(tst_pkcs11_report SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pkcs11_report.cpp
                   LIBS tokendesk_backend tokendesk_softhsm_tokens LABEL integration TIMEOUT 300)
target_compile_definitions(tst_pkcs11_report PRIVATE
    TOKENDESK_FAKE_FAILING_PKCS11="$<TARGET_FILE:fake_failing_pkcs11>")
# The test runs the binary through TOKENDESK_BINARY: build it first.
add_dependencies(tst_pkcs11_report fake_failing_pkcs11 tokendesk)
