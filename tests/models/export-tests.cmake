# Exports: CSV read back by an independent reader, PDFs read back with poppler's tools, the
# export command run for real; bench_export prints how long large exports take.
hub_add_test(tst_csvexport SOURCES models/tst_csvexport.cpp)
hub_add_test(tst_pdfexport SOURCES models/tst_pdfexport.cpp)
hub_add_test(tst_exportcli SOURCES app/tst_exportcli.cpp TIMEOUT 600)

qt_add_executable(bench_export benchmarks/bench_export.cpp)
hub_apply_common_settings(bench_export)
target_link_libraries(bench_export PRIVATE hub_models)
set_target_properties(bench_export PROPERTIES RUNTIME_OUTPUT_DIRECTORY
    ${CMAKE_CURRENT_BINARY_DIR}/benchmarks)
