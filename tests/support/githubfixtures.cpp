#include "githubfixtures.h"

#include <QJsonDocument>
#include <QUrlQuery>

#include <array>

namespace GitHubFixtures {

namespace {

// GitHub's legacy global ids: base64 of "<length of type name>:<type name><id>".
QString nodeId(const QString &type, qint64 id)
{
    const QByteArray raw = QByteArray::number(type.size()).rightJustified(2, '0') + ':' +
                           type.toLatin1() + QByteArray::number(id);
    return QString::fromLatin1(raw.toBase64());
}

QString repoApi(const Repository &repository)
{
    return QString(repository.apiBase + QStringLiteral("/repos/") + repository.owner +
                   QLatin1Char('/') + repository.name);
}

QString repoWeb(const Repository &repository)
{
    return QString(repository.webBase + QLatin1Char('/') + repository.owner + QLatin1Char('/') +
                   repository.name);
}

struct Person
{
    const char *login;
    qint64 id;
};

constexpr std::array people = {
    Person{"octocat", 583231}, Person{"hubot", 480938}, Person{"monalisa", 2154},
    Person{"defunkt", 2},      Person{"mojombo", 1},    Person{"dependabot[bot]", 49699333},
};

struct LabelSpec
{
    const char *name;
    const char *color;
    const char *description;
    bool isDefault;
};

constexpr std::array labelSpecs = {
    LabelSpec{"bug", "d73a4a", "Something isn't working", true},
    LabelSpec{"enhancement", "a2eeef", "New feature or request", true},
    LabelSpec{"documentation", "0075ca", "Improvements or additions to documentation", true},
    LabelSpec{"good first issue", "7057ff", "Good for newcomers", true},
    LabelSpec{"area: sync", "fbca04", "Connector engine and incremental sync", false},
};

constexpr std::array sentences = {
    "Steps to reproduce are below; it happens on every run with the default settings.",
    "The export stops halfway when the workspace holds more than a few thousand rows.",
    "Customers on the enterprise plan asked for this in the last three quarterly reviews.",
    "Expected the chart to start at the release date, but it starts a week earlier.",
    "This blocks the launch checklist because the milestone dates cannot be edited.",
    "A workaround exists: re-open the workspace, then run the sync again by hand.",
    "Logs attached, with tokens removed. The failure starts right after the retry.",
};

Person person(int seed)
{
    return people[std::size_t(seed) % people.size()];
}

QJsonObject personObject(const Repository &repository, int seed)
{
    const Person p = person(seed);
    return user(repository, QString::fromLatin1(p.login), p.id);
}

QJsonObject label(const Repository &repository, int index)
{
    const LabelSpec &spec = labelSpecs[std::size_t(index) % labelSpecs.size()];
    const qint64 id = 208045946 + index;
    const QString name = QString::fromUtf8(spec.name);
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("node_id"), nodeId(QStringLiteral("Label"), id)},
        {QStringLiteral("url"), QString(repoApi(repository) + QStringLiteral("/labels/") +
                                        QString::fromLatin1(QUrl::toPercentEncoding(name)))},
        {QStringLiteral("name"), name},
        {QStringLiteral("color"), QString::fromLatin1(spec.color)},
        {QStringLiteral("default"), spec.isDefault},
        {QStringLiteral("description"), QString::fromUtf8(spec.description)},
    };
}

// The milestone an issue carries: one of three, dated from the issue so that every issue
// embeds a complete object.
QJsonObject issueMilestone(const Repository &repository, int number, const QDateTime &createdAt)
{
    const int milestoneNumber = 1 + number % 3;
    QJsonObject object = milestone(repository, milestoneNumber, createdAt.addDays(-30), createdAt,
                                   createdAt.addDays(60));
    object.insert(QStringLiteral("open_issues"), 4 + number % 11);
    object.insert(QStringLiteral("closed_issues"), 8 + number % 5);
    return object;
}

QJsonObject reactions(const QString &url, int number)
{
    const int plusOne = number % 5;
    const int heart = number % 3;
    const int rocket = number % 2;
    return {
        {QStringLiteral("url"), url},
        {QStringLiteral("total_count"), plusOne + heart + rocket},
        {QStringLiteral("+1"), plusOne},
        {QStringLiteral("-1"), 0},
        {QStringLiteral("laugh"), 0},
        {QStringLiteral("hooray"), 0},
        {QStringLiteral("confused"), 0},
        {QStringLiteral("heart"), heart},
        {QStringLiteral("rocket"), rocket},
        {QStringLiteral("eyes"), 0},
    };
}

