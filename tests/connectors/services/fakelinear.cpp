#include "fakelinear.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>
#include <array>

namespace {

// Linear's ids are UUIDs; derived from a name so that every run gives the same ones.
QString uuid(const QString &name)
{
    static const QUuid space(QStringLiteral("6f0c4a52-5d0e-4a8e-9d1e-3c1b8f6a2b10"));
    return QUuid::createUuidV5(space, name).toString(QUuid::WithoutBraces);
}

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
    const char *name;
    const char *email;
};

constexpr std::array people = {
    Person{"Ana Ruiz", "ana@acme.dev"},
    Person{"Kenji Mori", "kenji@acme.dev"},
    Person{"Lea Brandt", "lea@acme.dev"},
};

constexpr std::array<const char *, 4> titles = {
    "Onboarding checklist skips the last step",
    "Cycle report double-counts carried-over issues",
    "Add SAML login for enterprise workspaces",
    "Board view loses scroll position",
};

constexpr std::array<const char *, 5> priorityLabels = {"No priority", "Urgent", "High", "Medium",
                                                        "Low"};

// Linear answers GraphQL problems in its error envelope: validation errors with HTTP 400,
// everything else with HTTP 200 and no data.
FakeHttpServer::Response graphqlError(int status, const QString &message, const QString &type,
                                      const QString &code)
{
    const QJsonObject error{{QStringLiteral("message"), message},
                            {QStringLiteral("extensions"),
                             QJsonObject{{QStringLiteral("type"), type},
                                         {QStringLiteral("code"), code},
                                         {QStringLiteral("userError"), true},
                                         {QStringLiteral("userPresentableMessage"), message}}}};
    QJsonObject body{{QStringLiteral("errors"), QJsonArray{error}}};
    if (status == 200)
        body.insert(QStringLiteral("data"), QJsonValue::Null);
    return FakeHttpServer::Response::json(QJsonDocument(body).toJson(QJsonDocument::Compact),
                                          status);
}

} // namespace

FakeLinear::FakeLinear(FakeHttpServer &server, const QByteArray &apiKey)
    : m_data(std::make_shared<Data>())
{
    m_data->apiKey = apiKey;
    const std::shared_ptr<Data> data = m_data;
    server.route("POST", QStringLiteral("/graphql"),
                 [data](const FakeHttpServer::Request &request) { return answer(*data, request); });
}

QString FakeLinear::projectId(int number)
{
    return uuid(QStringLiteral("project-%1").arg(number));
}

