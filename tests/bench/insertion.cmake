# Issue 4: a simulated card's insertion to its identities in TokenWatcher (tokenAdded,
# rescan() on ReaderMonitor events), beside `pkcs11-tool -O` started on the same reader
# event; median of 10 insertions each (TOKENDESK_BENCH_ROUNDS). Label bench only.
# Run in an optimized build: ctest -L bench -R bench_insertion -V
tokendesk_add_test(bench_insertion SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_insertion.cpp
                   LIBS tokendesk_backend tokendesk_testsupport LABEL bench TIMEOUT 300)
