#include "fakenotion.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>

#include <algorithm>

namespace {

QString notionTime(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime toMinute(const QDateTime &when)
{
    const QDateTime utc = when.toUTC();
    return QDateTime(utc.date(), QTime(utc.time().hour(), utc.time().minute()), Qt::UTC);
}

QJsonObject richText(const QString &text, bool bold)
{
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("text")},
        {QStringLiteral("text"), QJsonObject{{QStringLiteral("content"), text},
                                             {QStringLiteral("link"), QJsonValue::Null}}},
        {QStringLiteral("annotations"),
         QJsonObject{{QStringLiteral("bold"), bold},
                     {QStringLiteral("italic"), false},
                     {QStringLiteral("strikethrough"), false},
                     {QStringLiteral("underline"), false},
                     {QStringLiteral("code"), false},
                     {QStringLiteral("color"), QStringLiteral("default")}}},
        {QStringLiteral("plain_text"), text},
        {QStringLiteral("href"), QJsonValue::Null}};
}

QString compactId(const QString &id)
{
    return QString(id).remove(QLatin1Char('-'));
}

} // namespace

FakeNotion::FakeNotion(FakeHttpServer &server, const QByteArray &token)
    : m_data(std::make_shared<Data>())
{
    m_data->token = token;
    const std::shared_ptr<Data> data = m_data;
    server.routePrefix(
        "*", QStringLiteral("/v1/databases/"), [data](const FakeHttpServer::Request &request) {
            const QMutexLocker locker(&data->mutex);
            const QStringList parts = request.path.split(QLatin1Char('/'));
            if (request.header("authorization") != "Bearer " + data->token)
                return error(401, "unauthorized", QStringLiteral("API token is invalid."));
            if (parts.size() != 5 || parts.at(4) != QLatin1String("query") ||
                request.method != "POST")
                return error(400, "invalid_request_url", QStringLiteral("Invalid request URL."));
            return query(*data, parts.at(3), request);
        });
}

FakeHttpServer::Response FakeNotion::error(int status, const char *code, const QString &message)
{
    const QJsonObject body{
        {QStringLiteral("object"), QStringLiteral("error")},
        {QStringLiteral("status"), status},
        {QStringLiteral("code"), QString::fromLatin1(code)},
        {QStringLiteral("message"), message},
        {QStringLiteral("request_id"), QStringLiteral("5a0c8c9e-2f4b-4a7e-9f41-1c2d3e4f5a6b")}};
    return FakeHttpServer::Response::json(QJsonDocument(body).toJson(QJsonDocument::Compact),
                                          status);
}

FakeHttpServer::Response FakeNotion::query(Data &data, const QString &database,
                                           const FakeHttpServer::Request &request)
{
    const QByteArray version = request.header("notion-version");
    if (version.isEmpty())
        return error(400, "missing_version",
                     QStringLiteral("Notion-Version header failed validation: Notion-Version "
                                    "header should be defined, instead was `undefined`."));
    if (version != Version)
        return error(400, "validation_error",
                     QStringLiteral("This test server speaks Notion-Version %1, got %2.")
                         .arg(QLatin1String(Version), QString::fromLatin1(version)));
    // Notion accepts ids with and without dashes.
    auto db = data.databases.end();
    for (auto it = data.databases.begin(); it != data.databases.end(); ++it) {
        if (compactId(it.key()) == compactId(database))
            db = it;
    }
    if (db == data.databases.end())
        return error(404, "object_not_found",
                     QStringLiteral("Could not find database with ID: %1. Make sure the relevant "
                                    "pages and databases are shared with your integration.")
                         .arg(database));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (!request.body.isEmpty() && !document.isObject())
        return error(400, "invalid_json",
                     QStringLiteral("Error parsing JSON body: %1").arg(parseError.errorString()));
    const QJsonObject body = document.object();

    int pageSize = 100;
    if (body.contains(QStringLiteral("page_size"))) {
        const QJsonValue size = body.value(QStringLiteral("page_size"));
        if (!size.isDouble())
            return error(400, "validation_error",
                         QStringLiteral("body failed validation: body.page_size should be a "
                                        "number, instead was `%1`.")
                             .arg(size.toVariant().toString()));
        pageSize = size.toInt();
        if (pageSize < 1 || pageSize > 100)
            return error(400, "validation_error",
                         QStringLiteral("body failed validation: body.page_size should be ≤ "
                                        "`100`, instead was `%1`.")
                             .arg(pageSize));
    }

    QDateTime from;
    if (body.contains(QStringLiteral("filter"))) {
        const QJsonObject filter = body.value(QStringLiteral("filter")).toObject();
        const QJsonObject condition = filter.value(QStringLiteral("last_edited_time")).toObject();
        const QString onOrAfter = condition.value(QStringLiteral("on_or_after")).toString();
        from = QDateTime::fromString(onOrAfter, Qt::ISODateWithMs);
        if (filter.value(QStringLiteral("timestamp")).toString() !=
                QLatin1String("last_edited_time") ||
            condition.size() != 1 || !from.isValid())
            return error(400, "validation_error",
                         QStringLiteral("body failed validation. Fix one: "
                                        "body.filter.last_edited_time.on_or_after should be a "
                                        "valid ISO 8601 date string, instead was `%1`.")
                             .arg(onOrAfter.isEmpty() ? QStringLiteral("undefined") : onOrAfter));
    }

    bool ascending = false;
    const QJsonArray sorts = body.value(QStringLiteral("sorts")).toArray();
    for (const QJsonValue &sort : sorts) {
        const QJsonObject s = sort.toObject();
        if (s.value(QStringLiteral("timestamp")).toString() == QLatin1String("last_edited_time"))
            ascending =
                s.value(QStringLiteral("direction")).toString() == QLatin1String("ascending");
    }

    QList<Page> pages;
    for (const Page &page : std::as_const(db->pages)) {
        // Notion compares against its minute-rounded last_edited_time.
        if (!from.isValid() || page.lastEdited >= from)
            pages.append(page);
    }
    const auto id = [](const Page &p) {
        return p.object.value(QStringLiteral("id")).toString();
    };
    std::sort(pages.begin(), pages.end(), [ascending, id](const Page &a, const Page &b) {
        if (ascending)
            return a.lastEdited != b.lastEdited ? a.lastEdited < b.lastEdited : id(a) < id(b);
        return a.created != b.created ? a.created > b.created : id(a) > id(b);
    });

    qsizetype first = 0;
    const QJsonValue start = body.value(QStringLiteral("start_cursor"));
    if (!start.isUndefined()) {
        first = -1;
        for (qsizetype i = 0; i < pages.size(); ++i) {
            if (pages.at(i).object.value(QStringLiteral("id")).toString() == start.toString())
                first = i;
        }
        if (first < 0)
            return error(
                400, "validation_error",
                QStringLiteral("start_cursor provided is invalid: %1").arg(start.toString()));
    }
    const qsizetype end = qMin(pages.size(), first + pageSize);
    QJsonArray results;
    for (qsizetype i = first; i < end; ++i)
        results.append(pages.at(i).object);
    const bool more = end < pages.size();
    const QJsonObject answer{
        {QStringLiteral("object"), QStringLiteral("list")},
        {QStringLiteral("results"), results},
        {QStringLiteral("next_cursor"),
         more ? QJsonValue(pages.at(end).object.value(QStringLiteral("id")))
              : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("has_more"), more},
        {QStringLiteral("type"), QStringLiteral("page_or_database")},
        {QStringLiteral("page_or_database"), QJsonObject()},
        {QStringLiteral("request_id"), QStringLiteral("c1a2b3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d")}};
    return FakeHttpServer::Response::json(QJsonDocument(answer).toJson(QJsonDocument::Compact));
}

