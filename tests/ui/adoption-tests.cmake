# The Adoption dashboard: its widget tests, and its benchmark (run by hand).
hub_add_test(tst_adoptionpage SOURCES ui/tst_adoptionpage.cpp ui/demoworkspace.cpp ui/demoworkspace.h LIBS hub_ui TIMEOUT 300)

qt_add_executable(bench_adoptionpage ${CMAKE_CURRENT_LIST_DIR}/../benchmarks/bench_adoptionpage.cpp)
hub_apply_common_settings(bench_adoptionpage)
target_link_libraries(bench_adoptionpage PRIVATE hub_ui)
