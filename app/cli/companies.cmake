# product-hub companies: companies across tools, split and merge. Included from
# app/CMakeLists.txt; paths are relative to this file.
target_sources(product-hub PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/companiescommand.cpp ${CMAKE_CURRENT_LIST_DIR}/companiescommand.h
)
