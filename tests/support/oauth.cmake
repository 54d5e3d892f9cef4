# Test support for connectors/auth, added to hub_testsupport.
target_sources(hub_testsupport PRIVATE
    support/fakeoauthserver.cpp support/fakeoauthserver.h
)
