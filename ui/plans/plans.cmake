# The Launch plans page: the Gantt timeline editor over models/launch, and its side panel.
target_sources(hub_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/ganttmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/ganttmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/dependencymodel.cpp ${CMAKE_CURRENT_LIST_DIR}/dependencymodel.h
    ${CMAKE_CURRENT_LIST_DIR}/plancommand.cpp ${CMAKE_CURRENT_LIST_DIR}/plancommand.h
    ${CMAKE_CURRENT_LIST_DIR}/gantteditor.cpp ${CMAKE_CURRENT_LIST_DIR}/gantteditor.h
    ${CMAKE_CURRENT_LIST_DIR}/ganttview.cpp ${CMAKE_CURRENT_LIST_DIR}/ganttview.h
    ${CMAKE_CURRENT_LIST_DIR}/gantttreeview.cpp ${CMAKE_CURRENT_LIST_DIR}/gantttreeview.h
    ${CMAKE_CURRENT_LIST_DIR}/planautosaver.cpp ${CMAKE_CURRENT_LIST_DIR}/planautosaver.h
    ${CMAKE_CURRENT_LIST_DIR}/planloader.cpp ${CMAKE_CURRENT_LIST_DIR}/planloader.h
    ${CMAKE_CURRENT_LIST_DIR}/assessmentpanel.cpp ${CMAKE_CURRENT_LIST_DIR}/assessmentpanel.h
    ${CMAKE_CURRENT_LIST_DIR}/newplandialog.cpp ${CMAKE_CURRENT_LIST_DIR}/newplandialog.h
    ${CMAKE_CURRENT_LIST_DIR}/launchplanspage.cpp ${CMAKE_CURRENT_LIST_DIR}/launchplanspage.h
)
target_include_directories(hub_ui PUBLIC ${CMAKE_CURRENT_LIST_DIR})
