# Processing of stored webhook deliveries into rows and hub events.
hub_add_test(tst_webhookprocessing SOURCES connectors/webhooks/tst_webhookprocessing.cpp
    connectors/webhooks/webhookpayloads.cpp connectors/webhooks/webhookpayloads.h
    LIBS hub_connectors)
