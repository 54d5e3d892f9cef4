# Test suites for connectors/secrets.
hub_add_test(tst_secretstore SOURCES connectors/tst_secretstore.cpp LIBS hub_connectors)
