hub_add_test(tst_zipreader SOURCES connectors/tst_zipreader.cpp LIBS hub_connectors)
