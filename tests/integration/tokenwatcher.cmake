# TokenWatcher: tokens kept current on the worker, with SoftHSM2 and with the simulated
# PIV card through OpenSC and a real ReaderMonitor (insertion, removal, two readers,
# cycles, idle, a card pulled mid-read); the user's NSS database read through softokn.
tokendesk_add_test(tst_tokenwatcher SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_tokenwatcher.cpp
                   LIBS tokendesk_backend tokendesk_softhsm_tokens LABEL integration TIMEOUT 600)
tokendesk_add_test(tst_nssdatabase SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_nssdatabase.cpp
                   LIBS tokendesk_backend tokendesk_testsupport LABEL integration TIMEOUT 300)
