hub_add_test(tst_asana SOURCES connectors/services/tst_asana.cpp connectors/services/fakeasana.h connectors/services/fakeasana.cpp LIBS hub_connectors)
