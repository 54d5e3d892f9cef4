# The Companies page: companies across tools with their identifiers, split and merge.
# Included from ui/CMakeLists.txt; paths are relative to this file.
target_sources(hub_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/companyeditcommand.cpp ${CMAKE_CURRENT_LIST_DIR}/companyeditcommand.h
    ${CMAKE_CURRENT_LIST_DIR}/mergetargetdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/mergetargetdialog.h
    ${CMAKE_CURRENT_LIST_DIR}/companiespage.cpp ${CMAKE_CURRENT_LIST_DIR}/companiespage.h
)
