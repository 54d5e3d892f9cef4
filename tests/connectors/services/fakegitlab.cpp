#include "fakegitlab.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QMutexLocker>
#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace {

// GitLab writes times in UTC with milliseconds: "2016-01-04T15:31:51.081Z".
QJsonValue timestamp(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue::Null;
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}

QJsonValue day(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

struct Person
{
    int id;
    const char *username;
    const char *name;
};

constexpr std::array people = {
    Person{1, "root", "Administrator"},
    Person{4015, "mia.chen", "Mia Chen"},
    Person{5120, "tobias", "Tobias Lindqvist"},
    Person{7731, "priya.r", "Priya Raman"},
};

constexpr std::array<const char *, 5> titles = {
    "Export stops halfway on large workspaces", "Release chart starts a week early",
    "Sync retries forever after a 401",         "Add dark mode to the board",
    "Milestone dates cannot be edited",
};

qint64 itemId(qint64 project, int iid)
{
    // Issues and merge requests are numbered from separate sequences in GitLab, so one id
    // can name one of each; the fake gives both the same id to show that they stay apart.
    return 1000000 + project % 1000 * 1000 + iid;
}

FakeHttpServer::Response error(int status, const QByteArray &body)
{
    return FakeHttpServer::Response::json(body, status);
}

const QMap<QString, QStringList> &orders()
{
    static const QMap<QString, QStringList> values = {
        {QStringLiteral("issues"),
         {QStringLiteral("created_at"), QStringLiteral("updated_at"), QStringLiteral("priority"),
          QStringLiteral("due_date"), QStringLiteral("relative_position"),
          QStringLiteral("label_priority"), QStringLiteral("milestone_due"),
          QStringLiteral("popularity"), QStringLiteral("weight"), QStringLiteral("title")}},
        {QStringLiteral("merge_requests"),
         {QStringLiteral("created_at"), QStringLiteral("updated_at"), QStringLiteral("merged_at"),
          QStringLiteral("title"), QStringLiteral("label_priority"),
          QStringLiteral("milestone_due"), QStringLiteral("popularity"),
          QStringLiteral("priority")}},
        {QStringLiteral("pipelines"),
         {QStringLiteral("id"), QStringLiteral("status"), QStringLiteral("ref"),
          QStringLiteral("updated_at"), QStringLiteral("user_id")}},
        {QStringLiteral("releases"), {QStringLiteral("released_at"), QStringLiteral("created_at")}},
        {QStringLiteral("milestones"), {}},
    };
    return values;
}

QString defaultOrder(const QString &resource)
{
    if (resource == QLatin1String("pipelines") || resource == QLatin1String("milestones"))
        return QStringLiteral("id");
    if (resource == QLatin1String("releases"))
        return QStringLiteral("released_at");
    return QStringLiteral("created_at");
}

QByteArray pageUrl(const QUrl &url, int page)
{
    QUrl target = url;
    QUrlQuery query(target);
    query.removeAllQueryItems(QStringLiteral("page"));
    query.addQueryItem(QStringLiteral("page"), QString::number(page));
    target.setQuery(query);
    return target.toEncoded();
}

} // namespace

FakeGitLab::FakeGitLab(FakeHttpServer &server, const QByteArray &token)
    : m_data(std::make_shared<Data>())
{
    m_data->token = token;
    m_data->webBase = QStringLiteral("https://gitlab.com");
    const std::shared_ptr<Data> data = m_data;
    server.routePrefix(
        "GET", QStringLiteral("/api/v4/projects/"),
        [data](const FakeHttpServer::Request &request) { return answer(*data, request); });
}

QString FakeGitLab::path(qint64 project, const QString &resource)
{
    return QStringLiteral("/api/v4/projects/%1/%2").arg(project).arg(resource);
}

qint64 FakeGitLab::milestoneId(qint64 project, int iid)
{
    return 5000000 + project % 1000 * 100 + iid;
}

