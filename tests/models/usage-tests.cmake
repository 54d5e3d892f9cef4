# Usage events: the mapping and roll-up into feature_usage; bench_usage_sync prints how fast a
# large Mixpanel-shaped export syncs and how much memory it takes.
hub_add_test(tst_usagemapping SOURCES models/tst_usagemapping.cpp)

qt_add_executable(bench_usage_sync benchmarks/bench_usage_sync.cpp)
hub_apply_common_settings(bench_usage_sync)
target_link_libraries(bench_usage_sync PRIVATE hub_connectors hub_testsupport)
set_target_properties(bench_usage_sync PROPERTIES RUNTIME_OUTPUT_DIRECTORY
    ${CMAKE_CURRENT_BINARY_DIR}/benchmarks)
