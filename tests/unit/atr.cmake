# ATR analysis (backend/atr, app/AtrCommand): the parser, the historical bytes,
# the parser against pcsc-tools' ATR_analysis, and `tokendesk atr`. None needs pcscd.
tokendesk_add_test(tst_atrparser SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_atrparser.cpp
                   LIBS tokendesk_backend LABEL unit TIMEOUT 60)
tokendesk_add_test(tst_historicalbytes SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_historicalbytes.cpp
                   LIBS tokendesk_backend LABEL unit TIMEOUT 60)
# About 3800 ATRs, one ATR_analysis (Perl) run each, 2 to 4 at a time.
tokendesk_add_test(tst_atr_vs_atranalysis SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_atr_vs_atranalysis.cpp
                   LIBS tokendesk_backend LABEL unit TIMEOUT 600)
tokendesk_add_test(tst_atr_cli SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_atr_cli.cpp
                   LIBS tokendesk_backend LABEL unit TIMEOUT 60)
# The tests run the binary through TOKENDESK_BINARY: build it first.
add_dependencies(tst_atr_vs_atranalysis tokendesk)
add_dependencies(tst_atr_cli tokendesk)

