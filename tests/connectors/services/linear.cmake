hub_add_test(tst_linear SOURCES connectors/services/tst_linear.cpp connectors/services/fakelinear.h connectors/services/fakelinear.cpp LIBS hub_connectors)
