# The Adoption dashboard: charts and tables over the reports in models/metrics.
find_package(Qt6 REQUIRED COMPONENTS Charts)
target_sources(hub_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/reporttablemodel.cpp ${CMAKE_CURRENT_LIST_DIR}/reporttablemodel.h
    ${CMAKE_CURRENT_LIST_DIR}/reportloader.cpp ${CMAKE_CURRENT_LIST_DIR}/reportloader.h
    ${CMAKE_CURRENT_LIST_DIR}/chartstyle.cpp ${CMAKE_CURRENT_LIST_DIR}/chartstyle.h
    ${CMAKE_CURRENT_LIST_DIR}/adoptioncurvechart.cpp ${CMAKE_CURRENT_LIST_DIR}/adoptioncurvechart.h
    ${CMAKE_CURRENT_LIST_DIR}/roipanel.cpp ${CMAKE_CURRENT_LIST_DIR}/roipanel.h
    ${CMAKE_CURRENT_LIST_DIR}/adoptionsummarycards.cpp ${CMAKE_CURRENT_LIST_DIR}/adoptionsummarycards.h
    ${CMAKE_CURRENT_LIST_DIR}/drilldowndialog.cpp ${CMAKE_CURRENT_LIST_DIR}/drilldowndialog.h
    ${CMAKE_CURRENT_LIST_DIR}/featureadoptiontable.cpp ${CMAKE_CURRENT_LIST_DIR}/featureadoptiontable.h
    ${CMAKE_CURRENT_LIST_DIR}/windowselector.cpp ${CMAKE_CURRENT_LIST_DIR}/windowselector.h
    ${CMAKE_CURRENT_LIST_DIR}/adoptionpage.cpp ${CMAKE_CURRENT_LIST_DIR}/adoptionpage.h
)
target_include_directories(hub_ui PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(hub_ui PUBLIC Qt6::Charts)
