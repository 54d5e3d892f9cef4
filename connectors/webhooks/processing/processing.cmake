# Processing of stored webhook deliveries: per-provider payload mappers into canonical rows
# and hub events, and the replay of a stored delivery.
target_sources(hub_connectors PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/payloadmapper.cpp ${CMAKE_CURRENT_LIST_DIR}/payloadmapper.h
    ${CMAKE_CURRENT_LIST_DIR}/payloadfields.cpp ${CMAKE_CURRENT_LIST_DIR}/payloadfields.h
    ${CMAKE_CURRENT_LIST_DIR}/providermappers.h
    ${CMAKE_CURRENT_LIST_DIR}/githubmapper.cpp
    ${CMAKE_CURRENT_LIST_DIR}/gitlabmapper.cpp
    ${CMAKE_CURRENT_LIST_DIR}/jiramapper.cpp
    ${CMAKE_CURRENT_LIST_DIR}/linearmapper.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pipedrivemapper.cpp
    ${CMAKE_CURRENT_LIST_DIR}/hubspotmapper.cpp
    ${CMAKE_CURRENT_LIST_DIR}/canonicalwebhookprocessor.cpp
    ${CMAKE_CURRENT_LIST_DIR}/canonicalwebhookprocessor.h
)
