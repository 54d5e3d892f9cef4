#include "fakeproductboard.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>

namespace {

using Response = FakeHttpServer::Response;

QString stamp(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QString dateOrNone(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QStringLiteral("none");
}

QString link(const QString &base, const QString &path)
{
    return base + path;
}

int pageLimit(const FakeHttpServer::Request &request, int fallback, int maximum)
{
    const int requested = request.query.queryItemValue(QStringLiteral("pageLimit")).toInt();
    return qBound(1, requested > 0 ? requested : fallback, maximum);
}

} // namespace

FakeProductboard::FakeProductboard(FakeHttpServer &server, const QByteArray &token)
    : m_data(std::make_shared<Data>())
{
    m_data->authorization = "Bearer " + token;
    m_data->api = server.baseUrl().toString();
    const std::shared_ptr<Data> data = m_data;
    server.route("GET", QStringLiteral("/features"),
                 [data](const FakeHttpServer::Request &request) {
                     const QMutexLocker locker(&data->mutex);
                     if (auto refused = refuse(*data, QStringLiteral("features"), request))
                         return *refused;
                     QList<QJsonObject> records;
                     for (const Feature &feature : std::as_const(data->features))
                         records.append(render(*data, feature));
                     return offsetPage(*data, QStringLiteral("features"), request, records);
                 });
    server.route("GET", QStringLiteral("/companies"),
                 [data](const FakeHttpServer::Request &request) {
                     const QMutexLocker locker(&data->mutex);
                     if (auto refused = refuse(*data, QStringLiteral("companies"), request))
                         return *refused;
                     QList<QJsonObject> records;
                     for (const Company &company : std::as_const(data->companies))
                         records.append(render(company));
                     return offsetPage(*data, QStringLiteral("companies"), request, records);
                 });
    server.route("GET", QStringLiteral("/notes"), [data](const FakeHttpServer::Request &request) {
        const QMutexLocker locker(&data->mutex);
        if (auto refused = refuse(*data, QStringLiteral("notes"), request))
            return *refused;
        return notes(*data, request);
    });
}

FakeHttpServer::Response FakeProductboard::error(int status, const QString &code,
                                                 const QString &title, const QString &detail)
{
    const QJsonObject body{
        {QStringLiteral("ok"), false},
        {QStringLiteral("errors"), QJsonArray{QJsonObject{{QStringLiteral("code"), code},
                                                          {QStringLiteral("title"), title},
                                                          {QStringLiteral("detail"), detail}}}}};
    return Response::json(QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

std::optional<FakeHttpServer::Response>
FakeProductboard::refuse(Data &data, const QString &resource,
                         const FakeHttpServer::Request &request)
{
    ++data.requests[resource];
    if (request.header("authorization") != data.authorization)
        return error(401, QStringLiteral("authentication.failed"), QStringLiteral("Unauthorized"),
                     QStringLiteral("The access token is invalid or has been revoked."));
    if (request.header("x-version") != "1")
        return error(400, QStringLiteral("header.missing"), QStringLiteral("Bad request"),
                     QStringLiteral("The X-Version header must be 1."));
    return std::nullopt;
}

void FakeProductboard::setFeature(const Feature &feature)
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->features.insert(feature.id, feature);
}

void FakeProductboard::setNote(const Note &note)
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->notes.insert(note.id, note);
}

void FakeProductboard::setCompany(const Company &company)
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->companies.insert(company.id, company);
}

void FakeProductboard::setRepeatFirstCursorOnLastPage(bool repeat)
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->repeatFirstCursor = repeat;
}

void FakeProductboard::failPage(const QString &resource, int page,
                                const FakeHttpServer::Response &response, int times)
{
    const QMutexLocker locker(&m_data->mutex);
    for (int i = 0; i < times; ++i)
        m_data->pageFaults[resource][page].append(response);
}

QJsonObject FakeProductboard::note(const QString &id) const
{
    const QMutexLocker locker(&m_data->mutex);
    return render(m_data->notes.value(id));
}

QJsonObject FakeProductboard::feature(const QString &id) const
{
    const QMutexLocker locker(&m_data->mutex);
    return render(*m_data, m_data->features.value(id));
}

QJsonObject FakeProductboard::company(const QString &id) const
{
    const QMutexLocker locker(&m_data->mutex);
    return render(m_data->companies.value(id));
}

int FakeProductboard::requestCount(const QString &resource) const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->requests.value(resource);
}

