#pragma once

#include "http/httptypes.h"
#include "manifest/connectormanifest.h"

#include <QHash>

// Builds a stream's first request from its manifest, the source's settings and the cursor.
// Placeholders: {item} (the current value of a forEach list), {cursor} (the stream's
// cursor in the format the manifest asks for) and {settings.NAME}. A query parameter whose
// value resolves to nothing is left out, so "since": "{cursor}" disappears on a first sync.
class RequestBuilder
{
public:
    RequestBuilder(const ConnectorManifest &manifest, const StreamSpec &stream, const QUrl &baseUrl,
                   const QJsonObject &settings);

    HttpRequest first(const QString &item, const QString &cursor) const;

    static QString resolve(const QString &text, const QHash<QString, QString> &values);

private:
    QHash<QString, QString> values(const QString &item, const QString &cursor) const;

    const ConnectorManifest &m_manifest;
    const StreamSpec &m_stream;
    QUrl m_baseUrl;
    QJsonObject m_settings;
};
