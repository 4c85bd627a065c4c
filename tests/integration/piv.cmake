# Direct PIV commands (backend/piv) through the bench's real pcscd and the simulated card,
# with OpenSC's pkcs11-tool as the peer that spends tries.
tokendesk_add_test(tst_pivcard SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pivcard.cpp
                   LIBS tokendesk_backend tokendesk_testsupport LABEL integration TIMEOUT 300)
tokendesk_add_test(tst_pinmanager_piv SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pinmanager_piv.cpp
                   LIBS tokendesk_backend tokendesk_testsupport LABEL integration TIMEOUT 300)
tokendesk_add_test(tst_pinmanager_softhsm SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pinmanager_softhsm.cpp
                   LIBS tokendesk_backend tokendesk_softhsm_tokens LABEL integration TIMEOUT 300)
# The PIN dialogs offscreen against the simulated card; screenshots for docs/.
tokendesk_add_test(tst_pindialogs SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pindialogs.cpp
                   LIBS tokendesk_ui tokendesk_testsupport LABEL gui TIMEOUT 300)
# `tokendesk pin` as scripts run it; no secret in any output with every log category on.
tokendesk_add_test(tst_pin_cli SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pin_cli.cpp
                   LIBS tokendesk_testsupport LABEL integration TIMEOUT 300)
add_dependencies(tst_pin_cli tokendesk)
# `tokendesk pin` at a pseudo-terminal (new PIN twice, YES for a final try), the error codes
# README names, and no PIN in any file or output after a change and back.
tokendesk_add_test(tst_pin_terminal SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pin_terminal.cpp
                   LIBS tokendesk_testsupport LABEL integration TIMEOUT 300)
target_link_libraries(tst_pin_terminal PRIVATE util)
add_dependencies(tst_pin_terminal tokendesk)
# PIN pads cannot be simulated with vpcd: a fake module named as such stands in.
add_library(fake_pinpad_pkcs11 MODULE ${CMAKE_CURRENT_LIST_DIR}/fake_pinpad_pkcs11.cpp)
target_link_libraries(fake_pinpad_pkcs11 PRIVATE PkgConfig::P11KIT)
set_target_properties(fake_pinpad_pkcs11 PROPERTIES PREFIX "" CXX_VISIBILITY_PRESET hidden)
tokendesk_add_test(tst_pinpad_fake SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pinpad_fake.cpp
                   LIBS tokendesk_ui tokendesk_testsupport LABEL gui TIMEOUT 120)
target_compile_definitions(tst_pinpad_fake PRIVATE
    TOKENDESK_FAKE_PINPAD_PKCS11="$<TARGET_FILE:fake_pinpad_pkcs11>")
add_dependencies(tst_pinpad_fake fake_pinpad_pkcs11)
