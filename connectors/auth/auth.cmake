# Sources of connectors/auth, added to hub_connectors.
target_sources(hub_connectors PRIVATE
    auth/formencoding.cpp auth/formencoding.h
    auth/oauthconfig.h
    auth/oauthflow.cpp auth/oauthflow.h
    auth/oauthloopbackreceiver.cpp auth/oauthloopbackreceiver.h
    auth/oauthtokenclient.cpp auth/oauthtokenclient.h
    auth/pkce.cpp auth/pkce.h
)
