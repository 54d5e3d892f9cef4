hub_add_test(tst_jira SOURCES connectors/services/tst_jira.cpp connectors/services/fakejira.h connectors/services/fakejira.cpp LIBS hub_connectors)
