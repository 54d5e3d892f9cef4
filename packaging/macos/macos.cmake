# macOS application bundle and disk image. Not built or tested on the Debian machines this
# project is developed on; see packaging/README.md for the steps.
if(NOT APPLE)
    return()
endif()

# Target properties (not variables): the target is made in app/, not in this folder.
set_target_properties(product-hub PROPERTIES
    MACOSX_BUNDLE_GUI_IDENTIFIER org.example.ProductHub
    MACOSX_BUNDLE_BUNDLE_NAME "Product Integration Hub"
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    OUTPUT_NAME "Product Integration Hub"
    MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_LIST_DIR}/Info.plist.in)
# product-hub.icns is made on a Mac with iconutil from resources/icons (see README.md).
if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/product-hub.icns)
    set_target_properties(product-hub PROPERTIES MACOSX_BUNDLE_ICON_FILE product-hub.icns)
    target_sources(product-hub PRIVATE ${CMAKE_CURRENT_LIST_DIR}/product-hub.icns)
    set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/product-hub.icns
        TARGET_DIRECTORY product-hub PROPERTIES
        MACOSX_PACKAGE_LOCATION Resources)
endif()

# macdeployqt copies the Qt frameworks and plugins into the bundle at install time.
qt_generate_deploy_app_script(
    TARGET product-hub
    FILENAME_VARIABLE hub_deploy_script
    NO_UNSUPPORTED_PLATFORM_ERROR)
install(SCRIPT ${hub_deploy_script})

# Signing with the hardened runtime and the keychain entitlement happens after the install,
# before the disk image is made (see README.md); CPack's DragNDrop generator makes the image.
set(CPACK_GENERATOR DragNDrop)
set(CPACK_DMG_VOLUME_NAME "Product Integration Hub")
