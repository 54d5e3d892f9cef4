# Stream hooks of the built-in connectors: code a service needs where its manifest cannot
# say it. Each service's hook is a pair of files here.
file(GLOB HUB_HOOK_SOURCES CONFIGURE_DEPENDS
    ${CMAKE_CURRENT_LIST_DIR}/*.cpp ${CMAKE_CURRENT_LIST_DIR}/*.h)
target_sources(hub_connectors PRIVATE ${HUB_HOOK_SOURCES})
