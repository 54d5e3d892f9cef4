# Hub events, triggers and the activity and journal models.
hub_add_test(tst_activity SOURCES models/tst_activity.cpp)
