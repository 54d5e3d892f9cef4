# Exports for stakeholders: CSV of tables, reports and views; PDF reports. No widgets here.
target_sources(hub_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/exportcolumn.cpp ${CMAKE_CURRENT_LIST_DIR}/exportcolumn.h
    ${CMAKE_CURRENT_LIST_DIR}/exportcontrol.h ${CMAKE_CURRENT_LIST_DIR}/exportsource.h
    ${CMAKE_CURRENT_LIST_DIR}/personaldata.cpp ${CMAKE_CURRENT_LIST_DIR}/personaldata.h
    ${CMAKE_CURRENT_LIST_DIR}/csvwriter.cpp ${CMAKE_CURRENT_LIST_DIR}/csvwriter.h
    ${CMAKE_CURRENT_LIST_DIR}/reporttablesource.cpp ${CMAKE_CURRENT_LIST_DIR}/reporttablesource.h
    ${CMAKE_CURRENT_LIST_DIR}/modelsource.cpp ${CMAKE_CURRENT_LIST_DIR}/modelsource.h
    ${CMAKE_CURRENT_LIST_DIR}/exporttables.cpp ${CMAKE_CURRENT_LIST_DIR}/exporttables.h
    ${CMAKE_CURRENT_LIST_DIR}/sqlsource.cpp ${CMAKE_CURRENT_LIST_DIR}/sqlsource.h
    ${CMAKE_CURRENT_LIST_DIR}/feedbacksource.cpp ${CMAKE_CURRENT_LIST_DIR}/feedbacksource.h
    ${CMAKE_CURRENT_LIST_DIR}/tableexport.cpp ${CMAKE_CURRENT_LIST_DIR}/tableexport.h
)
target_sources(hub_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/pdfpagesetup.cpp ${CMAKE_CURRENT_LIST_DIR}/pdfpagesetup.h
    ${CMAKE_CURRENT_LIST_DIR}/pdfstyle.cpp ${CMAKE_CURRENT_LIST_DIR}/pdfstyle.h
    ${CMAKE_CURRENT_LIST_DIR}/pdflayout.cpp ${CMAKE_CURRENT_LIST_DIR}/pdflayout.h
    ${CMAKE_CURRENT_LIST_DIR}/pdfcharts.cpp ${CMAKE_CURRENT_LIST_DIR}/pdfcharts.h
    ${CMAKE_CURRENT_LIST_DIR}/pdfdocument.cpp ${CMAKE_CURRENT_LIST_DIR}/pdfdocument.h
    ${CMAKE_CURRENT_LIST_DIR}/adoptionreportpdf.cpp ${CMAKE_CURRENT_LIST_DIR}/adoptionreportpdf.h
)
target_sources(hub_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/feedbackdigestpdf.cpp ${CMAKE_CURRENT_LIST_DIR}/feedbackdigestpdf.h
)
target_sources(hub_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/reporttablepdf.cpp ${CMAKE_CURRENT_LIST_DIR}/reporttablepdf.h
)
target_sources(hub_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/exportrequest.cpp ${CMAKE_CURRENT_LIST_DIR}/exportrequest.h
)
target_sources(hub_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/launchplanpdf.cpp ${CMAKE_CURRENT_LIST_DIR}/launchplanpdf.h
    ${CMAKE_CURRENT_LIST_DIR}/planexport.cpp ${CMAKE_CURRENT_LIST_DIR}/planexport.h
)
