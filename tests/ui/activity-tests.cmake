# The Activity page: feed, webhook journal with Replay, triggers with undo, notifications.
hub_add_test(tst_activitypage SOURCES ui/tst_activitypage.cpp LIBS hub_ui hub_connectors)
