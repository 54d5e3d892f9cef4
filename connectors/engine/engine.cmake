# Sources of the connector engine, added to hub_connectors.
target_sources(hub_connectors PRIVATE
    manifest/connectormanifest.cpp manifest/connectormanifest.h
    manifest/manifestparser.cpp manifest/manifestparser.h
    manifest/connectorregistry.cpp manifest/connectorregistry.h
    manifest/settingsvalidator.cpp manifest/settingsvalidator.h
    engine/jsonrecord.cpp engine/jsonrecord.h
    engine/jsonslices.cpp engine/jsonslices.h
    engine/recordmapper.cpp engine/recordmapper.h
    engine/requestbuilder.cpp engine/requestbuilder.h
    engine/paginator.cpp engine/paginator.h
    engine/pageparser.cpp engine/pageparser.h
    engine/credentials.cpp engine/credentials.h
    engine/syncoutcome.cpp engine/syncoutcome.h
    engine/streamhook.cpp engine/streamhook.h
    engine/rowwriter.cpp engine/rowwriter.h
    engine/serviceerror.cpp engine/serviceerror.h
    engine/sourcesettings.cpp engine/sourcesettings.h
    engine/streamrunner.cpp engine/streamrunner.h
    engine/sourceworker.cpp engine/sourceworker.h
    engine/syncengine.cpp engine/syncengine.h
    engine/zipreader.cpp engine/zipreader.h
    engine/eventfilereader.cpp engine/eventfilereader.h
    engine/eventexportrunner.cpp engine/eventexportrunner.h
)
find_package(ZLIB REQUIRED)
target_link_libraries(hub_connectors PUBLIC ZLIB::ZLIB)
