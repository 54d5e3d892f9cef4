# product-hub export: tables and reports to CSV or PDF files.
target_sources(product-hub PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/exportcommand.cpp ${CMAKE_CURRENT_LIST_DIR}/exportcommand.h
)
target_link_libraries(product-hub PRIVATE Qt6::Gui)
