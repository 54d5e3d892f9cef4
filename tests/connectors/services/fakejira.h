#pragma once

#include "fakehttpserver.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QStringList>

#include <memory>
#include <optional>

// Jira Cloud's REST API v3 for a site, served by a FakeHttpServer the way the real one behaves:
// the enhanced JQL search (/rest/api/3/search/jql) with nextPageToken paging, a small JQL
// reader (AND of clauses, parentheses, ORDER BY updated ASC) that reads date literals in the
// user's time zone with minute precision, and returns only the fields asked for; the
// project versions PageBean (/rest/api/3/project/{key}/version). Requests must carry
// HTTP Basic email:api_token; errors come in Jira's {"errorMessages":[...],"errors":{}} form.
class FakeJira
{
public:
    // How the last page of a search says it is the last: Jira has sent each of these.
    enum class LastPage {
        TokenMissing, // "isLast": true and no nextPageToken key (JRACLOUD-92184)
        TokenNull,    // "nextPageToken": null and no isLast
        IsLastOnly,   // "isLast": true while a token is still present
    };

    struct Issue
    {
        QString project = QStringLiteral("ROCKET");
        int number = 0; // the key is PROJECT-number
        QString summary;
        QString type = QStringLiteral("Story"); // "Epic" and "Sub-task" set the hierarchy level
        QString status = QStringLiteral("In Progress");
        QString statusCategory = QStringLiteral("indeterminate"); // new, indeterminate, done
        QDateTime created;
        QDateTime updated;
        QDateTime resolved;
        std::optional<double> points;
        QStringList sprints; // oldest first, as Jira lists them
        QString parentKey;   // the parent: an epic, or the story of a sub-task
        QString epicLink;    // company-managed projects: the epic's key in the Epic Link field
        QString fixVersionId;
        QString fixVersionName;
        QStringList labels;
        QString assignee; // display name
        QDate dueDate;
    };

    FakeJira(FakeHttpServer &server, const QByteArray &email, const QByteArray &apiToken);

    // The custom fields holding story points, sprints and the epic link on this site.
    void setCustomFields(const QString &points, const QString &sprint, const QString &epicLink);
    // The time zone of the API user, in seconds east of UTC: JQL dates are read in it and
    // timestamps are written in it, as Jira does.
    void setUserUtcOffset(int seconds);
    void setLastPage(LastPage style);
    void setIssue(const Issue &issue); // adds, or replaces the issue with the same key
    void addVersion(const QString &project, const QString &id, const QString &name, bool released,
                    const QDate &releaseDate);
    // The next `times` answers to page `page` (1-based) of any search get `response` instead.
    void failSearchPage(int page, const FakeHttpServer::Response &response, int times = 1);

    QJsonObject issue(const QString &key) const; // as the search returns it with every field
    QString jql(int request) const;              // the JQL of the n-th search, from 0
    int searchCount() const;
    // The time as Jira writes it: 2022-12-08T02:22:18.889-0800, in the user's zone.
    static QString timestamp(const QDateTime &when, int utcOffsetSeconds);

    static QString searchPath() { return QStringLiteral("/rest/api/3/search/jql"); }

private:
    struct Version
    {
        QString project;
        QJsonObject json;
    };
    struct Data
    {
        mutable QMutex mutex;
        QByteArray authorization;
        QString pointsField = QStringLiteral("customfield_10016");
        QString sprintField = QStringLiteral("customfield_10020");
        QString epicLinkField = QStringLiteral("customfield_10014");
        int utcOffset = 0;
        LastPage lastPage = LastPage::TokenMissing;
        QMap<QString, Issue> issues; // by key
        QList<Version> versions;
        QStringList jqls;
        QMap<int, QList<FakeHttpServer::Response>> pageFaults;
    };

    static QJsonObject render(const Data &data, const Issue &issue, const QString &site);
    static FakeHttpServer::Response search(Data &data, const FakeHttpServer::Request &request);
    static FakeHttpServer::Response versions(Data &data, const FakeHttpServer::Request &request);

    QString m_site;
    std::shared_ptr<Data> m_data;
};
