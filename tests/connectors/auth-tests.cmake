# Test suites for connectors/auth.
hub_add_test(tst_oauthflow SOURCES connectors/tst_oauthflow.cpp LIBS hub_connectors)
