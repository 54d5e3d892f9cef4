# product-hub usage: the mapping of analytics events to features.
target_sources(product-hub PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/usagecommand.cpp ${CMAKE_CURRENT_LIST_DIR}/usagecommand.h
)
