# Companies across tools: matching, splits and merges, the tree model, the companies command.
hub_add_test(tst_companies SOURCES models/tst_companies.cpp)
hub_add_test(tst_companiescli SOURCES app/tst_companiescli.cpp)

qt_add_executable(bench_companies ${CMAKE_CURRENT_LIST_DIR}/../benchmarks/bench_companies.cpp)
hub_apply_common_settings(bench_companies)
target_include_directories(bench_companies PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../benchmarks)
target_link_libraries(bench_companies PRIVATE hub_models)
