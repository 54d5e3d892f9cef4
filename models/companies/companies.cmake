# Companies across tools: the store of matches made by hand and the tree of companies with
# their identifiers in each service. Included from models/CMakeLists.txt.
target_sources(hub_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/companyedit.h
    ${CMAKE_CURRENT_LIST_DIR}/companystore.cpp ${CMAKE_CURRENT_LIST_DIR}/companystore.h
    ${CMAKE_CURRENT_LIST_DIR}/companytreemodel.cpp ${CMAKE_CURRENT_LIST_DIR}/companytreemodel.h
)
