# Launch planning: schedule rules, the coordinator, storage and JSON files, the plans command.
hub_add_test(tst_planschedule SOURCES models/tst_planschedule.cpp)
hub_add_test(tst_launchcoordinator SOURCES models/tst_launchcoordinator.cpp)
hub_add_test(tst_planstore SOURCES models/tst_planstore.cpp)
hub_add_test(tst_planscli SOURCES app/tst_planscli.cpp)
