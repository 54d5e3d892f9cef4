# The log file: a Qt message handler writing redacted, size-capped, rotated files.
add_library(hub_applog STATIC
    ${CMAKE_CURRENT_LIST_DIR}/logredaction.cpp ${CMAKE_CURRENT_LIST_DIR}/logredaction.h
    ${CMAKE_CURRENT_LIST_DIR}/rotatinglogfile.cpp ${CMAKE_CURRENT_LIST_DIR}/rotatinglogfile.h
    ${CMAKE_CURRENT_LIST_DIR}/messagelog.cpp ${CMAKE_CURRENT_LIST_DIR}/messagelog.h
)
hub_apply_common_settings(hub_applog)
target_link_libraries(hub_applog PUBLIC hub_connectors Qt6::Core)
target_link_libraries(product-hub PRIVATE hub_applog)