FakeHttpServer::Response FakeLinear::answer(Data &data, const FakeHttpServer::Request &request)
{
    const QMutexLocker locker(&data.mutex);
    if (request.header("authorization") != data.apiKey) {
        return graphqlError(401, QStringLiteral("Authentication required, not authenticated"),
                            QStringLiteral("authentication error"),
                            QStringLiteral("AUTHENTICATION_ERROR"));
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString query = body.value(QStringLiteral("query")).toString().simplified();
    const QJsonObject variables = body.value(QStringLiteral("variables")).toObject();
    if (query.isEmpty() || !request.header("content-type").startsWith("application/json"))
        return graphqlError(400, QStringLiteral("Must provide query string."),
                            QStringLiteral("graphql error"),
                            QStringLiteral("GRAPHQL_VALIDATION_FAILED"));

    static const QRegularExpression connection(QStringLiteral("\\b(issues|projects)\\("));
    const QString name = connection.match(query).captured(1);
    if (name.isEmpty())
        return graphqlError(400, QStringLiteral("Cannot query field on type \"Query\"."),
                            QStringLiteral("graphql error"),
                            QStringLiteral("GRAPHQL_VALIDATION_FAILED"));
    // The fake serves only what incremental sync needs; anything else would be a different
    // query than the connector means to send.
    if (!query.contains(QLatin1String("orderBy: updatedAt")) ||
        !query.contains(QLatin1String("filter: { updatedAt: { gt: $since } }")) ||
        !query.contains(QLatin1String("pageInfo { hasNextPage endCursor }")))
        return graphqlError(400, QStringLiteral("The fake expects updatedAt order and filter."),
                            QStringLiteral("graphql error"),
                            QStringLiteral("GRAPHQL_VALIDATION_FAILED"));
    const QString since = variables.value(QStringLiteral("since")).toString();
    if (since.isEmpty())
        return graphqlError(
            400,
            QStringLiteral(
                "Variable \"$since\" of required type \"DateTimeOrDuration!\" was not provided."),
            QStringLiteral("graphql error"), QStringLiteral("GRAPHQL_VALIDATION_FAILED"));
    const QDateTime from = QDateTime::fromString(since, Qt::ISODateWithMs);
    if (!from.isValid())
        return graphqlError(200, QStringLiteral("Argument Validation Error"),
                            QStringLiteral("invalid input"), QStringLiteral("INPUT_ERROR"));
    const int first = variables.value(QStringLiteral("first")).toInt(50);
    if (first < 1 || first > 250)
        return graphqlError(200, QStringLiteral("Argument Validation Error"),
                            QStringLiteral("invalid input"), QStringLiteral("INPUT_ERROR"));

    QList<QJsonObject> nodes =
        (name == QLatin1String("issues") ? data.issues : data.projects).values();
    nodes.removeIf([&from](const QJsonObject &node) {
        return QDateTime::fromString(node.value(QStringLiteral("updatedAt")).toString(),
                                     Qt::ISODateWithMs) <= from;
    });
    std::sort(nodes.begin(), nodes.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const QString x = a.value(QStringLiteral("updatedAt")).toString();
        const QString y = b.value(QStringLiteral("updatedAt")).toString();
        return x != y ? x < y
                      : a.value(QStringLiteral("id")).toString() <
                            b.value(QStringLiteral("id")).toString();
    });
    qsizetype start = 0;
    const QString after = variables.value(QStringLiteral("after")).toString();
    if (!after.isEmpty()) {
        start = -1;
        for (qsizetype i = 0; i < nodes.size() && start < 0; ++i) {
            if (nodes.at(i).value(QStringLiteral("id")).toString() == after)
                start = i + 1;
        }
        if (start < 0)
            return graphqlError(200, QStringLiteral("Cursor not found"),
                                QStringLiteral("invalid input"), QStringLiteral("INPUT_ERROR"));
    }
    QJsonArray page;
    for (qsizetype i = start; i < qMin(nodes.size(), start + first); ++i)
        page.append(nodes.at(i));
    const bool more = start + first < nodes.size();
    const QJsonValue endCursor = page.isEmpty()
                                     ? QJsonValue(QJsonValue::Null)
                                     : page.last().toObject().value(QStringLiteral("id"));
    const QJsonObject result{
        {QStringLiteral("data"),
         QJsonObject{
             {name, QJsonObject{{QStringLiteral("nodes"), page},
                                {QStringLiteral("pageInfo"),
                                 QJsonObject{{QStringLiteral("hasNextPage"), more},
                                             {QStringLiteral("endCursor"), endCursor}}}}}}}};
    FakeHttpServer::Response response =
        FakeHttpServer::Response::json(QJsonDocument(result).toJson(QJsonDocument::Compact));
    const qint64 reset = QDateTime::currentMSecsSinceEpoch() + 3600 * 1000;
    response.withHeader("X-RateLimit-Requests-Limit", "5000")
        .withHeader("X-RateLimit-Requests-Remaining", "4990")
        .withHeader("X-RateLimit-Requests-Reset", QByteArray::number(reset))
        .withHeader("X-RateLimit-Complexity-Limit", "3000000")
        .withHeader("X-RateLimit-Complexity-Remaining", "2990000")
        .withHeader("X-RateLimit-Complexity-Reset", QByteArray::number(reset))
        .withHeader("X-Complexity", QByteArray::number(first * 12));
    return response;
}

