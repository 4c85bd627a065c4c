# The card simulator against real peers (opensc-tool, pkcs11-tool, pkcs15-tool, pcsc_scan,
# openssl) through the bench's real pcscd.
tokendesk_add_test(tst_simcard_peers SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_simcard_peers.cpp
                   LIBS tokendesk_testsupport LABEL integration TIMEOUT 300)
