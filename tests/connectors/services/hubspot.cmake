hub_add_test(tst_hubspot SOURCES connectors/services/tst_hubspot.cpp connectors/services/fakehubspot.h connectors/services/fakehubspot.cpp LIBS hub_connectors)