QString body(int number)
{
    QString text = QStringLiteral("### Summary\r\n\r\n");
    for (int i = 0; i < 4; ++i)
        text += QString::fromLatin1(sentences[std::size_t(number + i * 3) % sentences.size()]) +
                QLatin1Char(' ');
    text += QStringLiteral("\r\n\r\n### Environment\r\n\r\n- Build %1\r\n- Linux desktop")
                .arg(number % 97);
    return text;
}

QJsonObject issueObject(const Repository &repository, int number, const QDateTime &createdAt,
                        const QDateTime &updatedAt, const QDateTime &closedAt, bool isPull)
{
    const qint64 id = repository.id * 1000 + number;
    const QString api =
        QString(repoApi(repository) + QStringLiteral("/issues/") + QString::number(number));
    const QString web = QString(repoWeb(repository) +
                                (isPull ? QStringLiteral("/pull/") : QStringLiteral("/issues/")) +
                                QString::number(number));

    QJsonArray labels;
    for (int i = 0; i < number % 3; ++i)
        labels.append(label(repository, number + i));
    QJsonArray assignees;
    QJsonValue assignee = QJsonValue::Null;
    // Assignees are people, so the bot at the end of the list is left out.
    const int humans = int(people.size()) - 1;
    if (number % 4 == 0) {
        assignee = personObject(repository, (number + 1) % humans);
        assignees.append(assignee);
        if (number % 12 == 0)
            assignees.append(personObject(repository, (number + 2) % humans));
    }
    static const std::array associations = {"OWNER", "MEMBER", "CONTRIBUTOR", "NONE"};
    const bool closed = closedAt.isValid();

    QJsonObject object{
        {QStringLiteral("url"), api},
        {QStringLiteral("repository_url"), repoApi(repository)},
        {QStringLiteral("labels_url"), QString(api + QStringLiteral("/labels{/name}"))},
        {QStringLiteral("comments_url"), QString(api + QStringLiteral("/comments"))},
        {QStringLiteral("events_url"), QString(api + QStringLiteral("/events"))},
        {QStringLiteral("html_url"), web},
        {QStringLiteral("id"), id},
        {QStringLiteral("node_id"),
         nodeId(isPull ? QStringLiteral("PullRequest") : QStringLiteral("Issue"), id)},
        {QStringLiteral("number"), number},
        {QStringLiteral("title"),
         QStringLiteral("%1 #%2: %3")
             .arg(isPull ? QStringLiteral("Change") : QStringLiteral("Issue"))
             .arg(number)
             .arg(QString::fromLatin1(sentences[std::size_t(number) % sentences.size()])
                      .section(QLatin1Char(','), 0, 0))},
        {QStringLiteral("user"), personObject(repository, number)},
        {QStringLiteral("labels"), labels},
        {QStringLiteral("state"), closed ? QStringLiteral("closed") : QStringLiteral("open")},
        {QStringLiteral("locked"), false},
        {QStringLiteral("assignee"), assignee},
        {QStringLiteral("assignees"), assignees},
        {QStringLiteral("milestone"),
         number % 6 == 0 ? QJsonValue(issueMilestone(repository, number, createdAt))
                         : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("comments"), number % 7},
        {QStringLiteral("created_at"), timestamp(createdAt)},
        {QStringLiteral("updated_at"), timestamp(updatedAt)},
        {QStringLiteral("closed_at"), timestamp(closedAt)},
        {QStringLiteral("author_association"),
         QString::fromLatin1(associations[std::size_t(number) % associations.size()])},
        {QStringLiteral("active_lock_reason"), QJsonValue::Null},
        {QStringLiteral("body"), body(number)},
        {QStringLiteral("reactions"),
         reactions(QString(api + QStringLiteral("/reactions")), number)},
        {QStringLiteral("timeline_url"), QString(api + QStringLiteral("/timeline"))},
        {QStringLiteral("performed_via_github_app"), QJsonValue::Null},
        {QStringLiteral("state_reason"),
         closed ? QJsonValue(QStringLiteral("completed")) : QJsonValue(QJsonValue::Null)},
    };
    return object;
}

} // namespace

