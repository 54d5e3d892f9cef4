hub_add_test(tst_marketo SOURCES connectors/services/tst_marketo.cpp connectors/services/fakemarketo.h connectors/services/fakemarketo.cpp LIBS hub_connectors)
