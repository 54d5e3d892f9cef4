hub_add_test(tst_hotjar SOURCES connectors/services/tst_hotjar.cpp connectors/services/fakehotjar.h connectors/services/fakehotjar.cpp LIBS hub_connectors)
