#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>

// GitHub REST objects shaped as the real API returns them (every key, nested users, labels,
// milestones, reactions), generated deterministically from a number and the caller's
// timestamps, for fake servers and parser tests.
namespace GitHubFixtures {

struct Repository
{
    QString owner = QStringLiteral("acme");
    QString name = QStringLiteral("rocket");
    qint64 id = 1296269;
    QString apiBase = QStringLiteral("https://api.github.com");
    QString webBase = QStringLiteral("https://github.com");
};

// A user as embedded in issues and releases (login, id, node_id, avatar and API URLs, type).
QJsonObject user(const Repository &repository, const QString &login, qint64 id);

// An issue as listed by GET /repos/{owner}/{repo}/issues. Closed when closedAt is valid.
// Labels, assignees, milestone, comments and reactions vary with the number.
QJsonObject issue(const Repository &repository, int number, const QDateTime &createdAt,
                  const QDateTime &updatedAt, const QDateTime &closedAt = {});

// A pull request as it appears in the same list: an issue with a "pull_request" key.
// Merged (and closed) when mergedAt is valid.
QJsonObject pullRequest(const Repository &repository, int number, const QDateTime &createdAt,
                        const QDateTime &updatedAt, const QDateTime &mergedAt = {});

// A milestone from GET /repos/{owner}/{repo}/milestones (and embedded in issues), titled
// v1.<number>; closed when closedAt is valid. dueOn may be invalid: due_on is then null.
QJsonObject milestone(const Repository &repository, int number, const QDateTime &createdAt,
                      const QDateTime &updatedAt, const QDateTime &dueOn,
                      const QDateTime &closedAt = {});

// A release from GET /repos/{owner}/{repo}/releases, tagged v1.<number>.0, with assets.
QJsonObject release(const Repository &repository, int number, const QDateTime &createdAt,
                    const QDateTime &publishedAt);

// GitHub's Link header for page `page` of `lastPage` ("prev", "next", "last", "first"),
// made from pageUrl with its page parameter replaced; empty when there is one page.
QByteArray linkHeader(const QUrl &pageUrl, int page, int lastPage);

// A JSON array as the API sends it: compact UTF-8.
QByteArray toJson(const QJsonArray &items);

// ISO 8601 in UTC without fractions, as GitHub writes timestamps ("2017-10-10T16:00:00Z");
// null for an invalid date.
QJsonValue timestamp(const QDateTime &time);

} // namespace GitHubFixtures
