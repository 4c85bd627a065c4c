# "No polling" in the default labels: every PC/SC call (pcsc-lite's spy library) and every
# PKCS#11 call (a counting shim) of the idle window, with the card's token shown.
find_library(TOKENDESK_PCSCSPY_LIBRARY NAMES libpcscspy.so.0 pcscspy)
if(NOT TOKENDESK_PCSCSPY_LIBRARY)
    # The test then fails and says so: libpcsclite-dev is in scripts/deps.sh.
    set(TOKENDESK_PCSCSPY_LIBRARY libpcscspy.so.0)
endif()

# Counts the program's PKCS#11 calls into every module p11-kit loads for it (LD_PRELOAD).
add_library(counting_pkcs11_shim MODULE ${CMAKE_CURRENT_LIST_DIR}/counting_pkcs11_shim.cpp)
# PC/SC headers only: its SCardTransmit passes the call on to whichever library comes next.
target_include_directories(counting_pkcs11_shim PRIVATE ${PCSC_INCLUDE_DIRS})
target_link_libraries(counting_pkcs11_shim PRIVATE PkgConfig::P11KIT ${CMAKE_DL_LIBS})
set_target_properties(counting_pkcs11_shim PROPERTIES PREFIX "" CXX_VISIBILITY_PRESET hidden)

find_library(TOKENDESK_PCSCLITE_LIBRARY NAMES libpcsclite.so.1 pcsclite)

tokendesk_add_test(tst_idle_calls SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_idle_calls.cpp
                   LIBS tokendesk_testsupport LABEL integration TIMEOUT 120)
target_compile_definitions(tst_idle_calls PRIVATE
    TOKENDESK_PCSCSPY_LIBRARY="${TOKENDESK_PCSCSPY_LIBRARY}"
    TOKENDESK_PCSCLITE_LIBRARY="${TOKENDESK_PCSCLITE_LIBRARY}"
    TOKENDESK_COUNTING_SHIM="$<TARGET_FILE:counting_pkcs11_shim>")
add_dependencies(tst_idle_calls counting_pkcs11_shim tokendesk tokendesk-simcard)
