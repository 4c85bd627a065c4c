# Identities (backend/pkcs11/IdentityMatcher): certificates joined with keys, against keys and
# certificates made by the `openssl` command line.
tokendesk_add_test(tst_identitymatcher SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_identitymatcher.cpp
                   ${CMAKE_CURRENT_LIST_DIR}/OpensslTool.h LIBS tokendesk_backend LABEL unit TIMEOUT 120)
