# Test suites for connectors/http.
hub_add_test(tst_httpclient SOURCES connectors/tst_httpclient.cpp LIBS hub_connectors)
hub_add_test(tst_fakehttpserver SOURCES connectors/tst_fakehttpserver.cpp)
