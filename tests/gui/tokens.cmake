# Issue 4: the window with real tokens (SoftHSM2 through TokenWatcher): the token
# tree, identities, the token and certificate pages, search, export. Screenshots
# go to TOKENDESK_SCREENSHOT_DIR (docs/screenshots/ when the lead refreshes them).
tokendesk_add_test(tst_tokenswindow SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_tokenswindow.cpp
                   LIBS tokendesk_ui tokendesk_softhsm_tokens LABEL gui TIMEOUT 300)
# Test identity and Change PIN through the window's actions, with a real SoftHSM2 token.
tokendesk_add_test(tst_tokenactions SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_tokenactions.cpp
                   LIBS tokendesk_ui tokendesk_softhsm_tokens LABEL gui TIMEOUT 300)
# An action on an absent token asks for it by label and serial and runs when it is inserted.
tokendesk_add_test(tst_absenttoken SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_absenttoken.cpp
                   LIBS tokendesk_ui tokendesk_testsupport LABEL gui TIMEOUT 300)
