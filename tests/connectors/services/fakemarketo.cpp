#include "fakemarketo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>

#include <algorithm>

namespace {

const QString requestId = QStringLiteral("e42b#14272d07d78");

FakeHttpServer::Response json(const QJsonObject &body, int status = 200)
{
    return FakeHttpServer::Response::json(QJsonDocument(body).toJson(QJsonDocument::Compact),
                                          status);
}

} // namespace

FakeMarketo::FakeMarketo(FakeHttpServer &server, const QString &clientId,
                         const QString &clientSecret)
    : m_data(std::make_shared<Data>())
{
    m_data->clientId = clientId;
    m_data->clientSecret = clientSecret;
    const std::shared_ptr<Data> data = m_data;
    server.route("*", QStringLiteral("/identity/oauth/token"),
                 [data](const FakeHttpServer::Request &request) {
                     const QMutexLocker locker(&data->mutex);
                     return token(*data, request);
                 });
    server.route("GET", QStringLiteral("/rest/asset/v1/programs.json"),
                 [data](const FakeHttpServer::Request &request) {
                     const QMutexLocker locker(&data->mutex);
                     return programs(*data, request, false);
                 });
    server.route("GET", QStringLiteral("/rest/asset/v1/program/byTag.json"),
                 [data](const FakeHttpServer::Request &request) {
                     const QMutexLocker locker(&data->mutex);
                     return programs(*data, request, true);
                 });
}

QString FakeMarketo::time(const QDateTime &when)
{
    return when.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QStringLiteral("Z+0000");
}

void FakeMarketo::setProgram(int id, const QString &name, const QString &type,
                             const QString &channel, const QString &status,
                             const QDateTime &updated, const QList<Tag> &tags,
                             const QJsonObject &extra)
{
    const QMutexLocker locker(&m_data->mutex);
    QJsonObject object{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("description"), QString()},
        {QStringLiteral("createdAt"),
         time(QDateTime(QDate(2025, 11, 3), QTime(15, 25, 35), Qt::UTC))},
        {QStringLiteral("updatedAt"), time(updated)},
        {QStringLiteral("url"), QStringLiteral("https://app-ab12.marketo.com/#PG%1A1").arg(id)},
        {QStringLiteral("type"), type},
        {QStringLiteral("channel"), channel},
        {QStringLiteral("folder"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("Folder")},
                     {QStringLiteral("value"), 621},
                     {QStringLiteral("folderName"), QStringLiteral("Launches")}}},
        {QStringLiteral("status"), status},
        {QStringLiteral("workspace"), QStringLiteral("Default")},
        {QStringLiteral("headStart"), false}};
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        object.insert(it.key(), it.value());
    m_data->programs.insert(id, Program{object, tags, updated});
}

void FakeMarketo::expireTokens()
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->expiredTokens += m_data->validTokens;
    m_data->validTokens.clear();
}

int FakeMarketo::tokensIssued() const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->issued;
}

QStringList FakeMarketo::earliestUpdatedAt() const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->earliest;
}

FakeHttpServer::Response FakeMarketo::failure(const char *code, const QString &message)
{
    return json({{QStringLiteral("requestId"), requestId},
                 {QStringLiteral("success"), false},
                 {QStringLiteral("errors"),
                  QJsonArray{QJsonObject{{QStringLiteral("code"), QString::fromLatin1(code)},
                                         {QStringLiteral("message"), message}}}}});
}