FakeHttpServer::Response FakeGitLab::answer(Data &data, const FakeHttpServer::Request &request)
{
    const QMutexLocker locker(&data.mutex);
    if (request.header("private-token") != data.token)
        return error(401, R"({"message":"401 Unauthorized"})");
    static const QRegularExpression pattern(QStringLiteral("^/api/v4/projects/([^/]+)/([a-z_]+)$"));
    const QRegularExpressionMatch match = pattern.match(request.path);
    if (!match.hasMatch())
        return error(404, R"({"error":"404 Not Found"})");
    bool numeric = false;
    const qint64 projectId = match.captured(1).toLongLong(&numeric);
    if (!numeric || !data.projects.contains(projectId))
        return error(404, R"({"message":"404 Project Not Found"})");
    const QString resource = match.captured(2);
    if (!orders().contains(resource))
        return error(404, R"({"error":"404 Not Found"})");

    const QUrlQuery &query = request.query;
    const int requestedPage = qMax(1, query.queryItemValue(QStringLiteral("page")).toInt());
    const QString faultKey =
        QStringLiteral("%1/%2/%3").arg(projectId).arg(resource).arg(requestedPage);
    auto fault = data.faults.find(faultKey);
    if (fault != data.faults.end() && !fault->isEmpty())
        return fault->takeFirst();

    QString orderBy = query.queryItemValue(QStringLiteral("order_by"));
    if (orderBy.isEmpty())
        orderBy = defaultOrder(resource);
    else if (!orders().value(resource).contains(orderBy))
        return error(400, R"({"error":"order_by does not have a valid value"})");
    const QString sort = query.queryItemValue(QStringLiteral("sort"));
    if (!sort.isEmpty() && sort != QLatin1String("asc") && sort != QLatin1String("desc"))
        return error(400, R"({"error":"sort does not have a valid value"})");
    const QString after = query.queryItemValue(QStringLiteral("updated_after"), QUrl::FullyDecoded);
    const QDateTime from = QDateTime::fromString(after, Qt::ISODateWithMs);
    if (!after.isEmpty() && !from.isValid())
        return error(400, R"({"error":"updated_after is invalid"})");

    QList<QJsonObject> items = data.projects.value(projectId).records.value(resource).values();
    if (from.isValid() && resource != QLatin1String("releases")) {
        items.removeIf([&from](const QJsonObject &item) {
            return QDateTime::fromString(item.value(QStringLiteral("updated_at")).toString(),
                                         Qt::ISODateWithMs) < from;
        });
    }
    // Ties in the order are broken by id, as GitLab's keyset of (field, id) does.
    const bool ascending =
        sort.isEmpty() ? resource == QLatin1String("milestones") : sort == QLatin1String("asc");
    std::stable_sort(items.begin(), items.end(),
                     [&orderBy, ascending](const QJsonObject &a, const QJsonObject &b) {
                         const QJsonValue x = a.value(orderBy);
                         const QJsonValue y = b.value(orderBy);
                         const auto less = [](const QJsonValue &p, const QJsonValue &q) {
                             return p.isDouble() ? p.toDouble() < q.toDouble()
                                                 : p.toString() < q.toString();
                         };
                         if (less(x, y) || less(y, x))
                             return ascending ? less(x, y) : less(y, x);
                         return a.value(QStringLiteral("id")).toDouble() <
                                b.value(QStringLiteral("id")).toDouble();
                     });

    const int requestedSize = query.queryItemValue(QStringLiteral("per_page")).toInt();
    const int perPage = qBound(1, requestedSize > 0 ? requestedSize : 20, 100);
    const int total = int(items.size());
    const int totalPages = qMax(1, (total + perPage - 1) / perPage);
    QJsonArray page;
    for (int i = (requestedPage - 1) * perPage; i < qMin(total, requestedPage * perPage); ++i)
        page.append(items.at(i));

    FakeHttpServer::Response response =
        FakeHttpServer::Response::json(QJsonDocument(page).toJson(QJsonDocument::Compact));
    const bool hasNext = requestedPage < totalPages;
    QList<QByteArray> links;
    if (requestedPage > 1)
        links.append('<' + pageUrl(request.url, requestedPage - 1) + ">; rel=\"prev\"");
    if (hasNext)
        links.append('<' + pageUrl(request.url, requestedPage + 1) + ">; rel=\"next\"");
    links.append('<' + pageUrl(request.url, 1) + ">; rel=\"first\"");
    links.append('<' + pageUrl(request.url, totalPages) + ">; rel=\"last\"");
    const qint64 reset = QDateTime::currentSecsSinceEpoch() + 60;
    response.withHeader("Link", links.join(", "))
        .withHeader("X-Page", QByteArray::number(requestedPage))
        .withHeader("X-Per-Page", QByteArray::number(perPage))
        .withHeader("X-Next-Page", hasNext ? QByteArray::number(requestedPage + 1) : QByteArray())
        .withHeader("X-Prev-Page",
                    requestedPage > 1 ? QByteArray::number(requestedPage - 1) : QByteArray())
        .withHeader("X-Total", QByteArray::number(total))
        .withHeader("X-Total-Pages", QByteArray::number(totalPages))
        .withHeader("RateLimit-Limit", "2000")
        .withHeader("RateLimit-Observed", "12")
        .withHeader("RateLimit-Remaining", "1988")
        .withHeader("RateLimit-Reset", QByteArray::number(reset))
        .withHeader("RateLimit-ResetTime",
                    QLocale::c()
                        .toString(QDateTime::fromSecsSinceEpoch(reset, Qt::UTC),
                                  QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                        .toLatin1());
    return response;
}

void FakeGitLab::addProject(qint64 id, const QString &path)
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->projects[id].path = path;
}

