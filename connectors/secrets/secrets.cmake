# Sources of connectors/secrets, added to hub_connectors.
target_sources(hub_connectors PRIVATE
    secrets/secretstore.cpp secrets/secretstore.h
    secrets/keychainsecretstore.cpp secrets/keychainsecretstore.h
    secrets/unavailablesecretstore.cpp secrets/unavailablesecretstore.h
)
