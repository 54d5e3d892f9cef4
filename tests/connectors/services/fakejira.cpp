#include "fakejira.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>

#include <algorithm>
#include <functional>

namespace {

using Response = FakeHttpServer::Response;

// Concatenates into a QString, which JSON initialisers need (a string builder is no value).
QString join(const QString &first, const QString &second)
{
    return first + second;
}

Response jiraError(int status, const QString &message)
{
    const QJsonObject body{{QStringLiteral("errorMessages"), QJsonArray{message}},
                           {QStringLiteral("errors"), QJsonObject()}};
    return Response::json(QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

int hierarchyLevel(const QString &type)
{
    if (type == QLatin1String("Epic"))
        return 1;
    if (type == QLatin1String("Sub-task"))
        return -1;
    return 0;
}

QString typeId(const QString &type)
{
    static const QMap<QString, QString> ids{{QStringLiteral("Epic"), QStringLiteral("10000")},
                                            {QStringLiteral("Story"), QStringLiteral("10001")},
                                            {QStringLiteral("Task"), QStringLiteral("10002")},
                                            {QStringLiteral("Sub-task"), QStringLiteral("10003")},
                                            {QStringLiteral("Bug"), QStringLiteral("10004")}};
    return ids.value(type, QStringLiteral("10005"));
}

QJsonObject issueType(const QString &site, const QString &type)
{
    const QString id = typeId(type);
    return {{QStringLiteral("self"), join(site, QStringLiteral("/rest/api/3/issuetype/") + id)},
            {QStringLiteral("id"), id},
            {QStringLiteral("description"), QString()},
            {QStringLiteral("iconUrl"),
             join(site,
                  QStringLiteral("/rest/api/2/universal_avatar/view/type/issuetype/avatar/") + id)},
            {QStringLiteral("name"), type},
            {QStringLiteral("subtask"), hierarchyLevel(type) < 0},
            {QStringLiteral("avatarId"), 10300},
            {QStringLiteral("hierarchyLevel"), hierarchyLevel(type)}};
}

QJsonObject status(const QString &site, const QString &name, const QString &category)
{
    struct Category
    {
        int id;
        const char *color;
        const char *name;
    };
    static const QMap<QString, Category> categories{
        {QStringLiteral("new"), {2, "blue-gray", "To Do"}},
        {QStringLiteral("indeterminate"), {4, "yellow", "In Progress"}},
        {QStringLiteral("done"), {3, "green", "Done"}}};
    const Category c = categories.value(category, {2, "blue-gray", "To Do"});
    return {{QStringLiteral("self"), join(site, QStringLiteral("/rest/api/3/status/3"))},
            {QStringLiteral("description"), QString()},
            {QStringLiteral("iconUrl"), join(site, QStringLiteral("/"))},
            {QStringLiteral("name"), name},
            {QStringLiteral("id"), QStringLiteral("3")},
            {QStringLiteral("statusCategory"),
             QJsonObject{
                 {QStringLiteral("self"), join(site, QStringLiteral("/rest/api/3/statuscategory/") +
                                                         QString::number(c.id))},
                 {QStringLiteral("id"), c.id},
                 {QStringLiteral("key"), category},
                 {QStringLiteral("colorName"), QLatin1String(c.color)},
                 {QStringLiteral("name"), QLatin1String(c.name)}}}};
}

QJsonValue dateOrNull(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

// One condition of a JQL query that the fake understands.
struct Clause
{
    QString field;
    QString op;
    QString value;
    QDateTime when; // for date fields
};

QString unquote(QString value)
{
    value = value.trimmed();
    if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')))
        return value.mid(1, value.size() - 2);
    return value;
}

// Splits at AND outside quotes and parentheses; parenthesised groups are read recursively.
bool parseConditions(const QString &text, int utcOffset, QList<Clause> *clauses, QString *error)
{
    QStringList parts;
    int depth = 0;
    bool quoted = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (!quoted && c == QLatin1Char('('))
            ++depth;
        else if (!quoted && c == QLatin1Char(')'))
            --depth;
        else if (!quoted && depth == 0 &&
                 QStringView(text).mid(i).startsWith(QLatin1String(" AND "), Qt::CaseInsensitive)) {
            parts.append(text.mid(start, i - start));
            start = i + 5;
            i += 4;
        }
    }
    parts.append(text.mid(start));
    static const QRegularExpression clausePattern(
        QStringLiteral("^([A-Za-z_][A-Za-z0-9_]*)\\s*(>=|<=|!=|=|>|<)\\s*(.+)$"));
    static const QStringList dateFormats{
        QStringLiteral("yyyy/MM/dd HH:mm"), QStringLiteral("yyyy-MM-dd HH:mm"),
        QStringLiteral("yyyy/MM/dd"), QStringLiteral("yyyy-MM-dd")};
    for (QString part : std::as_const(parts)) {
        part = part.trimmed();
        if (part.startsWith(QLatin1Char('(')) && part.endsWith(QLatin1Char(')'))) {
            if (!parseConditions(part.mid(1, part.size() - 2), utcOffset, clauses, error))
                return false;
            continue;
        }
        const QRegularExpressionMatch m = clausePattern.match(part);
        if (!m.hasMatch()) {
            *error = QStringLiteral("Error in the JQL Query: Expecting a field name but got '%1'.")
                         .arg(part);
            return false;
        }
        Clause clause{m.captured(1).toLower(), m.captured(2), unquote(m.captured(3)), {}};
        static const QStringList known{QStringLiteral("project"), QStringLiteral("issuetype"),
                                       QStringLiteral("labels"), QStringLiteral("updated"),
                                       QStringLiteral("created")};
        if (!known.contains(clause.field)) {
            *error = QStringLiteral(
                         "Field '%1' does not exist or you do not have permission to view it.")
                         .arg(m.captured(1));
            return false;
        }
        if (clause.field == QLatin1String("updated") || clause.field == QLatin1String("created")) {
            for (const QString &format : dateFormats) {
                const QDateTime local = QDateTime::fromString(clause.value, format);
                if (local.isValid()) {
                    clause.when =
                        QDateTime(local.date(), local.time(), Qt::OffsetFromUTC, utcOffset).toUTC();
                    break;
                }
            }
            if (!clause.when.isValid()) {
                *error = QStringLiteral("Date value '%1' for field '%2' is invalid. Valid formats "
                                        "include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', "
                                        "'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. "
                                        "'-5d', '4w 2d'.")
                             .arg(clause.value, m.captured(1));
                return false;
            }
        }
        clauses->append(clause);
    }
    return true;
}

bool matches(const Clause &clause, const FakeJira::Issue &issue)
{
    if (clause.field == QLatin1String("project"))
        return (issue.project == clause.value) == (clause.op == QLatin1String("="));
    if (clause.field == QLatin1String("issuetype"))
        return (issue.type.compare(clause.value, Qt::CaseInsensitive) == 0) ==
               (clause.op == QLatin1String("="));
    if (clause.field == QLatin1String("labels"))
        return issue.labels.contains(clause.value) == (clause.op == QLatin1String("="));
    const QDateTime value =
        clause.field == QLatin1String("updated") ? issue.updated.toUTC() : issue.created.toUTC();
    if (clause.op == QLatin1String(">="))
        return value >= clause.when;
    if (clause.op == QLatin1String(">"))
        return value > clause.when;
    if (clause.op == QLatin1String("<="))
        return value <= clause.when;
    if (clause.op == QLatin1String("<"))
        return value < clause.when;
    return value == clause.when;
}

QByteArray pageToken(qsizetype offset, const QString &jql)
{
    return QByteArray("o=" + QByteArray::number(offset) +
                      ";q=" + QByteArray::number(qHash(jql), 16))
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

FakeJira::FakeJira(FakeHttpServer &server, const QByteArray &email, const QByteArray &apiToken)
    : m_site(server.baseUrl().toString())
    , m_data(std::make_shared<Data>())
{
    m_data->authorization = "Basic " + QByteArray(email + ':' + apiToken).toBase64();
    const std::shared_ptr<Data> data = m_data;
    const QString site = m_site;
    server.route("GET", searchPath(), [data, site](const FakeHttpServer::Request &request) {
        const QMutexLocker locker(&data->mutex);
        if (request.header("authorization") != data->authorization)
            return jiraError(401, QStringLiteral("Client must be authenticated to access this "
                                                 "resource."));
        return search(*data, request);
    });
    server.routePrefix("GET", QStringLiteral("/rest/api/3/project/"),
                       [data](const FakeHttpServer::Request &request) {
                           const QMutexLocker locker(&data->mutex);
                           if (request.header("authorization") != data->authorization)
                               return jiraError(401, QStringLiteral("Client must be authenticated "
                                                                    "to access this resource."));
                           return versions(*data, request);
                       });
}

void FakeJira::setCustomFields(const QString &points, const QString &sprint,
                               const QString &epicLink)
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->pointsField = points;
    m_data->sprintField = sprint;
    m_data->epicLinkField = epicLink;
}

void FakeJira::setUserUtcOffset(int seconds)
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->utcOffset = seconds;
}

void FakeJira::setLastPage(LastPage style)
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->lastPage = style;
}

void FakeJira::setIssue(const Issue &issue)
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->issues.insert(issue.project + QLatin1Char('-') + QString::number(issue.number), issue);
}