QJsonValue timestamp(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue::Null;
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

QJsonObject user(const Repository &repository, const QString &login, qint64 id)
{
    // Bot logins such as "dependabot[bot]" are percent-encoded in URLs, and their page is
    // the app's.
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(login));
    const QString api = QString(repository.apiBase + QStringLiteral("/users/") + encoded);
    const bool bot = login.endsWith(QLatin1String("[bot]"));
    const QString page =
        bot ? QString(repository.webBase + QStringLiteral("/apps/") + login.chopped(5))
            : QString(repository.webBase + QLatin1Char('/') + login);
    return {
        {QStringLiteral("login"), login},
        {QStringLiteral("id"), id},
        {QStringLiteral("node_id"),
         nodeId(bot ? QStringLiteral("Bot") : QStringLiteral("User"), id)},
        {QStringLiteral("avatar_url"),
         QStringLiteral("https://avatars.githubusercontent.com/u/%1?v=4").arg(id)},
        {QStringLiteral("gravatar_id"), QString()},
        {QStringLiteral("url"), api},
        {QStringLiteral("html_url"), page},
        {QStringLiteral("followers_url"), QString(api + QStringLiteral("/followers"))},
        {QStringLiteral("following_url"), QString(api + QStringLiteral("/following{/other_user}"))},
        {QStringLiteral("gists_url"), QString(api + QStringLiteral("/gists{/gist_id}"))},
        {QStringLiteral("starred_url"), QString(api + QStringLiteral("/starred{/owner}{/repo}"))},
        {QStringLiteral("subscriptions_url"), QString(api + QStringLiteral("/subscriptions"))},
        {QStringLiteral("organizations_url"), QString(api + QStringLiteral("/orgs"))},
        {QStringLiteral("repos_url"), QString(api + QStringLiteral("/repos"))},
        {QStringLiteral("events_url"), QString(api + QStringLiteral("/events{/privacy}"))},
        {QStringLiteral("received_events_url"), QString(api + QStringLiteral("/received_events"))},
        {QStringLiteral("type"), bot ? QStringLiteral("Bot") : QStringLiteral("User")},
        {QStringLiteral("user_view_type"), QStringLiteral("public")},
        {QStringLiteral("site_admin"), false},
    };
}

QJsonObject milestone(const Repository &repository, int number, const QDateTime &createdAt,
                      const QDateTime &updatedAt, const QDateTime &dueOn, const QDateTime &closedAt)
{
    // Offset per repository, so that two repositories never share a milestone id.
    const qint64 id = 1002604 + (repository.id - Repository().id) * 100 + number;
    const QString api =
        QString(repoApi(repository) + QStringLiteral("/milestones/") + QString::number(number));
    return {
        {QStringLiteral("url"), api},
        {QStringLiteral("html_url"),
         QString(repoWeb(repository) + QStringLiteral("/milestone/") + QString::number(number))},
        {QStringLiteral("labels_url"), QString(api + QStringLiteral("/labels"))},
        {QStringLiteral("id"), id},
        {QStringLiteral("node_id"), nodeId(QStringLiteral("Milestone"), id)},
        {QStringLiteral("number"), number},
        {QStringLiteral("state"),
         closedAt.isValid() ? QStringLiteral("closed") : QStringLiteral("open")},
        {QStringLiteral("title"), QStringLiteral("v1.%1").arg(number)},
        {QStringLiteral("description"), QStringLiteral("Tracking milestone for the next launch")},
        {QStringLiteral("creator"), personObject(repository, 0)},
        {QStringLiteral("open_issues"), closedAt.isValid() ? 0 : 4 + number % 11},
        {QStringLiteral("closed_issues"), 8 + number % 5},
        {QStringLiteral("created_at"), timestamp(createdAt)},
        {QStringLiteral("updated_at"), timestamp(updatedAt)},
        {QStringLiteral("closed_at"), timestamp(closedAt)},
        {QStringLiteral("due_on"), timestamp(dueOn)},
    };
}

QJsonObject issue(const Repository &repository, int number, const QDateTime &createdAt,
                  const QDateTime &updatedAt, const QDateTime &closedAt)
{
    return issueObject(repository, number, createdAt, updatedAt, closedAt, false);
}

QJsonObject pullRequest(const Repository &repository, int number, const QDateTime &createdAt,
                        const QDateTime &updatedAt, const QDateTime &mergedAt)
{
    QJsonObject object = issueObject(repository, number, createdAt, updatedAt, mergedAt, true);
    const QString number_ = QString::number(number);
    const QString web = QString(repoWeb(repository) + QStringLiteral("/pull/") + number_);
    object.insert(QStringLiteral("draft"), false);
    object.insert(QStringLiteral("pull_request"),
                  QJsonObject{
                      {QStringLiteral("url"),
                       QString(repoApi(repository) + QStringLiteral("/pulls/") + number_)},
                      {QStringLiteral("html_url"), web},
                      {QStringLiteral("diff_url"), QString(web + QStringLiteral(".diff"))},
                      {QStringLiteral("patch_url"), QString(web + QStringLiteral(".patch"))},
                      {QStringLiteral("merged_at"), timestamp(mergedAt)},
                  });
    return object;
}

