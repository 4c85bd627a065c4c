# Identities (TokenReader, IdentityMatcher) and the certificates of `tokendesk report` and
# `tokendesk cert show|export URI`: SoftHSM2 tokens made with pkcs11-tool and openssl, and the
# simulated PIV card through OpenSC, compared with `openssl x509`.
tokendesk_add_test(tst_identities_softhsm SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_identities_softhsm.cpp
                   ${CMAKE_CURRENT_LIST_DIR}/CertificateChecks.h
                   LIBS tokendesk_backend tokendesk_softhsm_tokens LABEL integration TIMEOUT 300)
add_dependencies(tst_identities_softhsm tokendesk)
tokendesk_add_test(tst_identities_piv SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_identities_piv.cpp
                   ${CMAKE_CURRENT_LIST_DIR}/CertificateChecks.h
                   LIBS tokendesk_backend tokendesk_testsupport LABEL integration TIMEOUT 300)
add_dependencies(tst_identities_piv tokendesk)
