hub_add_test(tst_gitlab SOURCES connectors/services/tst_gitlab.cpp connectors/services/fakegitlab.h connectors/services/fakegitlab.cpp LIBS hub_connectors)
