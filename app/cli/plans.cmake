# product-hub plans: launch plans on the command line. Included from app/CMakeLists.txt;
# paths are relative to this file.
target_sources(product-hub PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/planscommand.cpp ${CMAKE_CURRENT_LIST_DIR}/planscommand.h
    ${CMAKE_CURRENT_LIST_DIR}/plansview.cpp ${CMAKE_CURRENT_LIST_DIR}/plansview.h
    ${CMAKE_CURRENT_LIST_DIR}/plansexporters.cpp ${CMAKE_CURRENT_LIST_DIR}/plansexporters.h
    ${CMAKE_CURRENT_LIST_DIR}/planexportformats.cpp
)
