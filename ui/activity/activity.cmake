# The Activity page: the feed of hub events, the webhook journal and the triggers.
target_sources(hub_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/background.h
    ${CMAKE_CURRENT_LIST_DIR}/activitypage.cpp ${CMAKE_CURRENT_LIST_DIR}/activitypage.h
    ${CMAKE_CURRENT_LIST_DIR}/journalpanel.cpp ${CMAKE_CURRENT_LIST_DIR}/journalpanel.h
    ${CMAKE_CURRENT_LIST_DIR}/triggerspanel.cpp ${CMAKE_CURRENT_LIST_DIR}/triggerspanel.h
    ${CMAKE_CURRENT_LIST_DIR}/triggerdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/triggerdialog.h
    ${CMAKE_CURRENT_LIST_DIR}/triggercommands.cpp ${CMAKE_CURRENT_LIST_DIR}/triggercommands.h
    ${CMAKE_CURRENT_LIST_DIR}/triggernotifier.cpp ${CMAKE_CURRENT_LIST_DIR}/triggernotifier.h
)
