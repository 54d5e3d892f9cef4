#include "fakehubspotmarketing.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>

#include <algorithm>

namespace {

QString isoMs(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QList<QJsonObject> byUpdate(QList<std::pair<QDateTime, QJsonObject>> items)
{
    std::stable_sort(items.begin(), items.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<QJsonObject> sorted;
    for (const auto &item : items)
        sorted.append(item.second);
    return sorted;
}

} // namespace

FakeHubSpotMarketing::FakeHubSpotMarketing(FakeHttpServer &server, const QByteArray &token)
    : m_data(std::make_shared<Data>())
{
    m_data->token = token;
    const std::shared_ptr<Data> data = m_data;
    const auto guarded =
        [data](FakeHttpServer::Response (*answer)(Data &, const FakeHttpServer::Request &)) {
            return [data, answer](const FakeHttpServer::Request &request) {
                const QMutexLocker locker(&data->mutex);
                if (request.header("authorization") != "Bearer " + data->token)
                    return error(401, "INVALID_AUTHENTICATION",
                                 QStringLiteral("Authentication credentials not found. This API "
                                                "supports OAuth 2.0 authentication."));
                return answer(*data, request);
            };
        };
    server.route("GET", QStringLiteral("/marketing/v3/campaigns"), guarded(&campaigns));
    server.route("GET", QStringLiteral("/marketing/v3/emails"), guarded(&emails));
}

void FakeHubSpotMarketing::setCampaign(const QString &guid, const QJsonObject &properties,
                                       const QDateTime &updated)
{
    const QMutexLocker locker(&m_data->mutex);
    const QJsonObject object{
        {QStringLiteral("id"), guid},
        {QStringLiteral("properties"), properties},
        {QStringLiteral("createdAt"), QStringLiteral("2025-12-01T10:00:00.000Z")},
        {QStringLiteral("updatedAt"), isoMs(updated)},
        {QStringLiteral("businessUnits"), QJsonArray{QJsonObject{{QStringLiteral("id"), 0}}}}};
    m_data->campaigns.insert(guid, Item{object, updated});
}

void FakeHubSpotMarketing::setEmail(const QString &id, const QJsonObject &fields,
                                    const QDateTime &updated)
{
    const QMutexLocker locker(&m_data->mutex);
    QJsonObject object = fields;
    object.insert(QStringLiteral("id"), id);
    object.insert(QStringLiteral("createdAt"), QStringLiteral("2025-12-02T08:00:00.000Z"));
    object.insert(QStringLiteral("updatedAt"), isoMs(updated));
    object.insert(QStringLiteral("archived"), false);
    m_data->emails.insert(id, Item{object, updated});
}

QStringList FakeHubSpotMarketing::updatedAfter() const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->updatedAfter;
}

QStringList FakeHubSpotMarketing::requestedProperties() const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->properties;
}

FakeHttpServer::Response FakeHubSpotMarketing::error(int status, const char *category,
                                                     const QString &message)
{
    const QJsonObject body{
        {QStringLiteral("status"), QStringLiteral("error")},
        {QStringLiteral("message"), message},
        {QStringLiteral("correlationId"), QStringLiteral("5c0b2f3e-8d1a-4e6b-9f2c-7a3d1e0b9c8f")},
        {QStringLiteral("category"), QString::fromLatin1(category)}};
    return FakeHttpServer::Response::json(QJsonDocument(body).toJson(QJsonDocument::Compact),
                                          status);
}

FakeHttpServer::Response FakeHubSpotMarketing::page(QList<QJsonObject> items,
                                                    const QUrlQuery &query)
{
    const int limit = query.hasQueryItem(QStringLiteral("limit"))
                          ? query.queryItemValue(QStringLiteral("limit")).toInt()
                          : 10;
    if (limit < 1 || limit > 100)
        return error(400, "VALIDATION_ERROR",
                     QStringLiteral("limit: must be less than or equal to 100"));
    const int after = query.queryItemValue(QStringLiteral("after")).toInt();
    QJsonArray results;
    for (qsizetype i = after; i < items.size() && results.size() < limit; ++i)
        results.append(items.at(i));
    QJsonObject answer{{QStringLiteral("total"), int(items.size())},
                       {QStringLiteral("results"), results}};
    if (after + results.size() < items.size()) {
        const QString next = QString::number(after + results.size());
        answer.insert(QStringLiteral("paging"),
                      QJsonObject{{QStringLiteral("next"),
                                   QJsonObject{{QStringLiteral("after"), next},
                                               {QStringLiteral("link"),
                                                QStringLiteral("?after=%1").arg(next)}}}});
    }
    return FakeHttpServer::Response::json(QJsonDocument(answer).toJson(QJsonDocument::Compact));
}

FakeHttpServer::Response FakeHubSpotMarketing::campaigns(Data &data,
                                                         const FakeHttpServer::Request &request)
{
    const QString asked =
        request.query.queryItemValue(QStringLiteral("properties"), QUrl::FullyDecoded);
    data.properties.append(asked);
    const QStringList names = asked.split(QLatin1Char(','), Qt::SkipEmptyParts);
    QList<std::pair<QDateTime, QJsonObject>> items;
    for (const Item &item : std::as_const(data.campaigns)) {
        // Only the properties asked for come back; one without a value comes back as null.
        QJsonObject object = item.object;
        const QJsonObject all = object.value(QStringLiteral("properties")).toObject();
        QJsonObject chosen;
        for (const QString &name : names)
            chosen.insert(name, all.contains(name) ? all.value(name) : QJsonValue());
        object.insert(QStringLiteral("properties"), chosen);
        items.append({item.updated, object});
    }
    return page(byUpdate(items), request.query);
}

FakeHttpServer::Response FakeHubSpotMarketing::emails(Data &data,
                                                      const FakeHttpServer::Request &request)
{
    QDateTime after;
    if (request.query.hasQueryItem(QStringLiteral("updatedAfter"))) {
        const QString value =
            request.query.queryItemValue(QStringLiteral("updatedAfter"), QUrl::FullyDecoded);
        data.updatedAfter.append(value);
        after = QDateTime::fromString(value, Qt::ISODate);
        if (!after.isValid())
            return error(400, "VALIDATION_ERROR",
                         QStringLiteral("updatedAfter: could not parse date-time %1").arg(value));
    }
    if (request.query.queryItemValue(QStringLiteral("sort")) != QLatin1String("updatedAt"))
        return error(400, "VALIDATION_ERROR", QStringLiteral("sort: unsupported value"));
    const bool stats =
        request.query.queryItemValue(QStringLiteral("includeStats")) == QLatin1String("true");
    QList<std::pair<QDateTime, QJsonObject>> items;
    for (const Item &item : std::as_const(data.emails)) {
        if (after.isValid() && item.updated <= after)
            continue;
        QJsonObject object = item.object;
        if (stats)
            object.insert(
                QStringLiteral("stats"),
                QJsonObject{
                    {QStringLiteral("counters"), QJsonObject{{QStringLiteral("sent"), 5120},
                                                             {QStringLiteral("delivered"), 5088},
                                                             {QStringLiteral("open"), 2214},
                                                             {QStringLiteral("click"), 391}}},
                    {QStringLiteral("ratios"), QJsonObject{{QStringLiteral("openratio"), 43.51},
                                                           {QStringLiteral("clickratio"), 7.68}}}});
        items.append({item.updated, object});
    }
    return page(byUpdate(items), request.query);
}
