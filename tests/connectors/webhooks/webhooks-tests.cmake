# Test suites for connectors/webhooks, and the signer of deliveries they share with the
# benchmark.
target_sources(hub_testsupport PRIVATE
    connectors/webhooks/webhooksigner.cpp connectors/webhooks/webhooksigner.h
)
target_include_directories(hub_testsupport PUBLIC ${CMAKE_CURRENT_LIST_DIR})
hub_add_test(tst_webhookverifiers SOURCES connectors/webhooks/tst_webhookverifiers.cpp)
hub_add_test(tst_webhookreceiver SOURCES connectors/webhooks/tst_webhookreceiver.cpp
    connectors/webhooks/memorysecretstore.h)
# Runs "product-hub webhooks serve" as a child; needs the keychain (skips without it).
hub_add_test(tst_webhookkill SOURCES connectors/webhooks/tst_webhookkill.cpp)
add_dependencies(tst_webhookkill product-hub)
hub_add_test(tst_webhookservice SOURCES connectors/webhooks/tst_webhookservice.cpp)
