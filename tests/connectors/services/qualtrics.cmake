hub_add_test(tst_qualtrics SOURCES connectors/services/tst_qualtrics.cpp connectors/services/fakequaltrics.h connectors/services/fakequaltrics.cpp LIBS hub_connectors)
