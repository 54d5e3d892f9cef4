#pragma once

#include "fakehttpserver.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QStringList>

#include <memory>

// Hotjar's API for one site. POST /v1/oauth/token exchanges an API key's client id and secret
// (form-encoded, grant_type=client_credentials) for a bearer token that lasts an hour.
// GET /v1/sites/{site}/surveys/{survey}/responses answers {"results": [...], "next_cursor"}
// (null on the last page), newest response first, limit 1-100; a survey the site does not
// have is a 404. There is no filter by time: every request lists from the newest.
class FakeHotjar
{
public:
    FakeHotjar(FakeHttpServer &server, const QString &clientId, const QString &clientSecret,
               const QString &siteId);

    void addResponse(const QString &surveyId, const QJsonObject &response);
    static QJsonObject response(int n, const QDateTime &created, const QString &userId = {});

    QStringList cursors() const; // the cursor of each request, empty for a first page
    int served() const;
    int tokensIssued() const;
    void clearLog();

    static FakeHttpServer::Response error(int status, const QString &code, const QString &message);

private:
    struct Data
    {
        mutable QMutex mutex;
        QString clientId;
        QString clientSecret;
        QString siteId;
        QStringList tokens;
        QMap<QString, QList<QJsonObject>> responses; // by survey id
        QStringList cursors;
        int served = 0;
    };
    static FakeHttpServer::Response token(Data &data, const FakeHttpServer::Request &request);
    static FakeHttpServer::Response list(Data &data, const FakeHttpServer::Request &request);
    std::shared_ptr<Data> m_data;
};
