hub_add_test(tst_monday SOURCES connectors/services/tst_monday.cpp connectors/services/fakemonday.h connectors/services/fakemonday.cpp LIBS hub_connectors)
