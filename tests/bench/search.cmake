# Issue 4: typing in the search field over 10,000 certificate rows, one keystroke
# at a time, filtered by the window's NavigationFilterModel; < 50 ms per keystroke.
# The rows shown after each query are checked too (as tst_navigationsearch does).
# Run in an optimized build: ctest -L bench -R bench_search --output-on-failure
add_executable(bench_search ${CMAKE_CURRENT_LIST_DIR}/bench_search.cpp
               ${CMAKE_SOURCE_DIR}/tests/models/TokenFixtures.h ${CMAKE_SOURCE_DIR}/tests/models/SearchFixture.h)
target_link_libraries(bench_search PRIVATE tokendesk_models)
add_test(NAME bench_search COMMAND bench_search)
set_tests_properties(bench_search PROPERTIES LABELS bench TIMEOUT 300)
