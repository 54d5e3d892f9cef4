#include "fakeasana.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QSet>

namespace {

QString iso(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

// Asana's offsets are opaque tokens; this one names the project and the position.
QString offsetToken(const QString &project, qsizetype position)
{
    return QString::fromLatin1(QStringLiteral("%1:%2").arg(project).arg(position).toUtf8().toBase64(
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

qsizetype offsetPosition(const QString &token, const QString &project)
{
    const QString decoded = QString::fromUtf8(QByteArray::fromBase64(
        token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const QStringList parts = decoded.split(QLatin1Char(':'));
    bool ok = false;
    const qsizetype position = parts.size() == 2 ? parts.at(1).toLongLong(&ok) : -1;
    return ok && parts.at(0) == project ? position : -1;
}

FakeHttpServer::Response asanaError(int status, const QString &message)
{
    return FakeHttpServer::Response::json(FakeAsana::error(message), status);
}

} // namespace

QByteArray FakeAsana::error(const QString &message)
{
    const QJsonObject body{
        {QStringLiteral("errors"),
         QJsonArray{QJsonObject{
             {QStringLiteral("message"), message},
             {QStringLiteral("help"),
              QStringLiteral("For more information on API status codes and how to handle them, "
                             "read the docs on errors: "
                             "https://developers.asana.com/docs/errors")}}}}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

FakeAsana::FakeAsana(FakeHttpServer &server, const QByteArray &token)
    : m_data(std::make_shared<Data>())
{
    const std::shared_ptr<Data> data = m_data;
    const QByteArray expected = "Bearer " + token;
    server.route(
        "GET", QStringLiteral("/tasks"), [data, expected](const FakeHttpServer::Request &request) {
            if (request.header("authorization") != expected)
                return asanaError(401, QStringLiteral("Not Authorized"));
            const QUrlQuery &query = request.query;
            const QString project =
                query.queryItemValue(QStringLiteral("project"), QUrl::FullyDecoded);
            if (project.isEmpty()) {
                return asanaError(400, QStringLiteral("Must specify exactly one of project, tag, "
                                                      "section, user task list, or assignee + "
                                                      "workspace"));
            }
            const QString limitText = query.queryItemValue(QStringLiteral("limit"));
            const int limit = limitText.isEmpty() ? 100 : limitText.toInt();
            if (limit < 1 || limit > 100)
                return asanaError(400, QStringLiteral("limit: Must be between 1 and 100"));
            const QString since =
                query.queryItemValue(QStringLiteral("modified_since"), QUrl::FullyDecoded);
            const QDateTime from = QDateTime::fromString(since, Qt::ISODate);
            if (!since.isEmpty() && !from.isValid())
                return asanaError(400,
                                  QStringLiteral("modified_since: Invalid date: %1").arg(since));
            QSet<QString> fields{QStringLiteral("gid")};
            const QStringList optFields =
                query.queryItemValue(QStringLiteral("opt_fields"), QUrl::FullyDecoded)
                    .split(QLatin1Char(','), Qt::SkipEmptyParts);
            for (const QString &field : optFields)
                fields.insert(field.section(QLatin1Char('.'), 0, 0));

            const QMutexLocker locker(&data->mutex);
            data->modifiedSince.append(since);
            auto found = data->projects.constFind(project);
            if (found == data->projects.constEnd())
                return asanaError(404, QStringLiteral("project: Unknown object: %1").arg(project));
            QList<QJsonObject> matching;
            for (const QJsonObject &task : *found) {
                const QDateTime modified = QDateTime::fromString(
                    task.value(QStringLiteral("modified_at")).toString(), Qt::ISODateWithMs);
                if (!from.isValid() || modified >= from)
                    matching.append(task);
            }
            qsizetype first = 0;
            const QString offset =
                query.queryItemValue(QStringLiteral("offset"), QUrl::FullyDecoded);
            if (!offset.isEmpty()) {
                first = offsetPosition(offset, project);
                if (first < 0 || first > matching.size())
                    return asanaError(400,
                                      QStringLiteral("offset: Your pagination token is invalid."));
            }
            const qsizetype last = qMin(matching.size(), first + limit);
            QJsonArray page;
            for (qsizetype i = first; i < last; ++i) {
                QJsonObject projected;
                const QJsonObject &task = matching.at(i);
                for (auto it = task.constBegin(); it != task.constEnd(); ++it) {
                    if (fields.contains(it.key()))
                        projected.insert(it.key(), it.value());
                }
                page.append(projected);
            }
            data->served += int(page.size());
            QJsonValue nextPage = QJsonValue::Null;
            if (last < matching.size()) {
                const QString token = offsetToken(project, last);
                QUrlQuery nextQuery = query;
                nextQuery.removeAllQueryItems(QStringLiteral("offset"));
                nextQuery.addQueryItem(QStringLiteral("offset"), token);
                const QString path =
                    QStringLiteral("/tasks?") + nextQuery.query(QUrl::FullyEncoded);
                nextPage =
                    QJsonObject{{QStringLiteral("offset"), token},
                                {QStringLiteral("path"), path},
                                {QStringLiteral("uri"),
                                 QString(QStringLiteral("https://app.asana.com/api/1.0") + path)}};
            }
            const QJsonObject body{{QStringLiteral("data"), page},
                                   {QStringLiteral("next_page"), nextPage}};
            return FakeHttpServer::Response::json(
                QJsonDocument(body).toJson(QJsonDocument::Compact));
        });
}

QJsonObject FakeAsana::task(const QString &projectGid, const QString &gid, const QString &name,
                            const QDateTime &modified, bool completed)
{
    return QJsonObject{
        {QStringLiteral("gid"), gid},
        {QStringLiteral("resource_type"), QStringLiteral("task")},
        {QStringLiteral("resource_subtype"), QStringLiteral("default_task")},
        {QStringLiteral("name"), name},
        {QStringLiteral("completed"), completed},
        {QStringLiteral("completed_at"),
         completed ? QJsonValue(iso(modified)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("created_at"), iso(modified.addDays(-5))},
        {QStringLiteral("modified_at"), iso(modified)},
        {QStringLiteral("assignee"), QJsonValue::Null},
        {QStringLiteral("permalink_url"),
         QStringLiteral("https://app.asana.com/1/1198000000000001/project/%1/task/%2")
             .arg(projectGid, gid)},
        {QStringLiteral("memberships"),
         QJsonArray{QJsonObject{
             {QStringLiteral("project"),
              QJsonObject{{QStringLiteral("gid"), projectGid},
                          {QStringLiteral("name"), QStringLiteral("Project %1").arg(projectGid)}}},
             {QStringLiteral("section"),
              QJsonObject{{QStringLiteral("gid"), QString(projectGid + QStringLiteral("77"))},
                          {QStringLiteral("name"),
                           completed ? QStringLiteral("Done") : QStringLiteral("In progress")}}}}}},
        {QStringLiteral("parent"), QJsonValue::Null},
        {QStringLiteral("notes"), QStringLiteral("Notes of %1").arg(name)},
    };
}

void FakeAsana::setTask(const QString &projectGid, const QJsonObject &task)
{
    const QMutexLocker locker(&m_data->mutex);
    QList<QJsonObject> &tasks = m_data->projects[projectGid];
    const QString gid = task.value(QStringLiteral("gid")).toString();
    for (QJsonObject &existing : tasks) {
        if (existing.value(QStringLiteral("gid")).toString() == gid) {
            existing = task;
            return;
        }
    }
    tasks.append(task);
}

QJsonObject FakeAsana::taskById(const QString &gid) const
{
    const QMutexLocker locker(&m_data->mutex);
    for (const QList<QJsonObject> &tasks : std::as_const(m_data->projects)) {
        for (const QJsonObject &task : tasks) {
            if (task.value(QStringLiteral("gid")).toString() == gid)
                return task;
        }
    }
    return {};
}

QStringList FakeAsana::modifiedSince() const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->modifiedSince;
}

int FakeAsana::recordsServed() const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->served;
}

void FakeAsana::clearLog()
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->modifiedSince.clear();
    m_data->served = 0;
}
