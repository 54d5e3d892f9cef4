# Export dialogs, progress and print preview over the export layer in models/export.
find_package(Qt6 REQUIRED COMPONENTS PrintSupport)
target_sources(hub_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/exportoptionsdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/exportoptionsdialog.h
    ${CMAKE_CURRENT_LIST_DIR}/exporttask.cpp ${CMAKE_CURRENT_LIST_DIR}/exporttask.h
    ${CMAKE_CURRENT_LIST_DIR}/printpreview.cpp ${CMAKE_CURRENT_LIST_DIR}/printpreview.h
    ${CMAKE_CURRENT_LIST_DIR}/exportactions.cpp ${CMAKE_CURRENT_LIST_DIR}/exportactions.h
    ${CMAKE_CURRENT_LIST_DIR}/sharebutton.cpp ${CMAKE_CURRENT_LIST_DIR}/sharebutton.h
)
target_include_directories(hub_ui PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(hub_ui PUBLIC Qt6::PrintSupport)
