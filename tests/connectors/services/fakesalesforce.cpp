#include "fakesalesforce.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QRegularExpression>

#include <algorithm>

FakeSalesforce::FakeSalesforce(FakeHttpServer &server, const QByteArray &token,
                               const QString &version)
    : m_data(std::make_shared<Data>())
{
    m_data->token = token;
    m_data->version = version;
    const std::shared_ptr<Data> data = m_data;
    const QString base = QStringLiteral("/services/data/v%1/query").arg(version);
    server.route("GET", base, [data](const FakeHttpServer::Request &request) {
        const QMutexLocker locker(&data->mutex);
        if (request.header("authorization") != "Bearer " + data->token)
            return error(401, "INVALID_SESSION_ID", QStringLiteral("Session expired or invalid"));
        const QString soql = request.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
        data->queries.append(soql);
        static const QRegularExpression form(QStringLiteral(
            "^SELECT (.+) FROM (\\w+) WHERE SystemModstamp > (\\S+) ORDER BY SystemModstamp ASC$"));
        const QRegularExpressionMatch m = form.match(soql);
        const QDateTime after = QDateTime::fromString(m.captured(3), Qt::ISODate);
        if (!m.hasMatch() || !after.isValid())
            return error(400, "MALFORMED_QUERY",
                         QStringLiteral("unexpected token: '%1'").arg(soql.left(40)));
        QList<Record> matching;
        for (const Record &record : data->records.value(m.captured(2))) {
            if (record.modified > after)
                matching.append(record);
        }
        std::sort(matching.begin(), matching.end(),
                  [](const Record &a, const Record &b) { return a.modified < b.modified; });
        QList<QJsonObject> rows;
        for (const Record &record : std::as_const(matching))
            rows.append(record.object);
        const QString locator =
            QStringLiteral("01gRO00000%1IAYA2").arg(data->nextLocator++, 6, 10, QLatin1Char('0'));
        return batch(*data, locator, rows, int(rows.size()));
    });
    server.routePrefix(
        "GET", base + QLatin1Char('/'), [data](const FakeHttpServer::Request &request) {
            const QMutexLocker locker(&data->mutex);
            if (request.header("authorization") != "Bearer " + data->token)
                return error(401, "INVALID_SESSION_ID",
                             QStringLiteral("Session expired or invalid"));
            const QString locator = request.path.section(QLatin1Char('/'), -1);
            if (!data->locators.contains(locator))
                return error(400, "INVALID_QUERY_LOCATOR", QStringLiteral("invalid query locator"));
            const QList<QJsonObject> rows = data->locators.take(locator);
            return batch(*data, locator.section(QLatin1Char('-'), 0, 0), rows, -1);
        });
}

void FakeSalesforce::setBatchSize(int size)
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->batchSize = size;
}

QString FakeSalesforce::sfTime(const QDateTime &when)
{
    return when.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz+0000"));
}

void FakeSalesforce::setRecord(const QString &type, const QString &id, const QJsonObject &fields,
                               const QDateTime &modified)
{
    const QMutexLocker locker(&m_data->mutex);
    QJsonObject object{
        {QStringLiteral("attributes"),
         QJsonObject{
             {QStringLiteral("type"), type},
             {QStringLiteral("url"),
              QStringLiteral("/services/data/v%1/sobjects/%2/%3").arg(m_data->version, type, id)}}},
        {QStringLiteral("Id"), id}};
    for (auto it = fields.begin(); it != fields.end(); ++it)
        object.insert(it.key(), it.value());
    object.insert(QStringLiteral("SystemModstamp"), sfTime(modified));
    m_data->records[type][id] = Record{object, modified};
}

QStringList FakeSalesforce::queries() const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->queries;
}

FakeHttpServer::Response FakeSalesforce::error(int status, const char *code, const QString &message)
{
    // Salesforce reports errors as a list, even a single one.
    const QJsonArray body{QJsonObject{{QStringLiteral("message"), message},
                                      {QStringLiteral("errorCode"), QString::fromLatin1(code)}}};
    return FakeHttpServer::Response::json(QJsonDocument(body).toJson(QJsonDocument::Compact),
                                          status);
}

FakeHttpServer::Response FakeSalesforce::batch(Data &data, const QString &locator,
                                               QList<QJsonObject> rows, int total)
{
    QJsonArray records;
    while (!rows.isEmpty() && records.size() < data.batchSize)
        records.append(rows.takeFirst());
    QJsonObject body{{QStringLiteral("totalSize"), total < 0 ? int(records.size()) : total},
                     {QStringLiteral("done"), rows.isEmpty()},
                     {QStringLiteral("records"), records}};
    if (!rows.isEmpty()) {
        const QString key =
            QStringLiteral("%1-%2").arg(locator).arg(data.nextLocator++ * data.batchSize);
        data.locators.insert(key, rows);
        body.insert(QStringLiteral("nextRecordsUrl"),
                    QStringLiteral("/services/data/v%1/query/%2").arg(data.version, key));
    }
    return FakeHttpServer::Response::json(QJsonDocument(body).toJson(QJsonDocument::Compact));
}
