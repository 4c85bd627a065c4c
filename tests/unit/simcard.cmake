# PivApplet, fed APDUs directly: no sockets, no pcscd.
tokendesk_add_test(tst_pivapplet SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pivapplet.cpp LIBS tokendesk_simcard_core LABEL unit TIMEOUT 60)
