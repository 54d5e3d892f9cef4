hub_add_test(tst_pipedrive SOURCES connectors/services/tst_pipedrive.cpp connectors/services/fakepipedrive.h connectors/services/fakepipedrive.cpp LIBS hub_connectors)
