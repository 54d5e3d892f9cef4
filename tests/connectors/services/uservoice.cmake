hub_add_test(tst_uservoice SOURCES connectors/services/tst_uservoice.cpp connectors/services/fakeuservoice.h connectors/services/fakeuservoice.cpp LIBS hub_connectors)
