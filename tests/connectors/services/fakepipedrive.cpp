#include "fakepipedrive.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>

#include <algorithm>

FakePipedrive::FakePipedrive(FakeHttpServer &server, const QByteArray &token)
    : m_data(std::make_shared<Data>())
{
    m_data->token = token;
    const std::shared_ptr<Data> data = m_data;
    for (const QString &kind : {QStringLiteral("deals"), QStringLiteral("organizations")}) {
        server.route("GET", QStringLiteral("/api/v2/") + kind,
                     [data, kind](const FakeHttpServer::Request &request) {
                         const QMutexLocker locker(&data->mutex);
                         if (request.query.queryItemValue(QStringLiteral("api_token")).toUtf8() !=
                             data->token)
                             return error(401, QStringLiteral("unauthorized access"),
                                          QStringLiteral("Please check developers.pipedrive.com"));
                         return list(*data, kind, request);
                     });
    }
}

QString FakePipedrive::time(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODate);
}

void FakePipedrive::setDeal(int id, const QJsonObject &fields, const QDateTime &updated)
{
    const QMutexLocker locker(&m_data->mutex);
    QJsonObject object = fields;
    object.insert(QStringLiteral("id"), id);
    object.insert(QStringLiteral("update_time"), time(updated));
    m_data->items[QStringLiteral("deals")][id] = Item{object, updated};
}

void FakePipedrive::setOrganization(int id, const QString &name, const QDateTime &updated)
{
    const QMutexLocker locker(&m_data->mutex);
    const QJsonObject object{{QStringLiteral("id"), id},
                             {QStringLiteral("name"), name},
                             {QStringLiteral("owner_id"), 12},
                             {QStringLiteral("add_time"), QStringLiteral("2025-10-01T08:00:00Z")},
                             {QStringLiteral("update_time"), time(updated)},
                             {QStringLiteral("is_deleted"), false},
                             {QStringLiteral("visible_to"), 3}};
    m_data->items[QStringLiteral("organizations")][id] = Item{object, updated};
}

QStringList FakePipedrive::updatedSince() const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->updatedSince;
}

FakeHttpServer::Response FakePipedrive::error(int status, const QString &message,
                                              const QString &info)
{
    const QJsonObject body{{QStringLiteral("success"), false},
                           {QStringLiteral("error"), message},
                           {QStringLiteral("error_info"), info},
                           {QStringLiteral("data"), QJsonValue::Null},
                           {QStringLiteral("additional_data"), QJsonValue::Null}};
    return FakeHttpServer::Response::json(QJsonDocument(body).toJson(QJsonDocument::Compact),
                                          status);
}

FakeHttpServer::Response FakePipedrive::list(Data &data, const QString &kind,
                                             const FakeHttpServer::Request &request)
{
    const QUrlQuery &q = request.query;
    const int limit = q.queryItemValue(QStringLiteral("limit")).toInt();
    if (limit < 1 || limit > 500)
        return error(400,
                     QStringLiteral("Validation failed: limit: Parameter must be a number "
                                    "between 1 and 500"),
                     QStringLiteral("Please check developers.pipedrive.com"));
    const QString since = q.queryItemValue(QStringLiteral("updated_since"), QUrl::FullyDecoded);
    data.updatedSince.append(since);
    const QDateTime from =
        since.isEmpty() ? QDateTime() : QDateTime::fromString(since, Qt::ISODate);
    if (!since.isEmpty() && !from.isValid())
        return error(400, QStringLiteral("Validation failed: updated_since: Invalid date"),
                     QStringLiteral("Please check developers.pipedrive.com"));
    const QString status = q.queryItemValue(QStringLiteral("status"));
    QList<Item> matching;
    for (const Item &item : data.items.value(kind)) {
        if (from.isValid() && item.updated < from)
            continue;
        if (!status.isEmpty() && item.object.value(QStringLiteral("status")).toString() != status)
            continue;
        matching.append(item);
    }
    const bool ascending =
        q.queryItemValue(QStringLiteral("sort_by")) == QLatin1String("update_time") &&
        q.queryItemValue(QStringLiteral("sort_direction")) == QLatin1String("asc");
    std::sort(matching.begin(), matching.end(), [ascending](const Item &a, const Item &b) {
        return ascending ? a.updated < b.updated
                         : a.object.value(QStringLiteral("id")).toInt() <
                               b.object.value(QStringLiteral("id")).toInt();
    });
    // The cursor is opaque to clients; here it is the position, base64-encoded.
    const int offset =
        QByteArray::fromBase64(q.queryItemValue(QStringLiteral("cursor")).toLatin1()).toInt();
    QJsonArray page;
    for (qsizetype i = offset; i < matching.size() && page.size() < limit; ++i)
        page.append(matching.at(i).object);
    const qsizetype next = offset + page.size();
    const QJsonValue cursor =
        next < matching.size()
            ? QJsonValue(QString::fromLatin1(QByteArray::number(qint64(next)).toBase64()))
            : QJsonValue(QJsonValue::Null);
    const QJsonObject body{
        {QStringLiteral("success"), true},
        {QStringLiteral("data"), page},
        {QStringLiteral("additional_data"), QJsonObject{{QStringLiteral("next_cursor"), cursor}}}};
    return FakeHttpServer::Response::json(QJsonDocument(body).toJson(QJsonDocument::Compact));
}
