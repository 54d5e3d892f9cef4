#pragma once

#include "http/httptypes.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// A connector described as data: how to authenticate against a service, which streams of
// records to read, how to page through them and where each field goes. Parsed and checked
// by ManifestParser; the engine never sees an unchecked manifest.

struct SettingSpec
{
    enum class Type { String, List, Url, Integer, Boolean };
    QString name;
    Type type = Type::String;
    bool required = false;
    QString help;
    QString pattern; // a regular expression each value (each list item) must match
    QString defaultValue;
    // A regular expression with one capture group: when the source gives no value, the
    // captured part of the stored secret is used (Mailchimp's data centre, the "us21" of
    // "KEY-us21"). Only for parts of a secret that are not secret themselves.
    QString fromSecret;

    static QString typeName(Type type);
};

struct AuthSpec
{
    enum class Type { None, Bearer, Header, Basic, Query, OAuth2, ClientCredentials };
    Type type = Type::None;
    QString header = QStringLiteral("Authorization"); // Bearer and Header
    QString prefix;                                   // "Bearer ", "token ", "Key " ...
    QString queryParameter;                           // Query
    // Basic: stdin holds "FIRST:SECOND"; the names say what each part is for the user
    QString firstName;
    QString secondName;
    // OAuth2
    QUrl authorizeUrl;
    QUrl tokenUrl;
    QUrl revokeUrl;
    QStringList scopes;
    QString clientIdSetting = QStringLiteral("client_id");
    // OAuth2: fields of the token answer kept as the source's settings (setting -> field),
    // e.g. Salesforce's instance_url, which then serves as {settings.instance_url}.
    QMap<QString, QString> tokenSettings;
    // ClientCredentials: "FIRST:SECOND" (client id and secret) is exchanged at this address
    // for an access token, sent like a bearer token. An absolute URL, or a path on the base
    // URL; placeholders allowed.
    QString clientTokenUrl;
    bool clientTokenParametersInQuery = false; // Marketo: parameters in the query, not the form

    static QString typeName(Type type);
};

struct PaginationSpec
{
    enum class Type { None, LinkHeader, Cursor, NextUrl, Offset, PageNumber, GraphQL };
    Type type = Type::None;
    QString cursorPath;  // Cursor: where the next cursor is in the body
    QString hasMorePath; // Cursor/GraphQL: a boolean saying there is more
    QString parameter;   // Cursor: query parameter taking the cursor; Offset/Page: offset/page
    bool parameterInBody = false; // Cursor: the cursor goes into the JSON body, not the query
    QString lastPagePath;         // Cursor/Offset/Page: a boolean that is true on the last page
    QString sizeParameter;        // Offset/Page: limit/per_page
    int size = 100;
    int start = 0;        // Offset: first offset; Page: first page number
    QString nextUrlPath;  // NextUrl
    QString pageInfoPath; // GraphQL: path of pageInfo { hasNextPage endCursor }, or else
                          // cursorPath: the next cursor itself (null on the last page)
    QString cursorVariable = QStringLiteral("after"); // GraphQL variable taking endCursor

    static QString typeName(Type type);
};

struct CursorSpec
{
    QString field;     // record field holding the modification time; empty: full refresh
    QString parameter; // the request parameter taking it (for documentation and checks)
    // The service's filter is exclusive (">"): re-read one second before the cursor so that
    // records sharing the boundary time are not skipped (upserts make the overlap harmless).
    bool exclusive = false;
    // iso8601, epochSeconds, epochMilliseconds, or a date pattern in UTC such as
    // "yyyy/MM/dd HH:mm" (Jira's JQL)
    QString format = QStringLiteral("iso8601");
    QString initial;         // {cursor} when nothing is stored yet (or with --full)
    int lookbackSeconds = 0; // re-read this much before the cursor: coarse or lagging filters
    // Saved with the last page of a run rather than with every page: for services that do not
    // list the oldest changes first.
    bool commitAtEnd = false;
};

