#include "fakeuservoice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QUrlQuery>

#include <algorithm>

namespace {

using Response = FakeHttpServer::Response;

const QString site = QStringLiteral("https://acme.uservoice.com");

QString iso(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Response withRateHeaders(Response response, int remaining)
{
    response.withHeader("X-Rate-Limit-Limit", "1000")
        .withHeader("X-Rate-Limit-Remaining", QByteArray::number(remaining))
        .withHeader("X-Rate-Limit-Reset",
                    QByteArray::number(QDateTime::currentSecsSinceEpoch() + 60));
    return response;
}

} // namespace

FakeHttpServer::Response FakeUserVoice::error(int status, const QString &type,
                                              const QString &message)
{
    return Response::json(
        compact({{QStringLiteral("errors"), QJsonObject{{QStringLiteral("type"), type},
                                                        {QStringLiteral("message"), message}}}}),
        status);
}

FakeUserVoice::FakeUserVoice(FakeHttpServer &server, const QString &apiKey,
                             const QString &apiSecret)
    : m_data(std::make_shared<Data>())
{
    m_data->apiKey = apiKey;
    m_data->apiSecret = apiSecret;
    const std::shared_ptr<Data> data = m_data;
    server.route("POST", QStringLiteral("/api/v2/oauth/token"),
                 [data](const FakeHttpServer::Request &request) {
                     const QMutexLocker locker(&data->mutex);
                     return token(*data, request);
                 });
    server.route("GET", QStringLiteral("/api/v2/admin/suggestions"),
                 [data](const FakeHttpServer::Request &request) {
                     const QMutexLocker locker(&data->mutex);
                     return list(*data, request);
                 });
}

FakeHttpServer::Response FakeUserVoice::token(Data &data, const FakeHttpServer::Request &request)
{
    if (!request.header("content-type").startsWith("application/x-www-form-urlencoded"))
        return error(400, QStringLiteral("bad_request"), QStringLiteral("Unsupported body"));
    const QUrlQuery form(QString::fromUtf8(request.body));
    if (form.queryItemValue(QStringLiteral("grant_type")) != QLatin1String("client_credentials")) {
        return Response::json(R"({"error":"unsupported_grant_type"})", 400);
    }
    if (form.queryItemValue(QStringLiteral("client_id"), QUrl::FullyDecoded) != data.apiKey ||
        form.queryItemValue(QStringLiteral("client_secret"), QUrl::FullyDecoded) !=
            data.apiSecret) {
        return Response::json(compact({{QStringLiteral("error"), QStringLiteral("invalid_client")},
                                       {QStringLiteral("error_description"),
                                        QStringLiteral("Client authentication failed due to "
                                                       "unknown client")}}),
                              401);
    }
    ++data.issued;
    const QString token = QStringLiteral("uvtok-%1").arg(data.issued);
    data.validTokens.append(token);
    // UserVoice returns the token alone; it does not say when it expires.
    return Response::json(compact({{QStringLiteral("access_token"), token},
                                   {QStringLiteral("token_type"), QStringLiteral("bearer")}}));
}

FakeHttpServer::Response FakeUserVoice::list(Data &data, const FakeHttpServer::Request &request)
{
    const QByteArray authorization = request.header("authorization");
    if (!authorization.startsWith("Bearer ") ||
        !data.validTokens.contains(QString::fromLatin1(authorization.mid(7)))) {
        return error(401, QStringLiteral("unauthorized"),
                     QStringLiteral("Access token is missing, expired or revoked"));
    }
    const QUrlQuery &query = request.query;
    const QString after = query.queryItemValue(QStringLiteral("updated_after"), QUrl::FullyDecoded);
    const QDateTime from = QDateTime::fromString(after, Qt::ISODate);
    if (!after.isEmpty() && !from.isValid()) {
        return error(400, QStringLiteral("invalid_parameter"),
                     QStringLiteral("updated_after must be an ISO 8601 time"));
    }
    const QString sort = query.queryItemValue(QStringLiteral("sort"));
    if (!sort.isEmpty() && sort != QLatin1String("-updated_at") &&
        sort != QLatin1String("updated_at") && sort != QLatin1String("-id")) {
        return error(400, QStringLiteral("invalid_parameter"),
                     QStringLiteral("sort: %1 is not a sortable field").arg(sort));
    }
    const QString perPageText = query.queryItemValue(QStringLiteral("per_page"));
    const int perPage = perPageText.isEmpty() ? 20 : perPageText.toInt();
    if (perPage < 1 || perPage > 100) {
        return error(400, QStringLiteral("invalid_parameter"),
                     QStringLiteral("per_page must be between 1 and 100"));
    }
    // The cursor is opaque to clients; here it holds the offset of the next page.
    int offset = 0;
    const QString cursor = query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded);
    if (!cursor.isEmpty()) {
        const QByteArray decoded = QByteArray::fromBase64(cursor.toLatin1());
        bool ok = false;
        offset = decoded.startsWith("o:") ? decoded.mid(2).toInt(&ok) : 0;
        if (!ok) {
            return error(400, QStringLiteral("invalid_parameter"),
                         QStringLiteral("cursor is invalid or expired"));
        }
        data.cursors.append(cursor);
    } else {
        data.updatedAfter.append(after);
    }

