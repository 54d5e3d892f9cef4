# Hub events, the activity feed, triggers and the webhook journal's model.
target_sources(hub_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/hubevent.cpp ${CMAKE_CURRENT_LIST_DIR}/hubevent.h
    ${CMAKE_CURRENT_LIST_DIR}/activityrecorder.cpp ${CMAKE_CURRENT_LIST_DIR}/activityrecorder.h
    ${CMAKE_CURRENT_LIST_DIR}/trigger.cpp ${CMAKE_CURRENT_LIST_DIR}/trigger.h
    ${CMAKE_CURRENT_LIST_DIR}/triggerstore.cpp ${CMAKE_CURRENT_LIST_DIR}/triggerstore.h
    ${CMAKE_CURRENT_LIST_DIR}/triggerevaluator.cpp ${CMAKE_CURRENT_LIST_DIR}/triggerevaluator.h
    ${CMAKE_CURRENT_LIST_DIR}/activitymodel.cpp ${CMAKE_CURRENT_LIST_DIR}/activitymodel.h
    ${CMAKE_CURRENT_LIST_DIR}/webhookjournalmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/webhookjournalmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/triggerlistmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/triggerlistmodel.h
)
