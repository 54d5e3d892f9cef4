#include "fakefigma.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>

namespace {

QString isoMs(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

FakeFigma::FakeFigma(FakeHttpServer &server, const QByteArray &token, const QString &teamId)
    : m_teamId(teamId)
    , m_data(std::make_shared<Data>())
{
    m_data->token = token;
    const std::shared_ptr<Data> data = m_data;

    server.routePrefix(
        "GET", QStringLiteral("/v1/projects/"), [data](const FakeHttpServer::Request &request) {
            const QMutexLocker locker(&data->mutex);
            if (request.header("x-figma-token") != data->token)
                return refused();
            // /v1/projects/{id}/files
            const QStringList parts = request.path.split(QLatin1Char('/'));
            if (parts.size() != 5 || parts.at(4) != QLatin1String("files") ||
                !data->projectNames.contains(parts.at(3))) {
                return FakeHttpServer::Response::json(R"({"status":404,"err":"Not found"})", 404);
            }
            const QString project = parts.at(3);
            QJsonArray files;
            for (const QJsonObject &file : data->files.value(project))
                files.append(file);
            return FakeHttpServer::Response::json(
                compact(QJsonObject{{QStringLiteral("name"), data->projectNames.value(project)},
                                    {QStringLiteral("files"), files}}));
        });

    server.route("GET", componentsPath(), [data](const FakeHttpServer::Request &request) {
        const QMutexLocker locker(&data->mutex);
        if (request.header("x-figma-token") != data->token)
            return refused();
        const QString sizeText = request.query.queryItemValue(QStringLiteral("page_size"));
        const QString afterText = request.query.queryItemValue(QStringLiteral("after"));
        bool sizeOk = true;
        bool afterOk = true;
        const int pageSize = sizeText.isEmpty() ? 30 : sizeText.toInt(&sizeOk);
        const qint64 after = afterText.isEmpty() ? 0 : afterText.toLongLong(&afterOk);
        if (!sizeOk || !afterOk || pageSize < 1 || pageSize > 1000) {
            return FakeHttpServer::Response::json(
                R"({"status":400,"err":"Invalid parameter: page_size or after"})", 400);
        }
        QJsonArray page;
        qint64 first = 0;
        qint64 last = 0;
        for (const Component &c : data->components) {
            if (c.position <= after)
                continue;
            if (page.size() == pageSize)
                break;
            if (page.isEmpty())
                first = c.position;
            last = c.position;
            page.append(c.object);
        }
        // The last page still names its end as `after`; asking past it gives an empty
        // list without a cursor.
        QJsonObject cursor;
        if (!page.isEmpty()) {
            cursor.insert(QStringLiteral("before"), first);
            cursor.insert(QStringLiteral("after"), last);
        }
        QJsonObject meta{{QStringLiteral("components"), page}};
        if (!cursor.isEmpty())
            meta.insert(QStringLiteral("cursor"), cursor);
        return FakeHttpServer::Response::json(compact(QJsonObject{{QStringLiteral("status"), 200},
                                                                  {QStringLiteral("error"), false},
                                                                  {QStringLiteral("meta"), meta}}));
    });
}

FakeHttpServer::Response FakeFigma::refused()
{
    return FakeHttpServer::Response::json(R"({"status":403,"err":"Invalid token"})", 403);
}

QString FakeFigma::filesPath(const QString &projectId)
{
    return QStringLiteral("/v1/projects/%1/files").arg(projectId);
}

QString FakeFigma::componentsPath() const
{
    return QStringLiteral("/v1/teams/%1/components").arg(m_teamId);
}

void FakeFigma::setProjectName(const QString &projectId, const QString &name)
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->projectNames.insert(projectId, name);
}

void FakeFigma::setFile(const QString &projectId, const QString &key, const QString &name,
                        const QDateTime &lastModified)
{
    const QMutexLocker locker(&m_data->mutex);
    if (!m_data->projectNames.contains(projectId))
        m_data->projectNames.insert(projectId, QStringLiteral("Project ") + projectId);
    m_data->files[projectId].insert(
        key,
        QJsonObject{{QStringLiteral("key"), key},
                    {QStringLiteral("name"), name},
                    {QStringLiteral("thumbnail_url"),
                     QStringLiteral("https://s3-alpha.figma.com/thumbnails/%1.png").arg(key)},
                    {QStringLiteral("last_modified"), lastModified.toUTC().toString(Qt::ISODate)}});
}

void FakeFigma::setComponent(const QString &key, const QString &name, const QDateTime &updatedAt,
                             const QString &fileKey)
{
    const QMutexLocker locker(&m_data->mutex);
    const QJsonObject object{
        {QStringLiteral("key"), key},
        {QStringLiteral("file_key"), fileKey},
        {QStringLiteral("node_id"), QStringLiteral("1:%1").arg(m_data->nextPosition)},
        {QStringLiteral("thumbnail_url"),
         QStringLiteral("https://s3-alpha.figma.com/component/%1.png").arg(key.left(12))},
        {QStringLiteral("name"), name},
        {QStringLiteral("description"), QStringLiteral("Use for the primary action of a form.")},
        {QStringLiteral("created_at"), isoMs(updatedAt.addDays(-30))},
        {QStringLiteral("updated_at"), isoMs(updatedAt)},
        {QStringLiteral("user"),
         QJsonObject{{QStringLiteral("id"), QStringLiteral("1203456789012345678")},
                     {QStringLiteral("handle"), QStringLiteral("Ana Lima")},
                     {QStringLiteral("img_url"),
                      QStringLiteral("https://s3-alpha.figma.com/profile/ana.png")}}},
        {QStringLiteral("containing_frame"),
         QJsonObject{{QStringLiteral("nodeId"), QStringLiteral("12:40")},
                     {QStringLiteral("name"), QStringLiteral("Buttons")},
                     {QStringLiteral("backgroundColor"), QStringLiteral("#FFFFFF")},
                     {QStringLiteral("pageId"), QStringLiteral("0:1")},
                     {QStringLiteral("pageName"), QStringLiteral("Components")}}}};
    for (Component &c : m_data->components) {
        if (c.object.value(QStringLiteral("key")).toString() == key) {
            QJsonObject updated = object;
            updated.insert(QStringLiteral("node_id"), c.object.value(QStringLiteral("node_id")));
            updated.insert(QStringLiteral("created_at"),
                           c.object.value(QStringLiteral("created_at")));
            c.object = updated;
            return;
        }
    }
    m_data->components.append({m_data->nextPosition++, object});
}

QJsonObject FakeFigma::file(const QString &key) const
{
    const QMutexLocker locker(&m_data->mutex);
    for (const auto &files : std::as_const(m_data->files)) {
        if (files.contains(key))
            return files.value(key);
    }
    return {};
}

QJsonObject FakeFigma::component(const QString &key) const
{
    const QMutexLocker locker(&m_data->mutex);
    for (const Component &c : m_data->components) {
        if (c.object.value(QStringLiteral("key")).toString() == key)
            return c.object;
    }
    return {};
}

int FakeFigma::componentCount() const
{
    const QMutexLocker locker(&m_data->mutex);
    return int(m_data->components.size());
}