    QList<QJsonObject> matching;
    for (const QJsonObject &record : std::as_const(data.suggestions)) {
        const QDateTime updated = QDateTime::fromString(
            record.value(QStringLiteral("updated_at")).toString(), Qt::ISODateWithMs);
        if (!from.isValid() || updated > from)
            matching.append(record);
    }
    const bool ascending = sort == QLatin1String("updated_at");
    std::stable_sort(matching.begin(), matching.end(),
                     [ascending](const QJsonObject &a, const QJsonObject &b) {
                         const QString x = a.value(QStringLiteral("updated_at")).toString();
                         const QString y = b.value(QStringLiteral("updated_at")).toString();
                         return ascending ? x < y : x > y;
                     });
    QJsonArray page;
    for (qsizetype i = offset; i < qMin(matching.size(), qsizetype(offset + perPage)); ++i)
        page.append(matching.at(i));
    data.served += int(page.size());
    const qsizetype next = offset + perPage;
    const QJsonValue nextCursor =
        next < matching.size()
            ? QJsonValue(QString::fromLatin1(
                  QByteArray(QByteArray("o:") + QByteArray::number(next)).toBase64()))
            : QJsonValue(QJsonValue::Null);
    const QJsonObject pagination{
        {QStringLiteral("page"), offset / perPage + 1},
        {QStringLiteral("per_page"), perPage},
        {QStringLiteral("total_records"), matching.size()},
        {QStringLiteral("total_pages"), int((matching.size() + perPage - 1) / perPage)},
        {QStringLiteral("cursor"), cursor.isEmpty() ? QJsonValue(QJsonValue::Null) : cursor},
        {QStringLiteral("next_cursor"), nextCursor}};
    return withRateHeaders(Response::json(compact({{QStringLiteral("suggestions"), page},
                                                   {QStringLiteral("pagination"), pagination}})),
                           999);
}

void FakeUserVoice::setSuggestion(const QJsonObject &suggestion)
{
    const QMutexLocker locker(&m_data->mutex);
    const QJsonValue id = suggestion.value(QStringLiteral("id"));
    for (QJsonObject &existing : m_data->suggestions) {
        if (existing.value(QStringLiteral("id")) == id) {
            existing = suggestion;
            return;
        }
    }
    m_data->suggestions.append(suggestion);
}

QJsonObject FakeUserVoice::suggestion(int n, const QDateTime &updated, int votes)
{
    const qint64 id = 40213000 + n;
    const QDateTime created = QDateTime(QDate(2025, 9, 1), QTime(8, 0), Qt::UTC).addSecs(n * 3600);
    const QString slug = QStringLiteral("%1-export-reports-as-csv-%2").arg(id).arg(n);
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("title"), QStringLiteral("Export reports as CSV (%1)").arg(n)},
        {QStringLiteral("body"),
         QStringLiteral("We need to hand the weekly report to finance as a spreadsheet.")},
        {QStringLiteral("body_mime_type"), QStringLiteral("text/plain")},
        {QStringLiteral("state"), QStringLiteral("approved")},
        {QStringLiteral("created_at"), iso(created)},
        {QStringLiteral("updated_at"), iso(updated)},
        {QStringLiteral("approved_at"), iso(created.addSecs(600))},
        {QStringLiteral("closed_at"), QJsonValue(QJsonValue::Null)},
        {QStringLiteral("votes_count"), votes},
        {QStringLiteral("supporters_count"), qMax(0, votes - 1)},
        {QStringLiteral("supporting_accounts_count"), qMax(0, votes / 3)},
        {QStringLiteral("comments_count"), 2},
        {QStringLiteral("notes_count"), 0},
        {QStringLiteral("requests_count"), 1},
        {QStringLiteral("inappropriate_flags_count"), 0},
        {QStringLiteral("recent_engagement"), 3},
        {QStringLiteral("satisfaction_detractor_count"), 0},
        {QStringLiteral("satisfaction_neutral_count"), 1},
        {QStringLiteral("satisfaction_promoter_count"), 2},
        {QStringLiteral("creator_browser"), QStringLiteral("Firefox")},
        {QStringLiteral("creator_browser_version"), QStringLiteral("128.0")},
        {QStringLiteral("creator_mobile"), false},
        {QStringLiteral("creator_os"), QStringLiteral("Linux")},
        {QStringLiteral("creator_referrer"), QJsonValue(QJsonValue::Null)},
        {QStringLiteral("creator_user_agent"), QStringLiteral("Mozilla/5.0")},
        {QStringLiteral("portal_url"),
         QString(site + QStringLiteral("/forums/915-ideas/suggestions/") + slug)},
        {QStringLiteral("admin_url"), QString(site + QStringLiteral("/admin/v3/ideas/%1").arg(id))},
        {QStringLiteral("links"),
         QJsonObject{{QStringLiteral("forum"), 915},
                     {QStringLiteral("category"), 3301},
                     {QStringLiteral("status"), 12},
                     {QStringLiteral("created_by"), 88120 + n},
                     {QStringLiteral("labels"), QJsonArray{77, 78}},
                     {QStringLiteral("last_status_update"), QJsonValue(QJsonValue::Null)},
                     {QStringLiteral("parent_suggestion"), QJsonValue(QJsonValue::Null)},
                     {QStringLiteral("ticket"), QJsonValue(QJsonValue::Null)}}},
    };
}

QStringList FakeUserVoice::updatedAfter() const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->updatedAfter;
}

QStringList FakeUserVoice::cursors() const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->cursors;
}

int FakeUserVoice::served() const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->served;
}

int FakeUserVoice::tokensIssued() const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->issued;
}

void FakeUserVoice::clearLog()
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->updatedAfter.clear();
    m_data->cursors.clear();
    m_data->served = 0;
}

void FakeUserVoice::expireTokens()
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->validTokens.clear();
}
