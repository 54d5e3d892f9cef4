hub_add_test(tst_salesforce SOURCES connectors/services/tst_salesforce.cpp connectors/services/fakesalesforce.h connectors/services/fakesalesforce.cpp LIBS hub_connectors)
