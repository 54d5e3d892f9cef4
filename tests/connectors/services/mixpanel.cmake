hub_add_test(tst_mixpanel SOURCES connectors/services/tst_mixpanel.cpp connectors/services/fakemixpanel.h connectors/services/fakemixpanel.cpp LIBS hub_connectors)