void FakeJira::addVersion(const QString &project, const QString &id, const QString &name,
                          bool released, const QDate &releaseDate)
{
    QJsonObject version{
        {QStringLiteral("self"), join(m_site, QStringLiteral("/rest/api/3/version/") + id)},
        {QStringLiteral("id"), id},
        {QStringLiteral("description"), join(QStringLiteral("Release "), name)},
        {QStringLiteral("name"), name},
        {QStringLiteral("archived"), false},
        {QStringLiteral("released"), released},
        {QStringLiteral("projectId"), 10000}};
    if (releaseDate.isValid()) {
        version.insert(QStringLiteral("releaseDate"), releaseDate.toString(Qt::ISODate));
        version.insert(QStringLiteral("userReleaseDate"),
                       QLocale::c().toString(releaseDate, QStringLiteral("dd/MMM/yy")));
        if (!released)
            version.insert(QStringLiteral("overdue"), releaseDate < QDate::currentDate());
    }
    const QMutexLocker locker(&m_data->mutex);
    m_data->versions.append({project, version});
}

void FakeJira::failSearchPage(int page, const FakeHttpServer::Response &response, int times)
{
    const QMutexLocker locker(&m_data->mutex);
    for (int i = 0; i < times; ++i)
        m_data->pageFaults[page].append(response);
}

