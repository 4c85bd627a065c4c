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

# Issue 16: `tokendesk cert show` on a 32 MiB PEM bundle (~30,000 certificates) against
# `openssl x509 -noout -text` on the same file (bounds: 1 s and 200 MB, docs/SECURITY.md).
add_test(NAME bench_cert_bundle COMMAND ${CMAKE_CURRENT_LIST_DIR}/cert_bundle.sh 32 5)
set_tests_properties(bench_cert_bundle PROPERTIES LABELS bench TIMEOUT 300 ENVIRONMENT "${TOKENDESK_BENCH_ENV}")
