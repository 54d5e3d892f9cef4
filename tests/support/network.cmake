# Fake services for the connector tests, added to hub_testsupport.
target_sources(hub_testsupport PRIVATE
    support/fakehttpserver.h support/fakehttpserver.cpp
    support/githubfixtures.h support/githubfixtures.cpp
    support/connectorharness.h support/connectorharness.cpp
)
