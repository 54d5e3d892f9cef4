# Drawing of launch timelines on any QPainter (the editor and the PDF pages). Qt Gui only.
target_sources(hub_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/ganttchartpainter.cpp ${CMAKE_CURRENT_LIST_DIR}/ganttchartpainter.h
)
