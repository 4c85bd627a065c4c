# The command line's terminal prompt on a pseudo-terminal: echo, Ctrl-Z, Ctrl-C, the line limit.
tokendesk_add_test(tst_terminalprompter SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_terminalprompter.cpp
                   LIBS tokendesk_softhsm_tokens LABEL integration TIMEOUT 120)
target_link_libraries(tst_terminalprompter PRIVATE util)
add_dependencies(tst_terminalprompter tokendesk)
