#pragma once

#include "fakehttpserver.h"
#include "githubfixtures.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QMutex>

#include <memory>

// GitHub's REST API for one repository, served by a FakeHttpServer the way the real one
// behaves: /repos/{owner}/{repo}/issues lists issues and pull requests together, filtered by
// `since` (updated at or after), sorted by update time with ties in id order, paged by
// `page`/`per_page` with a Link header; /releases and /milestones (filtered by `state`, in
// due-date order) likewise. The data can change between syncs, as a real repository's does.
class FakeGitHub
{
public:
    // Repositories served side by side need their own repositoryId: issue and release ids
    // are derived from it, and GitHub's ids are unique across repositories.
    FakeGitHub(FakeHttpServer &server, const QString &owner = QStringLiteral("acme"),
               const QString &name = QStringLiteral("rocket"), qint64 repositoryId = 1296269);

    // Adds or replaces item `number` (an issue, or a pull request when pullRequest).
    void setIssue(int number, const QDateTime &updatedAt, bool pullRequest = false,
                  const QDateTime &closedAt = {}, const QString &title = QString());
    // Adds or replaces an issue or pull request as given, keyed by its "number".
    void putIssue(const QJsonObject &object);
    void setRelease(int number, const QDateTime &publishedAt);
    // Adds or replaces milestone `number`, due on dueOn (none when invalid), closed when
    // closedAt is valid.
    void setMilestone(int number, const QDateTime &updatedAt, const QDateTime &dueOn,
                      const QDateTime &closedAt = {});
    QJsonObject milestone(int number) const;

    // Every issue page is answered this much later, so a sync can be caught half-way.
    void setPageDelay(int milliseconds);
    // The next `times` requests for page `page` of the issue list get `response` instead.
    void failIssuePage(int page, const FakeHttpServer::Response &response, int times = 1);

    int issueCount() const; // issues and pull requests
    QJsonObject issue(int number) const;
    QString path(const QString &resource) const; // "/repos/acme/rocket/<resource>"

private:
    struct Item
    {
        QJsonObject object;
        QByteArray json; // serialised once: the benchmark serves tens of thousands
        QDateTime updatedAt;
        qint64 id = 0;
    };
    struct Data
    {
        mutable QMutex mutex;
        QMap<int, Item> issues;
        QMap<int, Item> releases;
        QMap<int, Item> milestones;
        // The issues in list order, rebuilt after a change: sorting tens of thousands of
        // records for every page would make the fake, not the client, the bottleneck.
        QList<Item> sortedIssues;
        bool sorted = true;
        QMap<int, QList<FakeHttpServer::Response>> pageFaults;
        int pageDelayMs = 0;
    };
    static FakeHttpServer::Response page(const FakeHttpServer::Request &request,
                                         const QList<Item> &items, qsizetype first, qsizetype count,
                                         int delayMs = 0);

    GitHubFixtures::Repository m_repository;
    std::shared_ptr<Data> m_data;
};