void FakeGitLab::put(qint64 project, const QString &resource, int number, const QJsonObject &object)
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->projects[project].records[resource].insert(number, object);
}

QJsonObject FakeGitLab::record(qint64 project, const QString &resource, int number) const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->projects.value(project).records.value(resource).value(number);
}

void FakeGitLab::failPage(qint64 project, const QString &resource, int page,
                          const FakeHttpServer::Response &response, int times)
{
    const QMutexLocker locker(&m_data->mutex);
    QList<FakeHttpServer::Response> &queue =
        m_data->faults[QStringLiteral("%1/%2/%3").arg(project).arg(resource).arg(page)];
    for (int i = 0; i < times; ++i)
        queue.append(response);
}

QJsonObject FakeGitLab::user(int seed) const
{
    const Person &p = people[std::size_t(seed) % people.size()];
    const QString username = QString::fromLatin1(p.username);
    return {
        {QStringLiteral("id"), p.id},
        {QStringLiteral("username"), username},
        {QStringLiteral("name"), QString::fromLatin1(p.name)},
        {QStringLiteral("state"), QStringLiteral("active")},
        {QStringLiteral("locked"), false},
        {QStringLiteral("avatar_url"),
         QStringLiteral("https://secure.gravatar.com/avatar/%1?s=80&d=identicon").arg(p.id * 7919)},
        {QStringLiteral("web_url"), QString(m_data->webBase + QLatin1Char('/') + username)},
    };
}

QJsonObject FakeGitLab::milestoneObject(qint64 project, int iid, const QDateTime &updatedAt,
                                        const QDate &dueDate) const
{
    QString projectPath;
    {
        const QMutexLocker locker(&m_data->mutex);
        projectPath = m_data->projects.value(project).path;
    }
    return {
        {QStringLiteral("id"), milestoneId(project, iid)},
        {QStringLiteral("iid"), iid},
        {QStringLiteral("project_id"), project},
        {QStringLiteral("title"), QStringLiteral("%1.0").arg(iid + 16)},
        {QStringLiteral("description"),
         QStringLiteral("Everything for the %1.0 launch").arg(iid + 16)},
        {QStringLiteral("state"), QStringLiteral("active")},
        {QStringLiteral("created_at"), timestamp(updatedAt.addDays(-40))},
        {QStringLiteral("updated_at"), timestamp(updatedAt)},
        {QStringLiteral("due_date"), day(dueDate)},
        {QStringLiteral("start_date"), day(dueDate.isValid() ? dueDate.addDays(-28) : QDate())},
        {QStringLiteral("expired"), false},
        {QStringLiteral("web_url"),
         QStringLiteral("%1/%2/-/milestones/%3").arg(m_data->webBase, projectPath).arg(iid)},
    };
}

