# Desktop integration inside the window: application facts, About and Preferences dialogs.
target_sources(hub_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/appinfo.cpp ${CMAKE_CURRENT_LIST_DIR}/appinfo.h
    ${CMAKE_CURRENT_LIST_DIR}/aboutdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/aboutdialog.h
    ${CMAKE_CURRENT_LIST_DIR}/preferencesdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/preferencesdialog.h
)
# Only this file needs the homepage; a target-wide definition would rebuild all of hub_ui.
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/appinfo.cpp PROPERTIES
    COMPILE_DEFINITIONS "HUB_HOMEPAGE_URL=\"${PROJECT_HOMEPAGE_URL}\"")

set(hub_icon_pngs)
foreach(size 16 24 32 48 64 128 256)
    list(APPEND hub_icon_pngs
        ${PROJECT_SOURCE_DIR}/resources/icons/hicolor/${size}x${size}/apps/org.example.ProductHub.png)
endforeach()
qt_add_resources(hub_ui "hub_app_icons"
    PREFIX "/"
    BASE "${PROJECT_SOURCE_DIR}/resources"
    FILES ${hub_icon_pngs}
)
