# The Connections page: kinds, sources with per-stream status, connecting and sync.
target_sources(hub_ui PRIVATE
    connections/connectionspage.cpp connections/connectionspage.h
    connections/kindicon.cpp connections/kindicon.h
    connections/kindscatalogue.cpp connections/kindscatalogue.h
    connections/addsourcedialog.cpp connections/addsourcedialog.h
    connections/credentialsdialog.cpp connections/credentialsdialog.h
    connections/sourcesmodel.cpp connections/sourcesmodel.h
    connections/sourcesview.cpp connections/sourcesview.h
    connections/syncscheduler.cpp connections/syncscheduler.h
)
target_link_libraries(hub_ui PUBLIC hub_connectors)
