#pragma once

#include "connectormanifest.h"

#include <optional>

// Reads a connector manifest and checks it against the manifest schema. Errors name the
// file, the field (as a path such as streams[1].pagination.type) and what was expected.
class ManifestParser
{
public:
    struct Result
    {
        std::optional<ConnectorManifest> manifest;
        QString error;
    };

    static Result parse(const QByteArray &json, const QString &fileName);

    // The canonical tables a stream may write to, with the columns a mapping may fill.
    static const QMap<QString, QStringList> &targetColumns();
};
