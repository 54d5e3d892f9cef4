hub_add_test(tst_github SOURCES connectors/services/tst_github.cpp LIBS hub_connectors)
