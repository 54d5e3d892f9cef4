#pragma once

#include "fakehttpserver.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QStringList>

#include <memory>

// Adobe Marketo Engage as the connector uses it:
// - /identity/oauth/token?grant_type=client_credentials&client_id=...&client_secret=...
//   issues {"access_token","token_type":"bearer","expires_in":3599,"scope"}; wrong client
//   credentials get 401 {"error":"unauthorized","error_description":"Bad client credentials"}.
// - GET /rest/asset/v1/programs.json (maxReturn at most 200, offset, earliestUpdatedAt) and
//   /rest/asset/v1/program/byTag.json (tagType, tagValue) answer {"success","errors",
//   "requestId","warnings","result":[...]}, ordered by id, with dates such as
//   "2026-03-02T09:00:00Z+0000"; past the last program {"success":true,"warnings":["No assets
//   found for the given search criteria."]} without result. Browsing leaves out tags.
// Failures come as HTTP 200 with success false: 601 for an unknown token, 602 for one the
// test expired, 701 for a bad maxReturn.
class FakeMarketo
{
public:
    FakeMarketo(FakeHttpServer &server, const QString &clientId, const QString &clientSecret);

    struct Tag
    {
        QString type;
        QString value;
    };
    // Adds or replaces a program in the browse shape (type, channel, folder, status ...).
    void setProgram(int id, const QString &name, const QString &type, const QString &channel,
                    const QString &status, const QDateTime &updated, const QList<Tag> &tags = {},
                    const QJsonObject &extra = {});
    // The access tokens issued so far answer 602 "Access token expired" from now on.
    void expireTokens();

    int tokensIssued() const;
    QStringList earliestUpdatedAt() const; // the values received, in order
    static QString time(const QDateTime &when);

private:
    struct Program
    {
        QJsonObject object;
        QList<Tag> tags;
        QDateTime updated;
    };
    struct Data
    {
        mutable QMutex mutex;
        QString clientId;
        QString clientSecret;
        QStringList validTokens;
        QStringList expiredTokens;
        int issued = 0;
        QMap<int, Program> programs;
        QStringList earliest;
    };
    static FakeHttpServer::Response failure(const char *code, const QString &message);
    static FakeHttpServer::Response token(Data &data, const FakeHttpServer::Request &request);
    static FakeHttpServer::Response programs(Data &data, const FakeHttpServer::Request &request,
                                             bool byTag);

    std::shared_ptr<Data> m_data;
};