QJsonObject FakeJira::issue(const QString &key) const
{
    const QMutexLocker locker(&m_data->mutex);
    return render(*m_data, m_data->issues.value(key), m_site);
}

QString FakeJira::jql(int request) const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->jqls.value(request);
}

int FakeJira::searchCount() const
{
    const QMutexLocker locker(&m_data->mutex);
    return int(m_data->jqls.size());
}

QString FakeJira::timestamp(const QDateTime &when, int utcOffsetSeconds)
{
    const QDateTime local = when.toOffsetFromUtc(utcOffsetSeconds);
    const int minutes = qAbs(utcOffsetSeconds) / 60;
    return local.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) +
           (utcOffsetSeconds < 0 ? QLatin1Char('-') : QLatin1Char('+')) +
           QStringLiteral("%1%2")
               .arg(minutes / 60, 2, 10, QLatin1Char('0'))
               .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QJsonObject FakeJira::render(const Data &data, const Issue &issue, const QString &site)
{
    const QString key = issue.project + QLatin1Char('-') + QString::number(issue.number);
    // Ids follow the order of keys within a project, as they do on a real site.
    const QString id =
        QString::number(10000 + issue.number + 100000 * int(qHash(issue.project) % 89));
    const QJsonValue null(QJsonValue::Null);
    const auto stamp = [&data, &null](const QDateTime &when) {
        return when.isValid() ? QJsonValue(timestamp(when, data.utcOffset)) : null;
    };
    QJsonObject fields{
        {QStringLiteral("summary"),
         issue.summary.isEmpty() ? QStringLiteral("Work item %1").arg(key) : issue.summary},
        {QStringLiteral("issuetype"), issueType(site, issue.type)},
        {QStringLiteral("status"), status(site, issue.status, issue.statusCategory)},
        {QStringLiteral("project"),
         QJsonObject{
             {QStringLiteral("self"), join(site, QStringLiteral("/rest/api/3/project/10000"))},
             {QStringLiteral("id"), QStringLiteral("10000")},
             {QStringLiteral("key"), issue.project},
             {QStringLiteral("name"), join(issue.project.left(1), issue.project.mid(1).toLower())},
             {QStringLiteral("projectTypeKey"), QStringLiteral("software")},
             {QStringLiteral("simplified"), issue.epicLink.isEmpty()},
             {QStringLiteral("avatarUrls"),
              QJsonObject{{QStringLiteral("48x48"),
                           join(site, QStringLiteral("/rest/api/3/universal_avatar/view/type/"
                                                     "project/avatar/10425"))}}}}},
        {QStringLiteral("created"), stamp(issue.created)},
        {QStringLiteral("updated"), stamp(issue.updated)},
        {QStringLiteral("resolutiondate"), stamp(issue.resolved)},
        {QStringLiteral("resolution"),
         issue.resolved.isValid()
             ? QJsonValue(QJsonObject{{QStringLiteral("id"), QStringLiteral("10000")},
                                      {QStringLiteral("name"), QStringLiteral("Done")}})
             : null},
        {QStringLiteral("labels"), QJsonArray::fromStringList(issue.labels)},
        {QStringLiteral("duedate"), dateOrNull(issue.dueDate)},
        {QStringLiteral("priority"),
         QJsonObject{{QStringLiteral("self"), join(site, QStringLiteral("/rest/api/3/priority/3"))},
                     {QStringLiteral("name"), QStringLiteral("Medium")},
                     {QStringLiteral("id"), QStringLiteral("3")}}},
        {QStringLiteral("description"),
         QJsonObject{
             {QStringLiteral("version"), 1},
             {QStringLiteral("type"), QStringLiteral("doc")},
             {QStringLiteral("content"),
              QJsonArray{QJsonObject{
                  {QStringLiteral("type"), QStringLiteral("paragraph")},
                  {QStringLiteral("content"),
                   QJsonArray{QJsonObject{
                       {QStringLiteral("type"), QStringLiteral("text")},
                       {QStringLiteral("text"), join(QStringLiteral("Details of "), key)}}}}}}}}},
    };
    fields.insert(
        QStringLiteral("assignee"),
        issue.assignee.isEmpty()
            ? null
            : QJsonValue(QJsonObject{
                  {QStringLiteral("self"),
                   join(site,
                        QStringLiteral("/rest/api/3/user?accountId=5b10a2844c20165700ede21g"))},
                  {QStringLiteral("accountId"), QStringLiteral("5b10a2844c20165700ede21g")},
                  {QStringLiteral("displayName"), issue.assignee},
                  {QStringLiteral("active"), true},
                  {QStringLiteral("timeZone"), QStringLiteral("America/Los_Angeles")},
                  {QStringLiteral("accountType"), QStringLiteral("atlassian")}}));
    QJsonArray fixVersions;
    if (!issue.fixVersionId.isEmpty()) {
        fixVersions.append(
            QJsonObject{{QStringLiteral("self"),
                         join(site, QStringLiteral("/rest/api/3/version/") + issue.fixVersionId)},
                        {QStringLiteral("id"), issue.fixVersionId},
                        {QStringLiteral("description"), QString()},
                        {QStringLiteral("name"), issue.fixVersionName},
                        {QStringLiteral("archived"), false},
                        {QStringLiteral("released"), false}});
    }
    fields.insert(QStringLiteral("fixVersions"), fixVersions);
    if (!issue.parentKey.isEmpty()) {
        const Issue parent = data.issues.value(issue.parentKey);
        const QString parentType = parent.number > 0 ? parent.type : QStringLiteral("Epic");
        fields.insert(
            QStringLiteral("parent"),
            QJsonObject{
                {QStringLiteral("id"),
                 QString::number(10000 + parent.number + 100000 * int(qHash(parent.project) % 89))},
                {QStringLiteral("key"), issue.parentKey},
                {QStringLiteral("self"),
                 join(site, QStringLiteral("/rest/api/3/issue/") + issue.parentKey)},
                {QStringLiteral("fields"),
                 QJsonObject{
                     {QStringLiteral("summary"), parent.summary},
                     {QStringLiteral("status"), status(site, parent.status, parent.statusCategory)},
                     {QStringLiteral("issuetype"), issueType(site, parentType)}}}});
    }
    // Every custom field of the site is present, null where the issue has no value, as Jira
    // returns them; the story points of a company-managed project sit in another field.
    for (const QString &name : {QStringLiteral("customfield_10016"),
                                QStringLiteral("customfield_10028"), data.pointsField})
        fields.insert(name, null);
    if (issue.points)
        fields.insert(data.pointsField, *issue.points);
    QJsonArray sprints;
    for (qsizetype i = 0; i < issue.sprints.size(); ++i) {
        const bool current = i == issue.sprints.size() - 1;
        sprints.append(
            QJsonObject{{QStringLiteral("id"), 30 + int(i)},
                        {QStringLiteral("name"), issue.sprints.at(i)},
                        {QStringLiteral("state"),
                         current ? QStringLiteral("active") : QStringLiteral("closed")},
                        {QStringLiteral("boardId"), 3},
                        {QStringLiteral("goal"), QString()},
                        {QStringLiteral("startDate"), QStringLiteral("2022-11-21T09:00:00.000Z")},
                        {QStringLiteral("endDate"), QStringLiteral("2022-12-05T09:00:00.000Z")}});
    }
    fields.insert(data.sprintField, sprints.isEmpty() ? null : QJsonValue(sprints));
    fields.insert(data.epicLinkField, issue.epicLink.isEmpty() ? null : QJsonValue(issue.epicLink));
    return {{QStringLiteral("expand"),
             QStringLiteral("renderedFields,names,schema,operations,editmeta,changelog,"
                            "versionedRepresentations")},
            {QStringLiteral("id"), id},
            {QStringLiteral("self"), join(site, QStringLiteral("/rest/api/3/issue/") + id)},
            {QStringLiteral("key"), key},
            {QStringLiteral("fields"), fields}};
}

