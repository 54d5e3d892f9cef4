# Sources of connectors/webhooks (the webhook receiver), added to hub_connectors.
target_sources(hub_connectors PRIVATE
    webhooks/webhookevent.h webhooks/webhookprocessor.h webhooks/webhookrequest.h
    webhooks/verifiers/webhookverifier.cpp webhooks/verifiers/webhookverifier.h
    webhooks/verifiers/hmacverifier.cpp webhooks/verifiers/hmacverifier.h
    webhooks/verifiers/sharedsecretverifier.cpp webhooks/verifiers/sharedsecretverifier.h
    webhooks/verifiers/standardwebhooksverifier.cpp webhooks/verifiers/standardwebhooksverifier.h
    webhooks/verifiers/hubspotverifier.cpp webhooks/verifiers/hubspotverifier.h
    webhooks/verifiers/webhookverifiers.cpp webhooks/verifiers/webhookverifiers.h
    webhooks/webhooklogging.cpp webhooks/webhooklogging.h
    webhooks/webhookjournal.cpp webhooks/webhookjournal.h
    webhooks/webhookprocessors.cpp webhooks/webhookprocessors.h
    webhooks/webhookpipeline.cpp webhooks/webhookpipeline.h
    webhooks/webhooksecretcache.cpp webhooks/webhooksecretcache.h
    webhooks/webhookreceiver.cpp webhooks/webhookreceiver.h
    webhooks/webhookservice.cpp webhooks/webhookservice.h
)
target_link_libraries(hub_connectors PUBLIC Qt6::HttpServer)
