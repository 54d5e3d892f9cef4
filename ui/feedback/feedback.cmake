# The Feedback inbox: search, filters, reading pane and keyboard triage over models/feedback.
target_sources(hub_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/feedbackfilterbar.cpp ${CMAKE_CURRENT_LIST_DIR}/feedbackfilterbar.h
    ${CMAKE_CURRENT_LIST_DIR}/feedbackloader.cpp ${CMAKE_CURRENT_LIST_DIR}/feedbackloader.h
    ${CMAKE_CURRENT_LIST_DIR}/feedbackreadingpane.cpp ${CMAKE_CURRENT_LIST_DIR}/feedbackreadingpane.h
    ${CMAKE_CURRENT_LIST_DIR}/feedbacktableview.cpp ${CMAKE_CURRENT_LIST_DIR}/feedbacktableview.h
    ${CMAKE_CURRENT_LIST_DIR}/triagecommand.cpp ${CMAKE_CURRENT_LIST_DIR}/triagecommand.h
    ${CMAKE_CURRENT_LIST_DIR}/feedbackmorefilters.cpp ${CMAKE_CURRENT_LIST_DIR}/feedbackmorefilters.h
    ${CMAKE_CURRENT_LIST_DIR}/newfeaturedialog.cpp ${CMAKE_CURRENT_LIST_DIR}/newfeaturedialog.h
    ${CMAKE_CURRENT_LIST_DIR}/feedbackpage.cpp ${CMAKE_CURRENT_LIST_DIR}/feedbackpage.h
)
target_include_directories(hub_ui PUBLIC ${CMAKE_CURRENT_LIST_DIR})
