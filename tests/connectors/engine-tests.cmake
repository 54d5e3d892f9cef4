# Test suites for the connector engine.
hub_add_test(tst_manifest SOURCES connectors/tst_manifest.cpp LIBS hub_connectors)
hub_add_test(tst_enginepieces SOURCES connectors/tst_enginepieces.cpp LIBS hub_connectors)
hub_add_test(tst_syncengine SOURCES connectors/tst_syncengine.cpp LIBS hub_connectors)
hub_add_test(tst_synccli SOURCES connectors/tst_synccli.cpp LIBS hub_connectors TIMEOUT 600)
