hub_add_test(tst_aha SOURCES connectors/services/tst_aha.cpp connectors/services/fakeaha.h connectors/services/fakeaha.cpp LIBS hub_connectors)
