# Usage events from analytics tools: per-period counts, the event-to-feature mapping and the
# roll-up into feature_usage.
target_sources(hub_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/usageperiod.cpp ${CMAKE_CURRENT_LIST_DIR}/usageperiod.h
    ${CMAKE_CURRENT_LIST_DIR}/usagerollup.cpp ${CMAKE_CURRENT_LIST_DIR}/usagerollup.h
    ${CMAKE_CURRENT_LIST_DIR}/eventmapping.cpp ${CMAKE_CURRENT_LIST_DIR}/eventmapping.h
)
