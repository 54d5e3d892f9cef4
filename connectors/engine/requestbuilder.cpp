#include "requestbuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>

RequestBuilder::RequestBuilder(const ConnectorManifest &manifest, const StreamSpec &stream,
                               const QUrl &baseUrl, const QJsonObject &settings)
    : m_manifest(manifest)
    , m_stream(stream)
    , m_baseUrl(baseUrl)
    , m_settings(settings)
{
}

QString RequestBuilder::resolve(const QString &text, const QHash<QString, QString> &values)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z0-9_.]+)\\}"));
    QString out;
    qsizetype last = 0;
    auto it = placeholder.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += values.value(m.captured(1));
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

namespace {

QJsonValue resolveValue(const QJsonValue &value, const QHash<QString, QString> &values)
{
    if (value.isString()) {
        const QString resolved = RequestBuilder::resolve(value.toString(), values);
        return resolved.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(resolved);
    }
    if (value.isObject()) {
        const QJsonObject object = RequestBuilder::resolve(value.toObject(), values);
        return object.isEmpty() && !value.toObject().isEmpty() ? QJsonValue(QJsonValue::Undefined)
                                                               : QJsonValue(object);
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray()) {
            const QJsonValue resolved = resolveValue(item, values);
            if (!resolved.isUndefined())
                out.append(resolved);
        }
        return out.isEmpty() && !value.toArray().isEmpty() ? QJsonValue(QJsonValue::Undefined)
                                                           : QJsonValue(out);
    }
    return value;
}

} // namespace

QJsonObject RequestBuilder::resolve(const QJsonObject &object,
                                    const QHash<QString, QString> &values)
{
    QJsonObject out;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QJsonValue resolved = resolveValue(it.value(), values);
        if (!resolved.isUndefined())
            out.insert(it.key(), resolved);
    }
    return out;
}

StreamSpec RequestBuilder::withSettings(const StreamSpec &stream, const QJsonObject &settings)
{
    const QHash<QString, QString> vals = values(settings, QString(), QString());
    StreamSpec resolved = stream;
    // A path naming an optional setting the source left empty would otherwise point at the
    // parent object ("properties.{settings.x}" becoming "properties"): it is left out.
    static const QRegularExpression named(QStringLiteral("\\{settings\\.([A-Za-z0-9_]+)\\}"));
    for (FieldMapping &field : resolved.mapping) {
        QStringList kept;
        for (const QString &path : std::as_const(field.paths)) {
            bool empty = false;
            for (auto it = named.globalMatch(path); it.hasNext() && !empty;)
                empty = vals.value(QStringLiteral("settings.") + it.next().captured(1)).isEmpty();
            if (!empty)
                kept.append(resolve(path, vals));
        }
        field.paths = kept;
    }
    for (RecordFilter &filter : resolved.filters)
        filter.path = resolve(filter.path, vals);
    resolved.cursor.field = resolve(resolved.cursor.field, vals);
    resolved.recordsPath = resolve(resolved.recordsPath, vals);
    return resolved;
}

QHash<QString, QString> RequestBuilder::values(const QJsonObject &settings, const QString &item,
                                               const QString &cursor)
{
    QHash<QString, QString> values;
    values.insert(QStringLiteral("item"), item);
    values.insert(QStringLiteral("cursor"), cursor);
    for (auto it = settings.constBegin(); it != settings.constEnd(); ++it) {
        const QJsonValue v = it.value();
        QString text;
        if (v.isArray()) {
            QStringList parts;
            for (const QJsonValue &part : v.toArray())
                parts.append(part.toVariant().toString());
            text = parts.join(QLatin1Char(','));
        } else {
            text = v.toVariant().toString();
        }
        values.insert(QStringLiteral("settings.") + it.key(), text);
    }
    return values;
}

QUrl RequestBuilder::baseUrl(const QString &text, const ConnectorManifest &manifest,
                             const QJsonObject &settings, QString *error)
{
    static const QRegularExpression named(QStringLiteral("\\{settings\\.([A-Za-z0-9_]+)\\}"));
    const QHash<QString, QString> vals = values(settings, QString(), QString());
    for (auto it = named.globalMatch(text); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (vals.value(QStringLiteral("settings.") + name).isEmpty()) {
            const SettingSpec *spec = manifest.setting(name);
            *error = QObject::tr("The address of %1 needs the setting \"%2\"%3. Set it with "
                                 "'product-hub sources add ... --set %2=VALUE'.")
                         .arg(manifest.title, name,
                              spec ? QStringLiteral(" (%1)").arg(spec->help) : QString());
            return {};
        }
    }
    const QUrl url(resolve(text, vals));
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        *error = QObject::tr("The address of %1 is not a valid http(s) URL: \"%2\"")
                     .arg(manifest.title, url.toString());
        return {};
    }
    return url;
}

HttpRequest RequestBuilder::first(const QString &item, const QString &cursor,
                                  const QHash<QString, QString> &extra) const
{
    QHash<QString, QString> vals = values(m_settings, item, cursor);
    vals.insert(extra);
    HttpRequest request;
    request.method = m_stream.request.method;

    QUrl url = m_baseUrl;
    QString basePath = url.path();
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    // Values go into the path percent-encoded, but "acme/rocket" keeps its slash: GitHub
    // wants owner and repository as two segments.
    QHash<QString, QString> pathValues;
    for (auto it = vals.constBegin(); it != vals.constEnd(); ++it)
        pathValues.insert(it.key(), QString::fromLatin1(QUrl::toPercentEncoding(it.value(), "/")));
    url.setPath(basePath + resolve(m_stream.request.path, pathValues), QUrl::StrictMode);

    QUrlQuery query;
    for (const auto &[name, value] : m_stream.request.query) {
        const QString resolved = resolve(value, vals);
        if (!resolved.isEmpty())
            query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(resolved)));
    }
    const PaginationSpec &page = m_stream.pagination;
    if ((page.type == PaginationSpec::Type::Offset ||
         page.type == PaginationSpec::Type::PageNumber)) {
        query.removeAllQueryItems(page.parameter);
        query.addQueryItem(page.parameter, QString::number(page.start));
        if (!page.sizeParameter.isEmpty()) {
            query.removeAllQueryItems(page.sizeParameter);
            query.addQueryItem(page.sizeParameter, QString::number(page.size));
        }
    }
    url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    request.url = url;

    for (auto it = m_manifest.headers.constBegin(); it != m_manifest.headers.constEnd(); ++it)
        request.setHeader(it.key().toLatin1(), resolve(it.value(), vals).toUtf8());
    for (auto it = m_stream.request.headers.constBegin(); it != m_stream.request.headers.constEnd();
         ++it)
        request.setHeader(it.key().toLatin1(), resolve(it.value(), vals).toUtf8());

    if (!m_stream.request.graphqlQuery.isEmpty()) {
        request.body =
            QJsonDocument(QJsonObject{{QStringLiteral("query"), m_stream.request.graphqlQuery},
                                      {QStringLiteral("variables"),
                                       resolve(m_stream.request.graphqlVariables, vals)}})
                .toJson(QJsonDocument::Compact);
        request.setHeader("Content-Type", "application/json");
    } else if (!m_stream.request.body.isEmpty()) {
        request.body =
            QJsonDocument(resolve(m_stream.request.body, vals)).toJson(QJsonDocument::Compact);
        request.setHeader("Content-Type", "application/json");
    }
    return request;
}