FakeHttpServer::Response FakeMarketo::token(Data &data, const FakeHttpServer::Request &request)
{
    const QUrlQuery &q = request.query;
    if (q.queryItemValue(QStringLiteral("grant_type")) != QLatin1String("client_credentials"))
        return json({{QStringLiteral("error"), QStringLiteral("invalid_request")},
                     {QStringLiteral("error_description"),
                      QStringLiteral("Missing or invalid grant_type")}},
                    400);
    if (q.queryItemValue(QStringLiteral("client_id"), QUrl::FullyDecoded) != data.clientId ||
        q.queryItemValue(QStringLiteral("client_secret"), QUrl::FullyDecoded) != data.clientSecret)
        return json(
            {{QStringLiteral("error"), QStringLiteral("unauthorized")},
             {QStringLiteral("error_description"), QStringLiteral("Bad client credentials")}},
            401);
    ++data.issued;
    const QString accessToken =
        QStringLiteral("cdf01657-110d-4155-99a7-f986b2ff13a0:ab%1").arg(data.issued);
    data.validTokens.append(accessToken);
    return json({{QStringLiteral("access_token"), accessToken},
                 {QStringLiteral("token_type"), QStringLiteral("bearer")},
                 {QStringLiteral("expires_in"), 3599},
                 {QStringLiteral("scope"), QStringLiteral("api@acme.example")}});
}

FakeHttpServer::Response FakeMarketo::programs(Data &data, const FakeHttpServer::Request &request,
                                               bool byTag)
{
    const QByteArray authorization = request.header("authorization");
    const QString bearer = QString::fromLatin1(authorization.mid(7));
    if (!authorization.startsWith("Bearer ") || data.expiredTokens.contains(bearer))
        return data.expiredTokens.contains(bearer)
                   ? failure("602", QStringLiteral("Access token expired"))
                   : failure("601", QStringLiteral("Access token invalid"));
    if (!data.validTokens.contains(bearer))
        return failure("601", QStringLiteral("Access token invalid"));
    const QUrlQuery &q = request.query;
    const int maxReturn = q.hasQueryItem(QStringLiteral("maxReturn"))
                              ? q.queryItemValue(QStringLiteral("maxReturn")).toInt()
                              : 20;
    if (maxReturn < 1 || maxReturn > 200)
        return failure("701", QStringLiteral("maxReturn cannot exceed 200"));
    const int offset = q.queryItemValue(QStringLiteral("offset")).toInt();
    QDateTime earliest;
    if (q.hasQueryItem(QStringLiteral("earliestUpdatedAt"))) {
        const QString value =
            q.queryItemValue(QStringLiteral("earliestUpdatedAt"), QUrl::FullyDecoded);
        data.earliest.append(value);
        earliest = QDateTime::fromString(value, Qt::ISODate);
        if (!earliest.isValid())
            return failure("1003", QStringLiteral("Invalid date format for earliestUpdatedAt"));
    }
    const QString tagType = q.queryItemValue(QStringLiteral("tagType"), QUrl::FullyDecoded);
    const QString tagValue = q.queryItemValue(QStringLiteral("tagValue"), QUrl::FullyDecoded);
    if (byTag && (tagType.isEmpty() || tagValue.isEmpty()))
        return failure("701", QStringLiteral("tagType and tagValue cannot be blank"));
    QJsonArray result;
    int skipped = 0;
    for (const Program &program : std::as_const(data.programs)) {
        if (earliest.isValid() && program.updated < earliest)
            continue;
        const bool tagged =
            std::any_of(program.tags.cbegin(), program.tags.cend(),
                        [&](const Tag &t) { return t.type == tagType && t.value == tagValue; });
        if (byTag && !tagged)
            continue;
        if (skipped++ < offset)
            continue;
        if (result.size() == maxReturn)
            break;
        QJsonObject object = program.object;
        if (byTag) {
            QJsonArray tags;
            for (const Tag &t : program.tags)
                tags.append(QJsonObject{{QStringLiteral("tagType"), t.type},
                                        {QStringLiteral("tagValue"), t.value}});
            object.insert(QStringLiteral("tags"), tags);
        }
        result.append(object);
    }
    QJsonObject answer{{QStringLiteral("success"), true},
                       {QStringLiteral("errors"), QJsonArray()},
                       {QStringLiteral("requestId"), requestId}};
    if (result.isEmpty()) {
        answer.insert(QStringLiteral("warnings"),
                      QJsonArray{QStringLiteral("No assets found for the given search criteria.")});
    } else {
        answer.insert(QStringLiteral("warnings"), QJsonArray());
        answer.insert(QStringLiteral("result"), result);
    }
    return json(answer);
}
