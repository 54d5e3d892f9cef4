#pragma once

#include "fakehttpserver.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QMutex>

#include <memory>

// GitLab's REST API v4 for a few projects, served under /api/v4 the way gitlab.com answers:
// /projects/:id/{issues,merge_requests,pipelines,releases,milestones} with offset pages
// (`page`, `per_page` up to 100) announced in X-Next-Page, X-Total and a Link header;
// `updated_after` (on or after), `order_by` and `sort` honoured and checked; a personal
// access token required in PRIVATE-TOKEN; GitLab's own error bodies. Records are shaped as
// the real list endpoints return them, with timestamps in milliseconds.
class FakeGitLab
{
public:
    explicit FakeGitLab(FakeHttpServer &server, const QByteArray &token = "glpat-TOKEN");

    // A project, by numeric id and path ("acme/rocket"); ids not added answer 404.
    void addProject(qint64 id, const QString &path);

    // Adds or replaces issue `iid` of the project. Closed when closedAt is valid; in
    // milestone `milestone` (none when 0).
    void setIssue(qint64 project, int iid, const QDateTime &updatedAt,
                  const QDateTime &closedAt = {}, int milestone = 0);
    // Adds or replaces merge request `iid`: merged when mergedAt is valid.
    void setMergeRequest(qint64 project, int iid, const QDateTime &updatedAt,
                         const QDateTime &mergedAt = {}, int milestone = 0);
    // A pipeline as the list returns it, with its status.
    void setPipeline(qint64 project, int number, const QDateTime &updatedAt, const QString &status);
    void setRelease(qint64 project, int number, const QDateTime &releasedAt);
    void setMilestone(qint64 project, int iid, const QDateTime &updatedAt, const QDate &dueDate);

    // The next `times` requests for page `page` of the resource ("issues", ...) of the
    // project get `response` instead.
    void failPage(qint64 project, const QString &resource, int page,
                  const FakeHttpServer::Response &response, int times = 1);

    QJsonObject record(qint64 project, const QString &resource, int number) const;
    static qint64 milestoneId(qint64 project, int iid);
    static QString path(qint64 project, const QString &resource); // "/api/v4/projects/1/issues"

private:
    struct Project
    {
        QString path;
        // resource -> number -> record
        QMap<QString, QMap<int, QJsonObject>> records;
    };
    struct Data
    {
        mutable QMutex mutex;
        QByteArray token;
        QString webBase;
        QMap<qint64, Project> projects;
        QMap<QString, QList<FakeHttpServer::Response>> faults; // "project/resource/page"
    };
    static FakeHttpServer::Response answer(Data &data, const FakeHttpServer::Request &request);

    QJsonObject milestoneObject(qint64 project, int iid, const QDateTime &updatedAt,
                                const QDate &dueDate) const;
    QJsonObject user(int seed) const;
    void put(qint64 project, const QString &resource, int number, const QJsonObject &object);

    std::shared_ptr<Data> m_data;
};
