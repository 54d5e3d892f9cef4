# Windows installer settings (NSIS or WiX through CPack). Not built or tested on the Debian
# machines this project is developed on; see packaging/README.md for the steps.
if(NOT WIN32)
    return()
endif()

# windeployqt copies the Qt DLLs, plugins (platforms, sqldrivers, imageformats, styles) and
# translations next to product-hub.exe at install time, so CPack packs them too.
qt_generate_deploy_app_script(
    TARGET product-hub
    FILENAME_VARIABLE hub_deploy_script
    NO_UNSUPPORTED_PLATFORM_ERROR)
install(SCRIPT ${hub_deploy_script})

set(CPACK_GENERATOR NSIS WIX)
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "ProductIntegrationHub")

# NSIS
set(CPACK_NSIS_DISPLAY_NAME "Product Integration Hub")
set(CPACK_NSIS_PACKAGE_NAME "Product Integration Hub")
set(CPACK_NSIS_MUI_ICON "${CMAKE_CURRENT_LIST_DIR}/product-hub.ico")
set(CPACK_NSIS_MUI_UNIICON "${CMAKE_CURRENT_LIST_DIR}/product-hub.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\product-hub.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH OFF)
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
set(CPACK_NSIS_MENU_LINKS "bin/product-hub.exe" "Product Integration Hub")

# WiX: keep the upgrade code for ever, so that a new version replaces the old one.
set(CPACK_WIX_UPGRADE_GUID "6C1F4E2A-8B0D-4D7E-9A35-2F7C1B9E4D60")
set(CPACK_WIX_PRODUCT_ICON "${CMAKE_CURRENT_LIST_DIR}/product-hub.ico")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "Product Integration Hub")
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${PROJECT_HOMEPAGE_URL}")
