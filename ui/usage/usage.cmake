# Which analytics events count as use of which feature: the mapping dialog and its models.
target_sources(hub_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/eventmappingmodels.cpp ${CMAKE_CURRENT_LIST_DIR}/eventmappingmodels.h
    ${CMAKE_CURRENT_LIST_DIR}/eventmappingcommands.cpp ${CMAKE_CURRENT_LIST_DIR}/eventmappingcommands.h
    ${CMAKE_CURRENT_LIST_DIR}/eventmappingdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/eventmappingdialog.h
)
target_include_directories(hub_ui PUBLIC ${CMAKE_CURRENT_LIST_DIR})
