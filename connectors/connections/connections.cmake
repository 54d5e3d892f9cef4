# The interface the Connections page uses to reach the connector engine.
target_sources(hub_connectors PRIVATE
    connections/connectionsservice.cpp connections/connectionsservice.h
)
target_link_libraries(hub_connectors PUBLIC Qt6::Concurrent)
