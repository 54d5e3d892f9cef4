# Every built-in connector driven through the product-hub command line against its fake.
hub_add_test(tst_connectorscli
    SOURCES connectors/services/tst_connectorscli.cpp
        connectors/services/fakeaha.h connectors/services/fakeaha.cpp
        connectors/services/fakeasana.h connectors/services/fakeasana.cpp
        connectors/services/fakefigma.h connectors/services/fakefigma.cpp
        connectors/services/fakegitlab.h connectors/services/fakegitlab.cpp
        connectors/services/fakehotjar.h connectors/services/fakehotjar.cpp
        connectors/services/fakehubspot.h connectors/services/fakehubspot.cpp
        connectors/services/fakehubspotmarketing.h connectors/services/fakehubspotmarketing.cpp
        connectors/services/fakejira.h connectors/services/fakejira.cpp
        connectors/services/fakelinear.h connectors/services/fakelinear.cpp
        connectors/services/fakemailchimp.h connectors/services/fakemailchimp.cpp
        connectors/services/fakemarketo.h connectors/services/fakemarketo.cpp
        connectors/services/fakemixpanel.h connectors/services/fakemixpanel.cpp
        connectors/services/fakemonday.h connectors/services/fakemonday.cpp
        connectors/services/fakenotion.h connectors/services/fakenotion.cpp
        connectors/services/fakepipedrive.h connectors/services/fakepipedrive.cpp
        connectors/services/fakeproductboard.h connectors/services/fakeproductboard.cpp
        connectors/services/fakequaltrics.h connectors/services/fakequaltrics.cpp
        connectors/services/fakesalesforce.h connectors/services/fakesalesforce.cpp
        connectors/services/fakeuservoice.h connectors/services/fakeuservoice.cpp
    LIBS hub_connectors
    TIMEOUT 600)
# The suite runs the executable named by HUB_CLI: building the suite builds it too.
add_dependencies(tst_connectorscli product-hub)
