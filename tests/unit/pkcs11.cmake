# PKCS#11 (backend/pkcs11) without modules: URIs (through p11-kit, against p11tool's),
# text fields, error codes.
tokendesk_add_test(tst_pkcs11uri SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pkcs11uri.cpp
                   LIBS tokendesk_backend tokendesk_testsupport LABEL unit TIMEOUT 60)
tokendesk_add_test(tst_pkcs11text SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pkcs11text.cpp
                   LIBS tokendesk_backend LABEL unit TIMEOUT 60)
tokendesk_add_test(tst_pkcs11error SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pkcs11error.cpp
                   LIBS tokendesk_models LABEL unit TIMEOUT 60)