void FakeLinear::setIssue(int number, const QDateTime &updatedAt, const QDateTime &completedAt,
                          int project, int cycle)
{
    const QDateTime created = updatedAt.addDays(-5).addMSecs(-84);
    const bool done = completedAt.isValid();
    const bool started = done || number % 2 == 0;
    static constexpr std::array<int, 5> estimates = {1, 2, 3, 5, 8};
    const QString identifier = QStringLiteral("ENG-%1").arg(number);
    const QString title = QString::fromLatin1(titles[std::size_t(number) % titles.size()]);
    QString slug = title.toLower();
    slug.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    const Person &person = people[std::size_t(number) % people.size()];
    QJsonObject state;
    if (done)
        state = {{QStringLiteral("id"), uuid(QStringLiteral("state-done"))},
                 {QStringLiteral("name"), QStringLiteral("Done")},
                 {QStringLiteral("type"), QStringLiteral("completed")}};
    else if (started)
        state = {{QStringLiteral("id"), uuid(QStringLiteral("state-progress"))},
                 {QStringLiteral("name"), QStringLiteral("In Progress")},
                 {QStringLiteral("type"), QStringLiteral("started")}};
    else
        state = {{QStringLiteral("id"), uuid(QStringLiteral("state-todo"))},
                 {QStringLiteral("name"), QStringLiteral("Todo")},
                 {QStringLiteral("type"), QStringLiteral("unstarted")}};
    const QJsonObject object{
        {QStringLiteral("id"), uuid(QStringLiteral("issue-%1").arg(number))},
        {QStringLiteral("identifier"), identifier},
        {QStringLiteral("number"), number},
        {QStringLiteral("title"), title},
        {QStringLiteral("priority"), number % 5},
        {QStringLiteral("priorityLabel"),
         QString::fromLatin1(priorityLabels[std::size_t(number) % priorityLabels.size()])},
        {QStringLiteral("estimate"),
         number % 3 == 0 ? QJsonValue(QJsonValue::Null)
                         : QJsonValue(estimates[std::size_t(number) % estimates.size()])},
        {QStringLiteral("url"),
         QStringLiteral("https://linear.app/acme/issue/%1/%2").arg(identifier.toLower(), slug)},
        {QStringLiteral("createdAt"), timestamp(created)},
        {QStringLiteral("updatedAt"), timestamp(updatedAt)},
        {QStringLiteral("startedAt"),
         started ? timestamp(created.addDays(1)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("completedAt"), timestamp(completedAt)},
        {QStringLiteral("canceledAt"), QJsonValue::Null},
        {QStringLiteral("archivedAt"), QJsonValue::Null},
        {QStringLiteral("dueDate"),
         number % 4 == 0 ? day(created.date().addDays(14)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("state"), state},
        {QStringLiteral("team"),
         QJsonObject{{QStringLiteral("id"), uuid(QStringLiteral("team-eng"))},
                     {QStringLiteral("key"), QStringLiteral("ENG")},
                     {QStringLiteral("name"), QStringLiteral("Engineering")}}},
        {QStringLiteral("assignee"),
         number % 4 == 3 ? QJsonValue(QJsonValue::Null)
                         : QJsonValue(QJsonObject{
                               {QStringLiteral("id"),
                                uuid(QStringLiteral("user-%1").arg(QLatin1String(person.email)))},
                               {QStringLiteral("name"), QString::fromLatin1(person.name)},
                               {QStringLiteral("email"), QString::fromLatin1(person.email)}})},
        {QStringLiteral("labels"),
         QJsonObject{{QStringLiteral("nodes"),
                      number % 2 ? QJsonArray{QJsonObject{
                                       {QStringLiteral("id"), uuid(QStringLiteral("label-bug"))},
                                       {QStringLiteral("name"), QStringLiteral("Bug")}}}
                                 : QJsonArray{}}}},
        {QStringLiteral("project"),
         project > 0 ? QJsonValue(QJsonObject{
                           {QStringLiteral("id"), projectId(project)},
                           {QStringLiteral("name"), QStringLiteral("Launch %1").arg(project)}})
                     : QJsonValue(QJsonValue::Null)},
        // Cycles are often unnamed: only their number identifies them.
        {QStringLiteral("cycle"),
         cycle > 0 ? QJsonValue(QJsonObject{
                         {QStringLiteral("id"), uuid(QStringLiteral("cycle-%1").arg(cycle))},
                         {QStringLiteral("number"), cycle},
                         {QStringLiteral("name"),
                          cycle % 2 ? QJsonValue(QJsonValue::Null)
                                    : QJsonValue(QStringLiteral("Hardening %1").arg(cycle))}})
                   : QJsonValue(QJsonValue::Null)},
    };
    const QMutexLocker locker(&m_data->mutex);
    m_data->issues.insert(number, object);
}

void FakeLinear::setProject(int number, const QDateTime &updatedAt, const QDate &targetDate)
{
    static const std::array<std::array<const char *, 2>, 3> statuses = {{
        {"Planned", "planned"},
        {"In Progress", "started"},
        {"Completed", "completed"},
    }};
    const auto &status = statuses[std::size_t(number) % statuses.size()];
    const bool completed = number % 3 == 2;
    const QDateTime created = updatedAt.addDays(-60).addMSecs(-431);
    const QString id = projectId(number);
    const QJsonObject object{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), QStringLiteral("Launch %1").arg(number)},
        {QStringLiteral("description"),
         QStringLiteral("Everything that ships with launch %1.").arg(number)},
        {QStringLiteral("url"), QStringLiteral("https://linear.app/acme/project/launch-%1-%2")
                                    .arg(number)
                                    .arg(id.right(12))},
        {QStringLiteral("startDate"), day(created.date().addDays(7))},
        {QStringLiteral("targetDate"), day(targetDate)},
        {QStringLiteral("createdAt"), timestamp(created)},
        {QStringLiteral("updatedAt"), timestamp(updatedAt)},
        {QStringLiteral("completedAt"),
         completed ? timestamp(updatedAt) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("canceledAt"), QJsonValue::Null},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("id"), uuid(QString::fromLatin1(status[1]))},
                     {QStringLiteral("name"), QString::fromLatin1(status[0])},
                     {QStringLiteral("type"), QString::fromLatin1(status[1])}}},
    };
    const QMutexLocker locker(&m_data->mutex);
    m_data->projects.insert(number, object);
}

QJsonObject FakeLinear::issue(int number) const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->issues.value(number);
}

QJsonObject FakeLinear::project(int number) const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->projects.value(number);
}
