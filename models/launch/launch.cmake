# Launch planning: the plan value, its schedule rules, storage, JSON review copies, timeline
# templates and the launch coordinator. Included from models/CMakeLists.txt; paths are
# relative to this file.
target_sources(hub_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/launchplan.h
    ${CMAKE_CURRENT_LIST_DIR}/planschedule.cpp ${CMAKE_CURRENT_LIST_DIR}/planschedule.h
    ${CMAKE_CURRENT_LIST_DIR}/plantemplate.cpp ${CMAKE_CURRENT_LIST_DIR}/plantemplate.h
    ${CMAKE_CURRENT_LIST_DIR}/planstore.cpp ${CMAKE_CURRENT_LIST_DIR}/planstore.h
    ${CMAKE_CURRENT_LIST_DIR}/planjson.cpp ${CMAKE_CURRENT_LIST_DIR}/planjson.h
    ${CMAKE_CURRENT_LIST_DIR}/launchassessment.h
    ${CMAKE_CURRENT_LIST_DIR}/launchcontext.cpp ${CMAKE_CURRENT_LIST_DIR}/launchcontext.h
    ${CMAKE_CURRENT_LIST_DIR}/marketingalignment.cpp ${CMAKE_CURRENT_LIST_DIR}/marketingalignment.h
    ${CMAKE_CURRENT_LIST_DIR}/successmetrics.cpp ${CMAKE_CURRENT_LIST_DIR}/successmetrics.h
    ${CMAKE_CURRENT_LIST_DIR}/launchcoordinator.cpp ${CMAKE_CURRENT_LIST_DIR}/launchcoordinator.h
)
