# Token models (issue 4): the token tree, identities, the navigation with its
# fixed roots and search filter, and the certificate field tree, each under
# QAbstractItemModelTester. Certificates are made by openssl in the tests.
tokendesk_add_test(tst_tokentreemodel SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_tokentreemodel.cpp
                   ${CMAKE_CURRENT_LIST_DIR}/TokenFixtures.h LIBS tokendesk_models LABEL unit TIMEOUT 120)
tokendesk_add_test(tst_navigationmodel SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_navigationmodel.cpp
                   ${CMAKE_CURRENT_LIST_DIR}/TokenFixtures.h LIBS tokendesk_models LABEL unit TIMEOUT 120)
tokendesk_add_test(tst_certificatedetailsmodel SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_certificatedetailsmodel.cpp
                   ${CMAKE_CURRENT_LIST_DIR}/TokenFixtures.h LIBS tokendesk_models LABEL unit TIMEOUT 120)
# Which rows each search leaves (the correctness half of bench_search, in the default labels).
tokendesk_add_test(tst_navigationsearch SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_navigationsearch.cpp
                   ${CMAKE_CURRENT_LIST_DIR}/SearchFixture.h ${CMAKE_CURRENT_LIST_DIR}/TokenFixtures.h
                   LIBS tokendesk_models LABEL unit TIMEOUT 120)
