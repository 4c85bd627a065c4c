# "Test this identity" (IdentityTester): SoftHSM2 keys, and OpenSC with the simulated PIV
# card (9A RSA, 9C P-256 PIN-always, wrong PIN, cancel, final try, card pulled mid-signature).
tokendesk_add_test(tst_identitytester_softhsm
                   SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_identitytester_softhsm.cpp
                           ${CMAKE_CURRENT_LIST_DIR}/RecordingPinPrompter.h
                   LIBS tokendesk_backend tokendesk_softhsm_tokens LABEL integration TIMEOUT 300)
tokendesk_add_test(tst_identitytester_piv
                   SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_identitytester_piv.cpp
                           ${CMAKE_CURRENT_LIST_DIR}/RecordingPinPrompter.h
                   LIBS tokendesk_backend tokendesk_testsupport LABEL integration TIMEOUT 400)

# SecureBytes (backend/common), reviewed with this work: a unit test, not in the bench.
tokendesk_add_test(tst_securebytes SOURCES ${CMAKE_SOURCE_DIR}/tests/unit/tst_securebytes.cpp
                   LIBS tokendesk_backend LABEL unit)

# `tokendesk cert test URI` with the PIN on stdin: SoftHSM2 and the simulated card; the PIN
# never in the output, debug logging on.
tokendesk_add_test(tst_certtest_cli SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_certtest_cli.cpp
                   LIBS tokendesk_softhsm_tokens tokendesk_testsupport LABEL integration TIMEOUT 300)
add_dependencies(tst_certtest_cli tokendesk tokendesk-simcard)

# The GUI side of the PIN (ui/PinDialog, ui/DialogPinPrompter), offscreen, with screenshots.
tokendesk_add_test(tst_pindialog SOURCES ${CMAKE_SOURCE_DIR}/tests/gui/tst_pindialog.cpp
                   LIBS tokendesk_ui LABEL gui)
