# product-hub webhooks: the local webhook receiver, its secrets and its journal.
target_sources(product-hub PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/webhookscommand.cpp ${CMAKE_CURRENT_LIST_DIR}/webhookscommand.h
)
