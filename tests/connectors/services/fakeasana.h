#pragma once

#include "fakehttpserver.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMutex>

#include <memory>

// Asana's REST API for tasks, as GET /tasks?project=GID answers it: {"data": [...],
// "next_page": {"offset", "path", "uri"} or null}, paged by limit (1-100) and an opaque
// offset token, filtered by modified_since (modified at or after), with only the fields
// asked for in opt_fields (plus gid). Tasks come in project order, not by modification
// time, as Asana lists them. Requests need "Authorization: Bearer TOKEN"; others get
// Asana's 401 body.
class FakeAsana
{
public:
    FakeAsana(FakeHttpServer &server, const QByteArray &token);

    // Adds a task to the project's list, or replaces it where it stands.
    void setTask(const QString &projectGid, const QJsonObject &task);
    // A plain task of the project, modified at `modified`; completed ones carry completed_at.
    static QJsonObject task(const QString &projectGid, const QString &gid, const QString &name,
                            const QDateTime &modified, bool completed = false);
    QJsonObject taskById(const QString &gid) const;

    // What the fake saw: the modified_since of each request (empty when absent), and how
    // many records it returned in all.
    QStringList modifiedSince() const;
    int recordsServed() const;
    void clearLog();

    static QByteArray error(const QString &message);

private:
    struct Data
    {
        mutable QMutex mutex;
        QMap<QString, QList<QJsonObject>> projects;
        QStringList modifiedSince;
        int served = 0;
    };
    std::shared_ptr<Data> m_data;
};
