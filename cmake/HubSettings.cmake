# Settings shared by every target of the project.

# hub_apply_common_settings(<target>)
# Turns on the warnings we keep at zero and the Qt strictness the code relies on.
function(hub_apply_common_settings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_URL_CAST_FROM_STRING
        QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
        QT_USE_QSTRINGBUILDER
        QT_DISABLE_DEPRECATED_BEFORE=0x060400
        HUB_VERSION="${PROJECT_VERSION}")
    set_target_properties(${target} PROPERTIES AUTOMOC ON)
endfunction()

# hub_add_test(<name> SOURCES <files...> [LIBS <targets...>] [LABELS <labels...>] [TIMEOUT <s>])
# Builds one Qt Test executable and registers it with CTest. Tests run on the offscreen
# platform with their own temporary settings and data folders, so they never touch the
# user's real workspace or configuration.
function(hub_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    qt_add_executable(${name} ${ARG_SOURCES})
    hub_apply_common_settings(${name})
    target_link_libraries(${name} PRIVATE Qt6::Test hub_testsupport ${ARG_LIBS})
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_FORCE_ASSERTS=1;PRODUCT_HUB_TEST=1;HUB_CLI=$<TARGET_FILE:product-hub>")
endfunction()
