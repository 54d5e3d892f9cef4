# The Reports page: every metric as a table, with drill-downs and export.
target_sources(hub_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/reportspage.cpp ${CMAKE_CURRENT_LIST_DIR}/reportspage.h
)
