hub_add_test(tst_figma SOURCES connectors/services/tst_figma.cpp connectors/services/fakefigma.h connectors/services/fakefigma.cpp LIBS hub_connectors)
