# PKCS#11 (backend/pkcs11) without modules: URIs (through p11-kit, against p11tool's),
# text fields, error codes.
tokendesk_add_test(tst_pkcs11uri SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pkcs11uri.cpp
                   LIBS tokendesk_backend tokendesk_testsupport LABEL unit TIMEOUT 60)
tokendesk_add_test(tst_pkcs11text SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pkcs11text.cpp
                   LIBS tokendesk_backend LABEL unit TIMEOUT 60)
tokendesk_add_test(tst_pkcs11error SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pkcs11error.cpp
                   LIBS tokendesk_models LABEL unit TIMEOUT 60)
# The mutexes modules get from us (backend/pkcs11/ModuleLocks), and their repair of a leaked lock.
tokendesk_add_test(tst_modulelocks SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_modulelocks.cpp
                   LIBS tokendesk_backend PkgConfig::P11KIT LABEL unit TIMEOUT 60)