struct FieldMapping
{
    enum class Type { String, Integer, Number, DateTime, Date, Boolean, Json };
    QString column;
    QStringList paths; // the first that yields a value wins; "a.b", "labels[].name"
    Type type = Type::String;
    QJsonValue constant;  // used when set and no path is given
    QString join;         // for array projections: join the values with this text
    bool hasJoin = false; // "join" given, even as "" (rich-text runs joined with nothing)
    bool hasConstant = false;
    // A service's own words for a state, translated into the canonical ones (Mailchimp's
    // "save" is "draft"); a value not listed is written as it came.
    QMap<QString, QString> values;
};

struct RecordFilter
{
    QString path;
    enum class Test { Exists, Missing, Equals, NotEquals } test = Test::Exists;
    QJsonValue value;
};

struct RequestSpec
{
    QByteArray method = "GET";
    QString path;                         // relative to the source's base URL, with {placeholders}
    QList<QPair<QString, QString>> query; // values with {placeholders}; empty results are dropped
    QMap<QString, QString> headers;
    QString graphqlQuery; // when set, POST {"query": ..., "variables": ...}
    QJsonObject graphqlVariables;
    QJsonObject body; // a JSON body (POST), text values with {placeholders}
};

// A stream that reads an export of analytics events instead of pages of records: one request
// per period (a day or an hour), its body streamed to a temporary file, checked whole, then
// counted per user, event name and day into usage_event_counts and rolled up into
// feature_usage (see UsageRollup). Events are never held all at once.
struct EventsSpec
{
    enum class Container {
        Lines,         // newline-delimited JSON (Mixpanel)
        ZipOfGzipLines // a ZIP archive of gzipped newline-delimited JSON files (Amplitude)
    };
    enum class Period { Day, Hour };

    bool isSet = false;
    Container container = Container::Lines;
    Period period = Period::Day;
    QString periodFormat;    // {period.start} and {period.end}: QDateTime::toString, UTC
    QString startSetting;    // the setting holding the first day to fetch (yyyy-MM-dd)
    int lagHours = 0;        // a period is fetched once it ended at least this long ago
    int lookbackPeriods = 0; // periods before the stored cursor fetched again, for late events
    QString namePath;        // the event's name
    QStringList userPaths;   // the user's id: the first of these paths with a value
    QString timePath;        // when it happened: epoch seconds or milliseconds, or ISO 8601 text
    QString insertIdPath;    // optional: copies of one event share this id and count once
    int noDataStatus = 0;    // the HTTP status that means "no events in this period" (0: none)
};

struct StreamSpec
{
    QString name;
    QString title;
    QString forEach; // a list setting: the stream runs once per item ({item})
    RequestSpec request;
    QString recordsPath; // where the records are; empty when the body is the array
    QString recordsFormat = QStringLiteral("json"); // json, or ndjson for newline-delimited
    PaginationSpec pagination;
    CursorSpec cursor;
    QList<RecordFilter> filters;
    QString target; // canonical table
    QList<FieldMapping> mapping;
    QString hook; // a C++ hook registered by this name, for what data cannot say
    EventsSpec events;
};

// Services that report failures inside a 2xx body (Marketo: {"success":false,
// "errors":[{"code":"601",...}]}): where the code is, and which codes mean what.
struct ErrorBodySpec
{
    QString codePath; // empty: the body is never read for errors
    QString messagePath;
    QStringList authCodes;      // the access token expired or is invalid: renew it, try again
    QStringList rateLimitCodes; // throttled: wait rateLimitWaitSeconds, try again
    int rateLimitWaitSeconds = 20;

    bool isSet() const { return !codePath.isEmpty(); }
};

struct ConnectorManifest
{
    QString kind;
    QString title;
    QString category;
    QString description;
    QString defaultBaseUrl;
    QString fileName; // where it was loaded from
    bool builtIn = true;
    QList<SettingSpec> settings;
    AuthSpec auth;
    QMap<QString, QString> headers; // sent with every request
    RateLimitHeaders rateLimit;
    RetryPolicy retry;
    ErrorBodySpec errorBody;
    QList<StreamSpec> streams;

    const SettingSpec *setting(const QString &name) const;
    const StreamSpec *stream(const QString &name) const;
    // The names of the secrets this connector keeps in the keychain.
    QStringList secretNames() const;
};