QJsonObject FakeProductboard::render(const Data &data, const Feature &feature)
{
    const QJsonValue null(QJsonValue::Null);
    return {
        {QStringLiteral("id"), feature.id},
        {QStringLiteral("name"), feature.name},
        {QStringLiteral("description"), link(QStringLiteral("<p>What customers asked for: "),
                                             feature.name + QStringLiteral("</p>"))},
        {QStringLiteral("type"), QStringLiteral("feature")},
        {QStringLiteral("archived"), false},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("id"), QStringLiteral("2f0d7b3c-64b0-4f6e-9c3e-6a2c1f1d0e11")},
                     {QStringLiteral("name"), feature.status}}},
        {QStringLiteral("parent"),
         QJsonObject{
             {QStringLiteral("component"),
              QJsonObject{
                  {QStringLiteral("id"), QStringLiteral("c1a2b3c4-0000-4000-8000-000000000001")},
                  {QStringLiteral("links"),
                   QJsonObject{{QStringLiteral("self"),
                                link(data.api, QStringLiteral("/components/"
                                                              "c1a2b3c4-0000-4000-8000-"
                                                              "000000000001"))}}}}}}},
        {QStringLiteral("links"),
         QJsonObject{
             {QStringLiteral("self"), link(data.api, QStringLiteral("/features/") + feature.id)},
             {QStringLiteral("html"),
              link(QStringLiteral("https://acme.productboard.com/feature-board/planning/"
                                  "features/"),
                   feature.id)}}},
        {QStringLiteral("timeframe"),
         QJsonObject{{QStringLiteral("startDate"), dateOrNone(feature.startDate)},
                     {QStringLiteral("endDate"), dateOrNone(feature.endDate)},
                     {QStringLiteral("granularity"), feature.endDate.isValid()
                                                         ? QStringLiteral("quarter")
                                                         : QStringLiteral("none")}}},
        {QStringLiteral("owner"),
         QJsonObject{{QStringLiteral("email"), QStringLiteral("pm@acme.example")}}},
        {QStringLiteral("createdAt"), stamp(feature.created)},
        {QStringLiteral("updatedAt"), stamp(feature.updated)},
        {QStringLiteral("lastHealthUpdate"), null},
    };
}

QJsonObject FakeProductboard::render(const Note &note)
{
    const QJsonValue null(QJsonValue::Null);
    QJsonArray features;
    for (qsizetype i = 0; i < note.featureIds.size(); ++i) {
        features.append(QJsonObject{{QStringLiteral("id"), note.featureIds.at(i)},
                                    {QStringLiteral("type"), QStringLiteral("feature")},
                                    {QStringLiteral("importance"), int(i % 4)}});
    }
    QJsonObject object{
        {QStringLiteral("id"), note.id},
        {QStringLiteral("title"), note.title},
        {QStringLiteral("content"), note.content},
        {QStringLiteral("displayUrl"),
         link(QStringLiteral("https://acme.productboard.com/all-notes/notes/"), note.id)},
        {QStringLiteral("externalDisplayUrl"),
         note.origin.isEmpty()
             ? null
             : QJsonValue(link(QStringLiteral("https://acme.zendesk.example/agent/tickets/"),
                               note.id.left(4)))},
        {QStringLiteral("company"),
         note.companyId.isEmpty()
             ? null
             : QJsonValue(QJsonObject{{QStringLiteral("id"), note.companyId}})},
        {QStringLiteral("user"),
         note.userId.isEmpty() ? null
                               : QJsonValue(QJsonObject{{QStringLiteral("id"), note.userId}})},
        {QStringLiteral("owner"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("Priya Raman")},
                     {QStringLiteral("email"), QStringLiteral("priya@acme.example")}}},
        {QStringLiteral("followers"),
         QJsonArray{QJsonObject{
             {QStringLiteral("memberId"), QStringLiteral("0d5b7e8e-8d1c-4a9b-a0a3-3f9f1c2b7d10")},
             {QStringLiteral("memberName"), QStringLiteral("Priya Raman")},
             {QStringLiteral("memberEmail"), QStringLiteral("priya@acme.example")},
             {QStringLiteral("teamId"), null},
             {QStringLiteral("teamName"), null}}}},
        {QStringLiteral("state"),
         note.featureIds.isEmpty() ? QStringLiteral("unprocessed") : QStringLiteral("processed")},
        {QStringLiteral("source"),
         note.origin.isEmpty()
             ? null
             : QJsonValue(QJsonObject{{QStringLiteral("origin"), note.origin},
                                      {QStringLiteral("record_id"), note.id.left(4)}})},
        {QStringLiteral("tags"), QJsonArray::fromStringList(note.tags)},
        {QStringLiteral("features"), features},
        {QStringLiteral("createdAt"), stamp(note.created)},
        {QStringLiteral("updatedAt"), stamp(note.updated)},
        {QStringLiteral("createdBy"),
         QJsonObject{
             {QStringLiteral("email"), QStringLiteral("priya@acme.example")},
             {QStringLiteral("name"), QStringLiteral("Priya Raman")},
             {QStringLiteral("uuid"), QStringLiteral("0d5b7e8e-8d1c-4a9b-a0a3-3f9f1c2b7d10")}}},
    };
    return object;
}