QJsonObject release(const Repository &repository, int number, const QDateTime &createdAt,
                    const QDateTime &publishedAt)
{
    const qint64 id = 1000000 + repository.id % 1000 * 1000 + number;
    const QString tag = QStringLiteral("v1.%1.0").arg(number);
    const QString api =
        QString(repoApi(repository) + QStringLiteral("/releases/") + QString::number(id));
    const QString uploads =
        QString(repository.apiBase).replace(QLatin1String("://api."), QLatin1String("://uploads."));
    const QJsonObject author = personObject(repository, number);

    QJsonArray assets;
    const std::array<std::pair<const char *, const char *>, 2> files = {
        std::pair{"rocket-%1-linux-x86_64.tar.gz", "application/gzip"},
        std::pair{"rocket-%1-windows-x64.zip", "application/zip"},
    };
    for (std::size_t i = 0; i < files.size(); ++i) {
        const qint64 assetId = id * 10 + qint64(i);
        const QString name = QString::fromLatin1(files[i].first).arg(tag);
        assets.append(QJsonObject{
            {QStringLiteral("url"),
             QString(repoApi(repository) + QStringLiteral("/releases/assets/") +
                     QString::number(assetId))},
            {QStringLiteral("id"), assetId},
            {QStringLiteral("node_id"), nodeId(QStringLiteral("ReleaseAsset"), assetId)},
            {QStringLiteral("name"), name},
            {QStringLiteral("label"), QString()},
            {QStringLiteral("uploader"), author},
            {QStringLiteral("content_type"), QString::fromLatin1(files[i].second)},
            {QStringLiteral("state"), QStringLiteral("uploaded")},
            {QStringLiteral("size"), 4200000 + number * 1000 + int(i) * 17},
            {QStringLiteral("download_count"), number * 13 + int(i)},
            {QStringLiteral("created_at"), timestamp(publishedAt)},
            {QStringLiteral("updated_at"), timestamp(publishedAt)},
            {QStringLiteral("browser_download_url"),
             QString(repoWeb(repository) + QStringLiteral("/releases/download/") + tag +
                     QLatin1Char('/') + name)},
        });
    }

    return {
        {QStringLiteral("url"), api},
        {QStringLiteral("assets_url"), QString(api + QStringLiteral("/assets"))},
        {QStringLiteral("upload_url"),
         QString(uploads + QStringLiteral("/repos/") + repository.owner + QLatin1Char('/') +
                 repository.name + QStringLiteral("/releases/") + QString::number(id) +
                 QStringLiteral("/assets{?name,label}"))},
        {QStringLiteral("html_url"),
         QString(repoWeb(repository) + QStringLiteral("/releases/tag/") + tag)},
        {QStringLiteral("id"), id},
        {QStringLiteral("author"), author},
        {QStringLiteral("node_id"), nodeId(QStringLiteral("Release"), id)},
        {QStringLiteral("tag_name"), tag},
        {QStringLiteral("target_commitish"), QStringLiteral("main")},
        {QStringLiteral("name"), QStringLiteral("Rocket %1").arg(tag)},
        {QStringLiteral("draft"), false},
        {QStringLiteral("prerelease"), number % 5 == 0},
        {QStringLiteral("created_at"), timestamp(createdAt)},
        {QStringLiteral("published_at"), timestamp(publishedAt)},
        {QStringLiteral("assets"), assets},
        {QStringLiteral("tarball_url"),
         QString(repoApi(repository) + QStringLiteral("/tarball/") + tag)},
        {QStringLiteral("zipball_url"),
         QString(repoApi(repository) + QStringLiteral("/zipball/") + tag)},
        {QStringLiteral("body"),
         QStringLiteral("## What's changed\r\n\r\n* %1\r\n* %2\r\n\r\n**Full changelog**: "
                        "%3/compare/v1.%4.0...%5")
             .arg(QString::fromLatin1(sentences[std::size_t(number) % sentences.size()]),
                  QString::fromLatin1(sentences[std::size_t(number + 2) % sentences.size()]),
                  repoWeb(repository))
             .arg(qMax(0, number - 1))
             .arg(tag)},
    };
}

QByteArray linkHeader(const QUrl &pageUrl, int page, int lastPage)
{
    if (lastPage <= 1)
        return {};
    auto link = [&pageUrl](int target, const char *rel) {
        QUrl url = pageUrl;
        QUrlQuery query(url);
        query.removeAllQueryItems(QStringLiteral("page"));
        query.addQueryItem(QStringLiteral("page"), QString::number(target));
        url.setQuery(query);
        return QByteArray('<' + url.toEncoded() + ">; rel=\"" + rel + '"');
    };
    QList<QByteArray> parts;
    if (page > 1)
        parts.append(link(page - 1, "prev"));
    if (page < lastPage) {
        parts.append(link(page + 1, "next"));
        parts.append(link(lastPage, "last"));
    }
    if (page > 1)
        parts.append(link(1, "first"));
    return parts.join(", ");
}

QByteArray toJson(const QJsonArray &items)
{
    return QJsonDocument(items).toJson(QJsonDocument::Compact);
}

} // namespace GitHubFixtures
