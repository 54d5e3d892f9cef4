# The Launch plans page and its Gantt editor: widget tests, and the repaint benchmark (run by hand).
hub_add_test(tst_ganttmodel SOURCES ui/tst_ganttmodel.cpp ui/tst_ganttplan.h LIBS hub_ui)
hub_add_test(tst_gantteditor SOURCES ui/tst_gantteditor.cpp ui/tst_ganttplan.h LIBS hub_ui)
hub_add_test(tst_launchplanspage SOURCES ui/tst_launchplanspage.cpp ui/demoworkspace.cpp ui/demoworkspace.h LIBS hub_ui TIMEOUT 300)

qt_add_executable(bench_gantt ${CMAKE_CURRENT_LIST_DIR}/../benchmarks/bench_gantt.cpp)
hub_apply_common_settings(bench_gantt)
target_include_directories(bench_gantt PRIVATE ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(bench_gantt PRIVATE hub_ui Qt6::Test)
