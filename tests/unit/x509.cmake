# Certificates (backend/x509, app/CertCommand): the parser and the chain verifier against the
# `openssl` command line, `tokendesk cert`, and the fuzz corpus replay (tests/fuzz).
tokendesk_add_test(tst_certificateparser SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_certificateparser.cpp
                   ${CMAKE_CURRENT_LIST_DIR}/OpensslTool.h LIBS tokendesk_backend OpenSSL::Crypto LABEL unit TIMEOUT 180)
target_compile_definitions(tst_certificateparser
                           PRIVATE TOKENDESK_FUZZ_CERT_CORPUS="${CMAKE_SOURCE_DIR}/tests/fuzz/corpus/cert")
tokendesk_add_test(tst_certificateparser_input SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_certificateparser_input.cpp
                   ${CMAKE_CURRENT_LIST_DIR}/OpensslTool.h LIBS tokendesk_backend LABEL unit TIMEOUT 120)
tokendesk_add_test(tst_chainverifier SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_chainverifier.cpp
                   ${CMAKE_CURRENT_LIST_DIR}/OpensslTool.h LIBS tokendesk_backend LABEL unit TIMEOUT 120)
tokendesk_add_test(tst_cert_cli SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cert_cli.cpp
                   ${CMAKE_CURRENT_LIST_DIR}/OpensslTool.h LIBS tokendesk_backend LABEL unit TIMEOUT 120)
# PEM bundles as `cert show FILE` reads them; a 10,000-certificate bundle's time and peak memory.
tokendesk_add_test(tst_certificatebundle SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_certificatebundle.cpp
                   ${CMAKE_CURRENT_LIST_DIR}/OpensslTool.h LIBS tokendesk_backend LABEL unit TIMEOUT 120)
# The tests run the binary through TOKENDESK_BINARY: build it first.
add_dependencies(tst_cert_cli tokendesk)
add_dependencies(tst_certificatebundle tokendesk)
# Careless command-line input: escapes in URIs and paths, bytes in names, bad URIs, bad --module.
tokendesk_add_test(tst_cli_input SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cli_input.cpp
                   ${CMAKE_CURRENT_LIST_DIR}/OpensslTool.h LIBS tokendesk_models LABEL unit TIMEOUT 180)
add_dependencies(tst_cli_input tokendesk)
