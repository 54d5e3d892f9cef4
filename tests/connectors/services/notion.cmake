hub_add_test(tst_notion SOURCES connectors/services/tst_notion.cpp connectors/services/fakenotion.h connectors/services/fakenotion.cpp LIBS hub_connectors)
