# The dialog mapping analytics events to features.
hub_add_test(tst_eventmappingdialog SOURCES ui/tst_eventmappingdialog.cpp LIBS hub_ui)
