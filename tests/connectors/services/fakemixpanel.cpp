#include "fakemixpanel.h"

#include <QJsonDocument>

FakeMixpanel::FakeMixpanel(FakeHttpServer &server, const QByteArray &username,
                           const QByteArray &secret, const QString &projectId)
    : m_data(std::make_shared<Data>())
{
    const QByteArray authorization = "Basic " + QByteArray(username + ':' + secret).toBase64();
    server.route(
        "GET", QStringLiteral("/api/2.0/export"),
        [data = m_data, authorization, projectId](const FakeHttpServer::Request &request) {
            const QString path = QStringLiteral("/api/2.0/export");
            if (request.header("authorization") != authorization)
                return FakeHttpServer::Response::json(
                    error(path, QStringLiteral("Invalid credentials")), 401);
            const QString project = request.query.queryItemValue(QStringLiteral("project_id"));
            if (project.isEmpty())
                return FakeHttpServer::Response::json(
                    error(path, QStringLiteral("project_id is required when "
                                               "authenticating with a service account")),
                    400);
            if (project != projectId)
                return FakeHttpServer::Response::json(
                    error(path, QStringLiteral("Project %1 not found or the service "
                                               "account has no access to it")
                                    .arg(project)),
                    403);
            const QString fromText = request.query.queryItemValue(QStringLiteral("from_date"));
            const QString toText = request.query.queryItemValue(QStringLiteral("to_date"));
            const QDate from = QDate::fromString(fromText, Qt::ISODate);
            const QDate to = QDate::fromString(toText, Qt::ISODate);
            if (!from.isValid() || !to.isValid() || to < from)
                return FakeHttpServer::Response::json(
                    error(path, QStringLiteral("'from_date' is invalid: %1").arg(fromText)), 400);
            QByteArray body;
            {
                QMutexLocker lock(&data->mutex);
                data->ranges.append({fromText, toText});
                for (auto it = data->days.lowerBound(from);
                     it != data->days.constEnd() && it.key() <= to; ++it)
                    body += it.value();
            }
            FakeHttpServer::Response response;
            response.body = body;
            response.withHeader("Content-Type", "text/plain; charset=utf-8");
            return response;
        });
}

QJsonObject FakeMixpanel::event(const QString &name, const QString &distinctId, const QDateTime &at,
                                const QString &insertId)
{
    QJsonObject properties{
        {QStringLiteral("time"), double(at.toSecsSinceEpoch())},
        {QStringLiteral("distinct_id"), distinctId},
        {QStringLiteral("$insert_id"),
         insertId.isEmpty()
             ? QStringLiteral("%1-%2-%3").arg(name, distinctId).arg(at.toMSecsSinceEpoch())
             : insertId},
        {QStringLiteral("mp_processing_time_ms"), double(at.toMSecsSinceEpoch() + 3600000)},
        {QStringLiteral("$os"), QStringLiteral("Mac OS X")},
        {QStringLiteral("mp_lib"), QStringLiteral("web")},
    };
    return {{QStringLiteral("event"), name}, {QStringLiteral("properties"), properties}};
}

void FakeMixpanel::addEvent(const QJsonObject &event)
{
    const qint64 time = qint64(event.value(QStringLiteral("properties"))
                                   .toObject()
                                   .value(QStringLiteral("time"))
                                   .toDouble());
    const QDate day = QDateTime::fromSecsSinceEpoch(time, Qt::UTC).date();
    QMutexLocker lock(&m_data->mutex);
    m_data->days[day] += QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n';
}

void FakeMixpanel::setRawDay(const QDate &day, const QByteArray &body)
{
    QMutexLocker lock(&m_data->mutex);
    m_data->days[day] = body;
}

QList<QPair<QString, QString>> FakeMixpanel::ranges() const
{
    QMutexLocker lock(&m_data->mutex);
    return m_data->ranges;
}

void FakeMixpanel::clearLog()
{
    QMutexLocker lock(&m_data->mutex);
    m_data->ranges.clear();
}

QByteArray FakeMixpanel::error(const QString &request, const QString &message)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("request"), request},
                                     {QStringLiteral("error"), message}})
        .toJson(QJsonDocument::Compact);
}