void FakeGitLab::setIssue(qint64 project, int iid, const QDateTime &updatedAt,
                          const QDateTime &closedAt, int milestone)
{
    QString projectPath;
    {
        const QMutexLocker locker(&m_data->mutex);
        projectPath = m_data->projects.value(project).path;
    }
    const qint64 id = itemId(project, iid);
    const QDateTime created = updatedAt.addDays(-2).addMSecs(-317);
    const bool closed = closedAt.isValid();
    QJsonArray assignees;
    QJsonValue assignee = QJsonValue::Null;
    if (iid % 3 != 0) {
        assignee = user(iid);
        assignees.append(assignee);
    }
    const QString api = QStringLiteral("https://gitlab.com/api/v4/projects/%1").arg(project);
    QJsonObject object{
        {QStringLiteral("id"), id},
        {QStringLiteral("iid"), iid},
        {QStringLiteral("project_id"), project},
        {QStringLiteral("title"), QString::fromLatin1(titles[std::size_t(iid) % titles.size()])},
        {QStringLiteral("description"),
         QStringLiteral("Seen on the nightly build.\n\n- [x] reproduce\n- [ ] fix")},
        {QStringLiteral("state"), closed ? QStringLiteral("closed") : QStringLiteral("opened")},
        {QStringLiteral("created_at"), timestamp(created)},
        {QStringLiteral("updated_at"), timestamp(updatedAt)},
        {QStringLiteral("closed_at"), timestamp(closedAt)},
        {QStringLiteral("closed_by"), closed ? QJsonValue(user(0)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("labels"),
         iid % 2 ? QJsonArray{QStringLiteral("bug"), QStringLiteral("priority::high")}
                 : QJsonArray{QStringLiteral("feature")}},
        {QStringLiteral("milestone"),
         milestone > 0
             ? QJsonValue(milestoneObject(project, milestone, created, created.date().addDays(30)))
             : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("assignees"), assignees},
        {QStringLiteral("assignee"), assignee},
        {QStringLiteral("author"), user(iid + 1)},
        {QStringLiteral("type"), QStringLiteral("ISSUE")},
        {QStringLiteral("issue_type"), QStringLiteral("issue")},
        {QStringLiteral("user_notes_count"), iid % 4},
        {QStringLiteral("merge_requests_count"), iid % 2},
        {QStringLiteral("upvotes"), iid % 5},
        {QStringLiteral("downvotes"), 0},
        {QStringLiteral("due_date"), QJsonValue::Null},
        {QStringLiteral("confidential"), false},
        {QStringLiteral("discussion_locked"), QJsonValue::Null},
        {QStringLiteral("web_url"),
         QStringLiteral("%1/%2/-/issues/%3").arg(m_data->webBase, projectPath).arg(iid)},
        {QStringLiteral("time_stats"),
         QJsonObject{{QStringLiteral("time_estimate"), 0},
                     {QStringLiteral("total_time_spent"), 0},
                     {QStringLiteral("human_time_estimate"), QJsonValue::Null},
                     {QStringLiteral("human_total_time_spent"), QJsonValue::Null}}},
        {QStringLiteral("task_completion_status"),
         QJsonObject{{QStringLiteral("count"), 2}, {QStringLiteral("completed_count"), 1}}},
        {QStringLiteral("weight"),
         iid % 4 == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(iid % 4)},
        {QStringLiteral("has_tasks"), true},
        {QStringLiteral("task_status"), QStringLiteral("1 of 2 checklist items completed")},
        {QStringLiteral("_links"),
         QJsonObject{
             {QStringLiteral("self"), QStringLiteral("%1/issues/%2").arg(api).arg(iid)},
             {QStringLiteral("notes"), QStringLiteral("%1/issues/%2/notes").arg(api).arg(iid)},
             {QStringLiteral("award_emoji"),
              QStringLiteral("%1/issues/%2/award_emoji").arg(api).arg(iid)},
             {QStringLiteral("project"), api},
             {QStringLiteral("closed_as_duplicate_of"), QJsonValue::Null}}},
        {QStringLiteral("references"),
         QJsonObject{{QStringLiteral("short"), QStringLiteral("#%1").arg(iid)},
                     {QStringLiteral("relative"), QStringLiteral("#%1").arg(iid)},
                     {QStringLiteral("full"), QStringLiteral("%1#%2").arg(projectPath).arg(iid)}}},
        {QStringLiteral("severity"), QStringLiteral("UNKNOWN")},
        {QStringLiteral("moved_to_id"), QJsonValue::Null},
        {QStringLiteral("service_desk_reply_to"), QJsonValue::Null},
    };
    // Premium fields: every other issue belongs to an epic and an iteration.
    if (iid % 2 == 0) {
        object.insert(QStringLiteral("epic_iid"), 5);
        object.insert(
            QStringLiteral("epic"),
            QJsonObject{{QStringLiteral("id"), 42},
                        {QStringLiteral("iid"), 5},
                        {QStringLiteral("title"), QStringLiteral("Self-serve onboarding")},
                        {QStringLiteral("url"), QStringLiteral("/groups/acme/-/epics/5")},
                        {QStringLiteral("group_id"), 8}});
        object.insert(
            QStringLiteral("iteration"),
            QJsonObject{{QStringLiteral("id"), 90},
                        {QStringLiteral("iid"), 4},
                        {QStringLiteral("sequence"), 2},
                        {QStringLiteral("group_id"), 8},
                        {QStringLiteral("title"), QStringLiteral("Sprint 14")},
                        {QStringLiteral("description"), QJsonValue::Null},
                        {QStringLiteral("state"), 2},
                        {QStringLiteral("created_at"), timestamp(created.addDays(-10))},
                        {QStringLiteral("updated_at"), timestamp(created.addDays(-10))},
                        {QStringLiteral("start_date"), day(created.date())},
                        {QStringLiteral("due_date"), day(created.date().addDays(13))},
                        {QStringLiteral("web_url"),
                         QStringLiteral("https://gitlab.com/groups/acme/-/iterations/90")}});
    } else {
        object.insert(QStringLiteral("epic_iid"), QJsonValue::Null);
        object.insert(QStringLiteral("epic"), QJsonValue::Null);
        object.insert(QStringLiteral("iteration"), QJsonValue::Null);
    }
    put(project, QStringLiteral("issues"), iid, object);
}

void FakeGitLab::setMergeRequest(qint64 project, int iid, const QDateTime &updatedAt,
                                 const QDateTime &mergedAt, int milestone)
{
    QString projectPath;
    {
        const QMutexLocker locker(&m_data->mutex);
        projectPath = m_data->projects.value(project).path;
    }
    const QDateTime created = updatedAt.addDays(-1).addMSecs(-512);
    const bool merged = mergedAt.isValid();
    const QJsonValue merger = merged ? QJsonValue(user(0)) : QJsonValue(QJsonValue::Null);
    QJsonArray assignees;
    QJsonValue assignee = QJsonValue::Null;
    if (iid % 2 == 0) {
        assignee = user(iid + 2);
        assignees.append(assignee);
    }
    const QString sha = QString::number(quint64(iid) * 2654435761u, 16).rightJustified(40, u'a');
    const QJsonObject object{
        {QStringLiteral("id"), itemId(project, iid)},
        {QStringLiteral("iid"), iid},
        {QStringLiteral("project_id"), project},
        {QStringLiteral("title"),
         QStringLiteral("Resolve \"%1\"")
             .arg(QString::fromLatin1(titles[std::size_t(iid) % titles.size()]))},
        {QStringLiteral("description"), QStringLiteral("Closes #%1").arg(iid)},
        {QStringLiteral("state"), merged ? QStringLiteral("merged") : QStringLiteral("opened")},
        {QStringLiteral("merged_by"), merger},
        {QStringLiteral("merge_user"), merger},
        {QStringLiteral("merged_at"), timestamp(mergedAt)},
        {QStringLiteral("prepared_at"), timestamp(created.addSecs(4))},
        {QStringLiteral("closed_by"), QJsonValue::Null},
        {QStringLiteral("closed_at"), QJsonValue::Null},
        {QStringLiteral("created_at"), timestamp(created)},
        {QStringLiteral("updated_at"), timestamp(updatedAt)},
        {QStringLiteral("target_branch"), QStringLiteral("main")},
        {QStringLiteral("source_branch"), QStringLiteral("%1-fix").arg(iid)},
        {QStringLiteral("upvotes"), 0},
        {QStringLiteral("downvotes"), 0},
        {QStringLiteral("author"), user(iid + 1)},
        {QStringLiteral("assignee"), assignee},
        {QStringLiteral("assignees"), assignees},
        {QStringLiteral("reviewers"), QJsonArray{user(iid + 3)}},
        {QStringLiteral("source_project_id"), project},
        {QStringLiteral("target_project_id"), project},
        {QStringLiteral("labels"), QJsonArray{QStringLiteral("backend")}},
        {QStringLiteral("draft"), false},
        {QStringLiteral("work_in_progress"), false},
        {QStringLiteral("milestone"),
         milestone > 0
             ? QJsonValue(milestoneObject(project, milestone, created, created.date().addDays(30)))
             : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("merge_when_pipeline_succeeds"), false},
        {QStringLiteral("merge_status"), QStringLiteral("can_be_merged")},
        {QStringLiteral("detailed_merge_status"),
         merged ? QStringLiteral("not_open") : QStringLiteral("mergeable")},
        {QStringLiteral("sha"), sha},
        {QStringLiteral("merge_commit_sha"),
         merged ? QJsonValue(sha) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("squash_commit_sha"), QJsonValue::Null},
        {QStringLiteral("user_notes_count"), iid % 3},
        {QStringLiteral("discussion_locked"), QJsonValue::Null},
        {QStringLiteral("should_remove_source_branch"), true},
        {QStringLiteral("force_remove_source_branch"), true},
        {QStringLiteral("allow_collaboration"), false},
        {QStringLiteral("allow_maintainer_to_push"), false},
        {QStringLiteral("web_url"),
         QStringLiteral("%1/%2/-/merge_requests/%3").arg(m_data->webBase, projectPath).arg(iid)},
        {QStringLiteral("references"),
         QJsonObject{{QStringLiteral("short"), QStringLiteral("!%1").arg(iid)},
                     {QStringLiteral("relative"), QStringLiteral("!%1").arg(iid)},
                     {QStringLiteral("full"), QStringLiteral("%1!%2").arg(projectPath).arg(iid)}}},
        {QStringLiteral("time_stats"),
         QJsonObject{{QStringLiteral("time_estimate"), 0},
                     {QStringLiteral("total_time_spent"), 0},
                     {QStringLiteral("human_time_estimate"), QJsonValue::Null},
                     {QStringLiteral("human_total_time_spent"), QJsonValue::Null}}},
        {QStringLiteral("squash"), false},
        {QStringLiteral("squash_on_merge"), false},
        {QStringLiteral("task_completion_status"),
         QJsonObject{{QStringLiteral("count"), 0}, {QStringLiteral("completed_count"), 0}}},
        {QStringLiteral("has_conflicts"), false},
        {QStringLiteral("blocking_discussions_resolved"), true},
    };
    put(project, QStringLiteral("merge_requests"), iid, object);
}

void FakeGitLab::setPipeline(qint64 project, int number, const QDateTime &updatedAt,
                             const QString &status)
{
    QString projectPath;
    {
        const QMutexLocker locker(&m_data->mutex);
        projectPath = m_data->projects.value(project).path;
    }
    const qint64 id = 9000000 + project % 1000 * 1000 + number;
    // The list gives no started_at, finished_at or duration: only the single-pipeline
    // endpoint does.
    const QJsonObject object{
        {QStringLiteral("id"), id},
        {QStringLiteral("iid"), number},
        {QStringLiteral("project_id"), project},
        {QStringLiteral("status"), status},
        {QStringLiteral("source"),
         number % 3 ? QStringLiteral("push") : QStringLiteral("merge_request_event")},
        {QStringLiteral("ref"), number % 3
                                    ? QStringLiteral("main")
                                    : QStringLiteral("refs/merge-requests/%1/head").arg(number)},
        {QStringLiteral("sha"),
         QString::number(quint64(number) * 40503u, 16).rightJustified(40, u'0')},
        {QStringLiteral("name"), QJsonValue::Null},
        {QStringLiteral("web_url"),
         QStringLiteral("%1/%2/-/pipelines/%3").arg(m_data->webBase, projectPath).arg(id)},
        {QStringLiteral("created_at"), timestamp(updatedAt.addSecs(-300))},
        {QStringLiteral("updated_at"), timestamp(updatedAt)},
    };
    put(project, QStringLiteral("pipelines"), number, object);
}

void FakeGitLab::setRelease(qint64 project, int number, const QDateTime &releasedAt)
{
    QString projectPath;
    {
        const QMutexLocker locker(&m_data->mutex);
        projectPath = m_data->projects.value(project).path;
    }
    const QString tag = QStringLiteral("v2.%1.0").arg(number);
    const QString web = QString(m_data->webBase + QLatin1Char('/') + projectPath);
    const QString commit = QString::number(quint64(number) * 97531u, 16).rightJustified(40, u'c');
    const QString name = projectPath.section(QLatin1Char('/'), -1);
    const QJsonObject object{
        {QStringLiteral("tag_name"), tag},
        {QStringLiteral("description"),
         QStringLiteral("## Changes\n\n- Faster sync\n- Fewer retries")},
        {QStringLiteral("name"),
         number % 4 == 0 ? QString() : QStringLiteral("Rocket %1").arg(tag)},
        {QStringLiteral("created_at"), timestamp(releasedAt.addSecs(-600))},
        {QStringLiteral("released_at"), timestamp(releasedAt)},
        {QStringLiteral("upcoming_release"), false},
        {QStringLiteral("author"), user(number)},
        {QStringLiteral("commit"),
         QJsonObject{{QStringLiteral("id"), commit},
                     {QStringLiteral("short_id"), commit.left(8)},
                     {QStringLiteral("title"), QStringLiteral("Prepare %1").arg(tag)},
                     {QStringLiteral("created_at"), timestamp(releasedAt.addSecs(-900))},
                     {QStringLiteral("parent_ids"), QJsonArray{commit.right(40)}},
                     {QStringLiteral("message"), QStringLiteral("Prepare %1").arg(tag)},
                     {QStringLiteral("author_name"), QStringLiteral("Administrator")},
                     {QStringLiteral("author_email"), QStringLiteral("admin@example.com")},
                     {QStringLiteral("authored_date"), timestamp(releasedAt.addSecs(-900))},
                     {QStringLiteral("committer_name"), QStringLiteral("Administrator")},
                     {QStringLiteral("committer_email"), QStringLiteral("admin@example.com")},
                     {QStringLiteral("committed_date"), timestamp(releasedAt.addSecs(-900))}}},
        {QStringLiteral("milestones"), QJsonArray{}},
        {QStringLiteral("commit_path"), QStringLiteral("/%1/-/commit/%2").arg(projectPath, commit)},
        {QStringLiteral("tag_path"), QStringLiteral("/%1/-/tags/%2").arg(projectPath, tag)},
        {QStringLiteral("assets"),
         QJsonObject{
             {QStringLiteral("count"), 2},
             {QStringLiteral("sources"),
              QJsonArray{
                  QJsonObject{{QStringLiteral("format"), QStringLiteral("zip")},
                              {QStringLiteral("url"),
                               QStringLiteral("%1/-/archive/%2/%3-%2.zip").arg(web, tag, name)}},
                  QJsonObject{{QStringLiteral("format"), QStringLiteral("tar.gz")},
                              {QStringLiteral("url"), QStringLiteral("%1/-/archive/%2/%3-%2.tar.gz")
                                                          .arg(web, tag, name)}}}},
             {QStringLiteral("links"), QJsonArray{}}}},
        {QStringLiteral("evidences"), QJsonArray{}},
        {QStringLiteral("_links"),
         QJsonObject{
             {QStringLiteral("closed_issues_url"),
              QStringLiteral("%1/-/issues?release_tag=%2&scope=all&state=closed").arg(web, tag)},
             {QStringLiteral("closed_merge_requests_url"),
              QStringLiteral("%1/-/merge_requests?release_tag=%2&scope=all&state=closed")
                  .arg(web, tag)},
             {QStringLiteral("edit_url"), QStringLiteral("%1/-/releases/%2/edit").arg(web, tag)},
             {QStringLiteral("merged_merge_requests_url"),
              QStringLiteral("%1/-/merge_requests?release_tag=%2&scope=all&state=merged")
                  .arg(web, tag)},
             {QStringLiteral("opened_issues_url"),
              QStringLiteral("%1/-/issues?release_tag=%2&scope=all&state=opened").arg(web, tag)},
             {QStringLiteral("opened_merge_requests_url"),
              QStringLiteral("%1/-/merge_requests?release_tag=%2&scope=all&state=opened")
                  .arg(web, tag)},
             {QStringLiteral("self"), QStringLiteral("%1/-/releases/%2").arg(web, tag)}}},
    };
    put(project, QStringLiteral("releases"), number, object);
}

void FakeGitLab::setMilestone(qint64 project, int iid, const QDateTime &updatedAt,
                              const QDate &dueDate)
{
    put(project, QStringLiteral("milestones"), iid,
        milestoneObject(project, iid, updatedAt, dueDate));
}
