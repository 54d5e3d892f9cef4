hub_add_test(tst_amplitude SOURCES connectors/services/tst_amplitude.cpp connectors/services/fakeamplitude.h connectors/services/fakeamplitude.cpp LIBS hub_connectors)
