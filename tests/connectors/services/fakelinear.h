#pragma once

#include "fakehttpserver.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QMutex>

#include <memory>

// Linear's GraphQL API at POST /graphql, as far as the connector uses it: the `issues` and
// `projects` connections with Relay pages (`first`, `after` = the previous endCursor,
// `pageInfo { hasNextPage endCursor }`), ordered by updatedAt and filtered by
// `filter: { updatedAt: { gt: $since } }`. A personal API key is required bare in
// Authorization (a "Bearer " prefix is refused, as Linear does for API keys). Errors come
// in Linear's GraphQL envelope.
class FakeLinear
{
public:
    explicit FakeLinear(FakeHttpServer &server, const QByteArray &apiKey = "lin_api_TESTKEY");

    // Adds or replaces issue `number` of team ENG (identifier ENG-<number>). Completed when
    // completedAt is valid; in project `project` and cycle `cycle` when above 0.
    void setIssue(int number, const QDateTime &updatedAt, const QDateTime &completedAt = {},
                  int project = 0, int cycle = 0);
    void setProject(int number, const QDateTime &updatedAt, const QDate &targetDate = {});

    QJsonObject issue(int number) const;
    QJsonObject project(int number) const;
    static QString projectId(int number);

private:
    struct Data
    {
        mutable QMutex mutex;
        QByteArray apiKey;
        QMap<int, QJsonObject> issues;
        QMap<int, QJsonObject> projects;
    };
    static FakeHttpServer::Response answer(Data &data, const FakeHttpServer::Request &request);

    std::shared_ptr<Data> m_data;
};