void FakeNotion::addDatabase(const QString &id, const QString &titleProperty)
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->databases[id].titleProperty = titleProperty;
}

QString FakeNotion::pageId(int n)
{
    return QStringLiteral("%1-4c1e-8a3f-9b2d-%2")
        .arg(n, 8, 16, QLatin1Char('0'))
        .arg(0xa1b2c3000000LL + n, 12, 16, QLatin1Char('0'));
}

void FakeNotion::setPage(const QString &database, const QString &id,
                         const QStringList &titleSegments, const QDateTime &lastEdited,
                         bool archived, bool inTrash)
{
    const QMutexLocker locker(&m_data->mutex);
    Database &db = m_data->databases[database];
    if (db.titleProperty.isEmpty())
        db.titleProperty = QStringLiteral("Name");
    const QDateTime edited = toMinute(lastEdited);
    const QDateTime created = db.pages.contains(id) ? db.pages.value(id).created : edited;

    QJsonArray title;
    QString slug;
    for (int i = 0; i < titleSegments.size(); ++i) {
        title.append(richText(titleSegments.at(i), i % 2 == 1));
        slug += titleSegments.at(i);
    }
    slug = slug.simplified().replace(QLatin1Char(' '), QLatin1Char('-'));
    const QJsonObject user{
        {QStringLiteral("object"), QStringLiteral("user")},
        {QStringLiteral("id"), QStringLiteral("6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b")}};
    const QJsonObject properties{
        {db.titleProperty, QJsonObject{{QStringLiteral("id"), QStringLiteral("title")},
                                       {QStringLiteral("type"), QStringLiteral("title")},
                                       {QStringLiteral("title"), title}}},
        {QStringLiteral("Status"),
         QJsonObject{{QStringLiteral("id"), QStringLiteral("%5Bq%3E")},
                     {QStringLiteral("type"), QStringLiteral("status")},
                     {QStringLiteral("status"),
                      QJsonObject{{QStringLiteral("id"), QStringLiteral("1")},
                                  {QStringLiteral("name"), QStringLiteral("In progress")},
                                  {QStringLiteral("color"), QStringLiteral("blue")}}}}}};
    const QJsonObject object{
        {QStringLiteral("object"), QStringLiteral("page")},
        {QStringLiteral("id"), id},
        {QStringLiteral("created_time"), notionTime(created)},
        {QStringLiteral("last_edited_time"), notionTime(edited)},
        {QStringLiteral("created_by"), user},
        {QStringLiteral("last_edited_by"), user},
        {QStringLiteral("cover"), QJsonValue::Null},
        {QStringLiteral("icon"), QJsonValue::Null},
        {QStringLiteral("parent"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("database_id")},
                     {QStringLiteral("database_id"), database}}},
        {QStringLiteral("archived"), archived},
        {QStringLiteral("in_trash"), inTrash},
        {QStringLiteral("properties"), properties},
        {QStringLiteral("url"),
         QStringLiteral("https://www.notion.so/%1%2")
             .arg(slug.isEmpty() ? QString() : slug + QLatin1Char('-'), compactId(id))},
        {QStringLiteral("public_url"), QJsonValue::Null}};
    db.pages.insert(id, Page{object, edited, created});
}

QJsonObject FakeNotion::page(const QString &id) const
{
    const QMutexLocker locker(&m_data->mutex);
    for (const Database &db : std::as_const(m_data->databases)) {
        if (db.pages.contains(id))
            return db.pages.value(id).object;
    }
    return {};
}

QString FakeNotion::queryPath(const QString &database)
{
    return QStringLiteral("/v1/databases/%1/query").arg(database);
}
