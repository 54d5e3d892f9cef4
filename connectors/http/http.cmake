# Sources of connectors/http, added to hub_connectors.
target_sources(hub_connectors PRIVATE
    http/httptypes.h http/httptypes.cpp
    http/httpclient.h http/httpclient.cpp
    http/httpexchange.h http/httpexchange.cpp
    http/redaction.h http/redaction.cpp
    http/serverwait.h http/serverwait.cpp
    http/errorbody.h http/errorbody.cpp
    http/httpfailuretext.h http/httpfailuretext.cpp
)