QJsonObject FakeProductboard::render(const Company &company)
{
    return {{QStringLiteral("id"), company.id},
            {QStringLiteral("name"), company.name},
            {QStringLiteral("domain"),
             company.domain.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(company.domain)},
            {QStringLiteral("description"), QString()},
            {QStringLiteral("sourceOrigin"), QJsonValue(QJsonValue::Null)},
            {QStringLiteral("sourceRecordId"), QJsonValue(QJsonValue::Null)}};
}

FakeHttpServer::Response FakeProductboard::offsetPage(Data &data, const QString &resource,
                                                      const FakeHttpServer::Request &request,
                                                      const QList<QJsonObject> &records)
{
    const int limit = pageLimit(request, 100, 100);
    const qsizetype offset = qsizetype(
        qMax(0LL, request.query.queryItemValue(QStringLiteral("pageOffset")).toLongLong()));
    auto &faults = data.pageFaults[resource][int(offset / limit) + 1];
    if (!faults.isEmpty())
        return faults.takeFirst();
    QJsonArray page;
    for (qsizetype i = offset; i < qMin(records.size(), offset + limit); ++i)
        page.append(records.at(i));
    QJsonValue next(QJsonValue::Null);
    if (offset + limit < records.size()) {
        next = link(data.api, QStringLiteral("/%1?pageLimit=%2&pageOffset=%3")
                                  .arg(resource)
                                  .arg(limit)
                                  .arg(offset + limit));
    }
    const QJsonObject body{{QStringLiteral("data"), page},
                           {QStringLiteral("links"), QJsonObject{{QStringLiteral("next"), next}}}};
    return Response::json(QJsonDocument(body).toJson(QJsonDocument::Compact));
}

FakeHttpServer::Response FakeProductboard::notes(Data &data, const FakeHttpServer::Request &request)
{
    const QString from =
        request.query.queryItemValue(QStringLiteral("updatedFrom"), QUrl::FullyDecoded);
    const QDateTime updatedFrom = QDateTime::fromString(from, Qt::ISODate);
    if (!from.isEmpty() && !updatedFrom.isValid())
        return error(400, QStringLiteral("parameter.invalid"), QStringLiteral("Bad request"),
                     QStringLiteral("updatedFrom must be an ISO 8601 date-time."));
    QList<Note> found;
    for (const Note &note : std::as_const(data.notes)) {
        if (!updatedFrom.isValid() || note.updated >= updatedFrom)
            found.append(note);
    }
    std::sort(found.begin(), found.end(), [](const Note &a, const Note &b) {
        return a.created != b.created ? a.created > b.created : a.id > b.id;
    });
    const int limit = pageLimit(request, 100, 2000);
    qsizetype offset = 0;
    const QString cursor = request.query.queryItemValue(QStringLiteral("pageCursor"));
    // The cursor is tied to the filter it was issued for, as a real one is.
    const auto cursorFor = [&from, limit](qsizetype at) {
        return QString::fromLatin1(
            QByteArray("o=" + QByteArray::number(at) + ";l=" + QByteArray::number(limit) +
                       ";f=" + from.toUtf8())
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    };
    if (!cursor.isEmpty()) {
        static const QRegularExpression pattern(QStringLiteral("^o=(\\d+);l=(\\d+);f=(.*)$"));
        const QRegularExpressionMatch m = pattern.match(QString::fromUtf8(QByteArray::fromBase64(
            cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
        if (!m.hasMatch() || m.captured(3) != from)
            return error(400, QStringLiteral("parameter.invalid"), QStringLiteral("Bad request"),
                         QStringLiteral("pageCursor is invalid or expired."));
        offset = m.captured(1).toLongLong();
    }
    auto &faults = data.pageFaults[QStringLiteral("notes")][int(offset / limit) + 1];
    if (!faults.isEmpty())
        return faults.takeFirst();
    QJsonArray page;
    const qsizetype end = qMin(found.size(), offset + limit);
    for (qsizetype i = offset; i < end; ++i)
        page.append(render(found.at(i)));
    QJsonObject body{{QStringLiteral("data"), page},
                     {QStringLiteral("totalResults"), qint64(found.size())}};
    if (end < found.size())
        body.insert(QStringLiteral("pageCursor"), cursorFor(end));
    else if (data.repeatFirstCursor && offset > 0)
        body.insert(QStringLiteral("pageCursor"), cursorFor(limit));
    return Response::json(QJsonDocument(body).toJson(QJsonDocument::Compact));
}
