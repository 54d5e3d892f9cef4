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

    // extra: more placeholders, such as an event export's {period.start} and {period.end}.
    HttpRequest first(const QString &item, const QString &cursor,
                      const QHash<QString, QString> &extra = {}) const;

    // A base URL with its {settings.NAME} filled in: per-tenant hosts such as
    // https://{settings.munchkin_id}.mktorest.com. Invalid, with error naming the setting,
    // when a setting it needs has no value or the result is not an http(s) URL.
    static QUrl baseUrl(const QString &text, const ConnectorManifest &manifest,
                        const QJsonObject &settings, QString *error);

    static QString resolve(const QString &text, const QHash<QString, QString> &values);
    // Resolves every text value inside; a text that resolves to nothing is left out, and so
    // is an object or list left empty by that.
    static QJsonObject resolve(const QJsonObject &object, const QHash<QString, QString> &values);

    // The stream with {settings.NAME} resolved in its record paths (mapping, filters, cursor
    // field, records), for services whose field names are per-site, such as Jira's custom
    // fields for story points.
    static StreamSpec withSettings(const StreamSpec &stream, const QJsonObject &settings);

private:
    static QHash<QString, QString> values(const QJsonObject &settings, const QString &item,
                                          const QString &cursor);

    const ConnectorManifest &m_manifest;
    const StreamSpec &m_stream;
    QUrl m_baseUrl;
    QJsonObject m_settings;
};