FakeHttpServer::Response FakeJira::search(Data &data, const FakeHttpServer::Request &request)
{
    QString jql = request.query.queryItemValue(QStringLiteral("jql"), QUrl::FullyDecoded);
    data.jqls.append(jql);
    static const QRegularExpression orderBy(
        QStringLiteral("\\s+ORDER\\s+BY\\s+([A-Za-z]+)(?:\\s+(ASC|DESC))?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch order = orderBy.match(jql);
    QString conditions = order.hasMatch() ? jql.left(order.capturedStart()) : jql;
    QList<Clause> clauses;
    QString error;
    if (!conditions.trimmed().isEmpty() &&
        !parseConditions(conditions.trimmed(), data.utcOffset, &clauses, &error))
        return jiraError(400, error);

    QSet<QString> projects;
    for (const Issue &issue : std::as_const(data.issues))
        projects.insert(issue.project);
    for (const Clause &clause : std::as_const(clauses)) {
        if (clause.field == QLatin1String("project") && !projects.contains(clause.value))
            return jiraError(400, QStringLiteral("The value '%1' does not exist for the field "
                                                 "'project'.")
                                      .arg(clause.value));
    }
    QList<Issue> found;
    for (const Issue &issue : std::as_const(data.issues)) {
        if (std::all_of(clauses.cbegin(), clauses.cend(),
                        [&issue](const Clause &c) { return matches(c, issue); }))
            found.append(issue);
    }
    const bool ascending =
        order.hasMatch() &&
        order.captured(1).compare(QLatin1String("updated"), Qt::CaseInsensitive) == 0 &&
        order.captured(2).compare(QLatin1String("DESC"), Qt::CaseInsensitive) != 0;
    std::sort(found.begin(), found.end(), [ascending](const Issue &a, const Issue &b) {
        if (ascending)
            return a.updated != b.updated ? a.updated < b.updated : a.number < b.number;
        return a.number > b.number; // without ORDER BY the newest issues come first
    });

    const int requested = request.query.queryItemValue(QStringLiteral("maxResults")).toInt();
    const int size = qBound(1, requested > 0 ? requested : 50, 100);
    qsizetype offset = 0;
    const QString token =
        request.query.queryItemValue(QStringLiteral("nextPageToken"), QUrl::FullyDecoded);
    if (!token.isEmpty()) {
        const QByteArray decoded = QByteArray::fromBase64(
            token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        static const QRegularExpression tokenPattern(QStringLiteral("^o=(\\d+);q=([0-9a-f]+)$"));
        const QRegularExpressionMatch m = tokenPattern.match(QString::fromLatin1(decoded));
        if (!m.hasMatch() || m.captured(2) != QString::number(qHash(jql), 16))
            return jiraError(400, QStringLiteral("The provided next page token is invalid or "
                                                 "does not match the query."));
        offset = m.captured(1).toLongLong();
    }
    const int page = int(offset / size) + 1;
    auto fault = data.pageFaults.find(page);
    if (fault != data.pageFaults.end() && !fault->isEmpty())
        return fault->takeFirst();

    // Only the fields asked for; without `fields` the enhanced search returns ids alone.
    const QString fieldsParameter =
        request.query.queryItemValue(QStringLiteral("fields"), QUrl::FullyDecoded);
    const QStringList wanted = fieldsParameter.split(QLatin1Char(','), Qt::SkipEmptyParts);
    const QString site = request.url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString();
    QJsonArray issues;
    const qsizetype end = qMin(found.size(), offset + size);
    for (qsizetype i = offset; i < end; ++i) {
        QJsonObject full = render(data, found.at(i), site);
        if (wanted.isEmpty()) {
            issues.append(QJsonObject{{QStringLiteral("id"), full.value(QStringLiteral("id"))}});
            continue;
        }
        if (!wanted.contains(QStringLiteral("*all"))) {
            const QJsonObject allFields = full.value(QStringLiteral("fields")).toObject();
            QJsonObject fields;
            for (const QString &name : wanted) {
                if (allFields.contains(name.trimmed()))
                    fields.insert(name.trimmed(), allFields.value(name.trimmed()));
            }
            full.insert(QStringLiteral("fields"), fields);
        }
        issues.append(full);
    }
    QJsonObject body{{QStringLiteral("issues"), issues}};
    const bool last = end >= found.size();
    if (!last) {
        body.insert(QStringLiteral("nextPageToken"), QString::fromLatin1(pageToken(end, jql)));
        if (data.lastPage != LastPage::TokenNull)
            body.insert(QStringLiteral("isLast"), false);
    } else {
        switch (data.lastPage) {
        case LastPage::TokenMissing:
            body.insert(QStringLiteral("isLast"), true);
            break;
        case LastPage::TokenNull:
            body.insert(QStringLiteral("nextPageToken"), QJsonValue(QJsonValue::Null));
            break;
        case LastPage::IsLastOnly:
            body.insert(QStringLiteral("nextPageToken"), QString::fromLatin1(pageToken(end, jql)));
            body.insert(QStringLiteral("isLast"), true);
            break;
        }
    }
    return Response::json(QJsonDocument(body).toJson(QJsonDocument::Compact));
}

FakeHttpServer::Response FakeJira::versions(Data &data, const FakeHttpServer::Request &request)
{
    static const QRegularExpression path(
        QStringLiteral("^/rest/api/3/project/([A-Za-z0-9_]+)/version$"));
    const QRegularExpressionMatch m = path.match(request.path);
    if (!m.hasMatch())
        return jiraError(404, QStringLiteral("Not Found"));
    const QString project = m.captured(1);
    QSet<QString> projects;
    for (const Issue &issue : std::as_const(data.issues))
        projects.insert(issue.project);
    QJsonArray values;
    for (const Version &version : std::as_const(data.versions)) {
        projects.insert(version.project);
        if (version.project == project)
            values.append(version.json);
    }
    if (!projects.contains(project))
        return jiraError(404,
                         QStringLiteral("No project could be found with key '%1'.").arg(project));
    const qsizetype startAt =
        qsizetype(qMax(0LL, request.query.queryItemValue(QStringLiteral("startAt")).toLongLong()));
    const int requested = request.query.queryItemValue(QStringLiteral("maxResults")).toInt();
    const int size = qBound(1, requested > 0 ? requested : 50, 50);
    QJsonArray page;
    for (qsizetype i = startAt; i < qMin(values.size(), startAt + size); ++i)
        page.append(values.at(i));
    const bool last = startAt + size >= values.size();
    QJsonObject body{{QStringLiteral("self"), request.url.toString()},
                     {QStringLiteral("maxResults"), size},
                     {QStringLiteral("startAt"), qint64(startAt)},
                     {QStringLiteral("total"), qint64(values.size())},
                     {QStringLiteral("isLast"), last},
                     {QStringLiteral("values"), page}};
    if (!last) {
        QUrl next = request.url;
        QUrlQuery query(next);
        query.removeAllQueryItems(QStringLiteral("startAt"));
        query.addQueryItem(QStringLiteral("startAt"), QString::number(startAt + size));
        next.setQuery(query);
        body.insert(QStringLiteral("nextPage"), next.toString());
    }
    return Response::json(QJsonDocument(body).toJson(QJsonDocument::Compact));
}
