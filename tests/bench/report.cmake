# Issue 4: a SoftHSM2 token holding 1,000 certificates, `tokendesk report --json` against
# `p11tool --list-all-certs` and `pkcs11-tool -O` in the same run (target: faster than both).
# bench_fill_token writes the certificates in one session (pkcs11-tool would need minutes).
add_executable(bench_fill_token ${CMAKE_CURRENT_LIST_DIR}/bench_fill_token.cpp)
target_link_libraries(bench_fill_token PRIVATE PkgConfig::P11KIT OpenSSL::Crypto ${CMAKE_DL_LIBS})
add_test(NAME bench_report_certificates
    COMMAND ${TOKENDESK_TESTBENCH} exec ${TOKENDESK_TESTBENCH_DIR}
            ${CMAKE_CURRENT_LIST_DIR}/report_certificates.sh 1000 7 3)
set_tests_properties(bench_report_certificates PROPERTIES
    LABELS bench
    TIMEOUT 600
    FIXTURES_REQUIRED testbench
    ENVIRONMENT "${TOKENDESK_BENCH_ENV};TOKENDESK_BENCH_FILL=$<TARGET_FILE:bench_fill_token>")
