#include "fakehotjar.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QUrlQuery>

#include <algorithm>

namespace {

using Response = FakeHttpServer::Response;

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject answer(int questionId, const QString &question, const QString &text)
{
    return QJsonObject{{QStringLiteral("question_id"), questionId},
                       {QStringLiteral("question"), question},
                       {QStringLiteral("answer"), text}};
}

} // namespace

FakeHttpServer::Response FakeHotjar::error(int status, const QString &code, const QString &message)
{
    return Response::json(
        compact({{QStringLiteral("error"), code}, {QStringLiteral("message"), message}}), status);
}

FakeHotjar::FakeHotjar(FakeHttpServer &server, const QString &clientId, const QString &clientSecret,
                       const QString &siteId)
    : m_data(std::make_shared<Data>())
{
    m_data->clientId = clientId;
    m_data->clientSecret = clientSecret;
    m_data->siteId = siteId;
    const std::shared_ptr<Data> data = m_data;
    server.route("POST", QStringLiteral("/v1/oauth/token"),
                 [data](const FakeHttpServer::Request &request) {
                     const QMutexLocker locker(&data->mutex);
                     return token(*data, request);
                 });
    server.routePrefix("GET", QStringLiteral("/v1/sites/"),
                       [data](const FakeHttpServer::Request &request) {
                           const QMutexLocker locker(&data->mutex);
                           return list(*data, request);
                       });
}

FakeHttpServer::Response FakeHotjar::token(Data &data, const FakeHttpServer::Request &request)
{
    if (!request.header("content-type").startsWith("application/x-www-form-urlencoded")) {
        return Response::json(R"({"error":"invalid_request"})", 400);
    }
    const QUrlQuery form(QString::fromUtf8(request.body));
    if (form.queryItemValue(QStringLiteral("grant_type")) != QLatin1String("client_credentials"))
        return Response::json(R"({"error":"unsupported_grant_type"})", 400);
    if (form.queryItemValue(QStringLiteral("client_id"), QUrl::FullyDecoded) != data.clientId ||
        form.queryItemValue(QStringLiteral("client_secret"), QUrl::FullyDecoded) !=
            data.clientSecret) {
        return Response::json(compact({{QStringLiteral("error"), QStringLiteral("invalid_client")},
                                       {QStringLiteral("error_description"),
                                        QStringLiteral("The API key is invalid or has expired")}}),
                              401);
    }
    const QString token = QStringLiteral("hjtok-%1").arg(data.tokens.size() + 1);
    data.tokens.append(token);
    return Response::json(compact({{QStringLiteral("access_token"), token},
                                   {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                   {QStringLiteral("expires_in"), 3600}}));
}

FakeHttpServer::Response FakeHotjar::list(Data &data, const FakeHttpServer::Request &request)
{
    const QByteArray authorization = request.header("authorization");
    if (!authorization.startsWith("Bearer ") ||
        !data.tokens.contains(QString::fromLatin1(authorization.mid(7)))) {
        return error(401, QStringLiteral("unauthorized"),
                     QStringLiteral("Invalid or expired access token"));
    }
    // "", "v1", "sites", SITE, "surveys", SURVEY, "responses"
    const QStringList parts = request.path.split(QLatin1Char('/'));
    if (parts.size() != 7 || parts.at(4) != QLatin1String("surveys") ||
        parts.at(6) != QLatin1String("responses")) {
        return error(404, QStringLiteral("not_found"), QStringLiteral("No such endpoint"));
    }
    if (parts.at(3) != data.siteId) {
        return error(403, QStringLiteral("forbidden"),
                     QStringLiteral("The API key has no access to site %1").arg(parts.at(3)));
    }
    const auto survey = data.responses.constFind(parts.at(5));
    if (survey == data.responses.constEnd()) {
        return error(404, QStringLiteral("not_found"),
                     QStringLiteral("Survey %1 does not exist on this site").arg(parts.at(5)));
    }
    const QString limitText = request.query.queryItemValue(QStringLiteral("limit"));
    const int limit = limitText.isEmpty() ? 100 : limitText.toInt();
    if (limit < 1 || limit > 100) {
        return error(400, QStringLiteral("invalid_parameter"),
                     QStringLiteral("limit must be between 1 and 100"));
    }
    const QString cursor =
        request.query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded);
    data.cursors.append(cursor);
    // The cursor names the last response of the previous page.
    QList<QJsonObject> ordered = *survey;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const QJsonObject &a, const QJsonObject &b) {
                         return a.value(QStringLiteral("created_time")).toString() >
                                b.value(QStringLiteral("created_time")).toString();
                     });
    qsizetype from = 0;
    if (!cursor.isEmpty()) {
        from = -1;
        for (qsizetype i = 0; i < ordered.size(); ++i) {
            if (QStringLiteral("c%1").arg(ordered.at(i).value(QStringLiteral("id")).toInteger()) ==
                cursor)
                from = i + 1;
        }
        if (from < 0) {
            return error(400, QStringLiteral("invalid_parameter"),
                         QStringLiteral("The cursor is not valid"));
        }
    }
    QJsonArray results;
    for (qsizetype i = from; i < qMin(ordered.size(), from + limit); ++i)
        results.append(ordered.at(i));
    data.served += int(results.size());
    const qsizetype end = from + results.size();
    const QJsonValue next = end < ordered.size()
                                ? QJsonValue(QStringLiteral("c%1").arg(
                                      ordered.at(end - 1).value(QStringLiteral("id")).toInteger()))
                                : QJsonValue(QJsonValue::Null);
    return Response::json(
        compact({{QStringLiteral("results"), results}, {QStringLiteral("next_cursor"), next}}));
}

void FakeHotjar::addResponse(const QString &surveyId, const QJsonObject &response)
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->responses[surveyId].append(response);
}

QJsonObject FakeHotjar::response(int n, const QDateTime &created, const QString &userId)
{
    return QJsonObject{
        {QStringLiteral("id"), 55100000 + n},
        {QStringLiteral("created_time"), created.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("user_id"), userId.isEmpty() ? QJsonValue(QJsonValue::Null) : userId},
        {QStringLiteral("answers"),
         QJsonArray{
             answer(1, QStringLiteral("What almost stopped you from signing up today?"),
                    QStringLiteral("The pricing page did not say if SSO is included (%1).").arg(n)),
             answer(2, QStringLiteral("How easy was it to sign up?"), QStringLiteral("Easy"))}},
        {QStringLiteral("comment"), QJsonValue(QJsonValue::Null)},
        {QStringLiteral("tags"), QJsonArray{QStringLiteral("pricing")}},
        {QStringLiteral("device"), QStringLiteral("desktop")},
        {QStringLiteral("browser"), QStringLiteral("Chrome")},
        {QStringLiteral("os"), QStringLiteral("Windows")},
        {QStringLiteral("country"), QStringLiteral("NL")},
        {QStringLiteral("url"), QStringLiteral("https://www.acme.example/pricing")},
    };
}

QStringList FakeHotjar::cursors() const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->cursors;
}

int FakeHotjar::served() const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->served;
}

int FakeHotjar::tokensIssued() const
{
    const QMutexLocker locker(&m_data->mutex);
    return int(m_data->tokens.size());
}

void FakeHotjar::clearLog()
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->cursors.clear();
    m_data->served = 0;
}
