#include "fakehubspot.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>

#include <algorithm>

FakeHubSpot::FakeHubSpot(FakeHttpServer &server, const QByteArray &token)
    : m_data(std::make_shared<Data>())
{
    m_data->token = token;
    const std::shared_ptr<Data> data = m_data;
    server.routePrefix("POST", QStringLiteral("/crm/v3/objects/"),
                       [data](const FakeHttpServer::Request &request) {
                           const QMutexLocker locker(&data->mutex);
                           if (request.header("authorization") != "Bearer " + data->token)
                               return error(401, "INVALID_AUTHENTICATION",
                                            QStringLiteral("Authentication credentials not found. "
                                                           "This API supports OAuth 2.0 "
                                                           "authentication."));
                           const QStringList parts = request.path.split(QLatin1Char('/'));
                           if (parts.size() != 6 || parts.at(5) != QLatin1String("search"))
                               return error(404, "OBJECT_NOT_FOUND",
                                            QStringLiteral("Unable to infer object type"));
                           return search(*data, parts.at(4), request);
                       });
}

QString FakeHubSpot::modifiedProperty(const QString &type)
{
    return type == QLatin1String("contacts") ? QStringLiteral("lastmodifieddate")
                                             : QStringLiteral("hs_lastmodifieddate");
}

void FakeHubSpot::setObject(const QString &type, const QString &id, const QJsonObject &properties,
                            const QDateTime &modified)
{
    const QMutexLocker locker(&m_data->mutex);
    const QString when = modified.toUTC().toString(Qt::ISODateWithMs);
    QJsonObject props = properties;
    props.insert(modifiedProperty(type), when);
    props.insert(QStringLiteral("hs_object_id"), id);
    const QJsonObject object{{QStringLiteral("id"), id},
                             {QStringLiteral("properties"), props},
                             {QStringLiteral("createdAt"), QStringLiteral("2025-11-03T10:00:00Z")},
                             {QStringLiteral("updatedAt"), when},
                             {QStringLiteral("archived"), false}};
    m_data->objects[type][id] = Object{object, modified};
}

QStringList FakeHubSpot::filterValues() const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->filterValues;
}

FakeHttpServer::Response FakeHubSpot::error(int status, const char *category,
                                            const QString &message)
{
    const QJsonObject body{
        {QStringLiteral("status"), QStringLiteral("error")},
        {QStringLiteral("message"), message},
        {QStringLiteral("correlationId"), QStringLiteral("aeb5f871-7f07-4993-9211-075dc63e7cbf")},
        {QStringLiteral("category"), QString::fromLatin1(category)}};
    return FakeHttpServer::Response::json(QJsonDocument(body).toJson(QJsonDocument::Compact),
                                          status);
}

FakeHttpServer::Response FakeHubSpot::search(Data &data, const QString &type,
                                             const FakeHttpServer::Request &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const int limit = body.value(QStringLiteral("limit")).toInt(10);
    if (limit > 200)
        return error(400, "VALIDATION_ERROR",
                     QStringLiteral("Invalid input JSON on line 1: limit must be at most 200"));
    const QString property = modifiedProperty(type);
    QDateTime from = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    const QJsonArray groups = body.value(QStringLiteral("filterGroups")).toArray();
    for (const QJsonValue &group : groups) {
        for (const QJsonValue &f : group.toObject().value(QStringLiteral("filters")).toArray()) {
            const QJsonObject filter = f.toObject();
            if (filter.value(QStringLiteral("propertyName")).toString() != property ||
                filter.value(QStringLiteral("operator")).toString() != QLatin1String("GTE"))
                return error(400, "VALIDATION_ERROR",
                             QStringLiteral("There was a problem with the request: unknown "
                                            "filter on %1")
                                 .arg(filter.value(QStringLiteral("propertyName")).toString()));
            const QString value = filter.value(QStringLiteral("value")).toString();
            data.filterValues.append(value);
            from = QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
        }
    }
    const QJsonArray sorts = body.value(QStringLiteral("sorts")).toArray();
    const bool ascending = !sorts.isEmpty() &&
                           sorts.first().toObject().value(QStringLiteral("direction")).toString() ==
                               QLatin1String("ASCENDING");
    QList<Object> matching;
    for (const Object &object : data.objects.value(type)) {
        if (object.modified >= from)
            matching.append(object);
    }
    std::sort(matching.begin(), matching.end(), [ascending](const Object &a, const Object &b) {
        return ascending ? a.modified < b.modified : a.modified > b.modified;
    });
    const int after = body.value(QStringLiteral("after")).toString().toInt();
    QJsonArray results;
    for (qsizetype i = after; i < matching.size() && results.size() < limit; ++i)
        results.append(matching.at(i).object);
    QJsonObject answer{{QStringLiteral("total"), int(matching.size())},
                       {QStringLiteral("results"), results}};
    if (after + results.size() < matching.size()) {
        const QString next = QString::number(after + results.size());
        answer.insert(QStringLiteral("paging"),
                      QJsonObject{{QStringLiteral("next"),
                                   QJsonObject{{QStringLiteral("after"), next},
                                               {QStringLiteral("link"),
                                                QStringLiteral("?after=%1").arg(next)}}}});
    }
    return FakeHttpServer::Response::json(QJsonDocument(answer).toJson(QJsonDocument::Compact));
}
