#pragma once

#include "fakehttpserver.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QStringList>

#include <memory>

// UserVoice's Admin API v2 for one site. POST /api/v2/oauth/token exchanges a trusted API
// client's key and secret (form-encoded, grant_type=client_credentials) for a bearer token.
// GET /api/v2/admin/suggestions answers {"suggestions": [...], "pagination": {...,
// "cursor", "next_cursor"}}, per_page 1-100 (default 20), sorted by `sort` (-updated_at: newest
// change first), filtered by updated_after (changed strictly after it), the next page asked
// for with cursor=<next_cursor>. Throttled requests get 429 with Retry-After as an epoch time.
class FakeUserVoice
{
public:
    FakeUserVoice(FakeHttpServer &server, const QString &apiKey, const QString &apiSecret);

    void setSuggestion(const QJsonObject &suggestion);
    static QJsonObject suggestion(int n, const QDateTime &updated, int votes);

    // What the fake saw: the updated_after of each list request (empty when absent), the
    // cursors asked for, and how many suggestions it served in all.
    QStringList updatedAfter() const;
    QStringList cursors() const;
    int served() const;
    int tokensIssued() const;
    void clearLog();
    // The bearer tokens handed out so far stop working (as when they expire).
    void expireTokens();

    static FakeHttpServer::Response error(int status, const QString &type, const QString &message);

private:
    struct Data
    {
        mutable QMutex mutex;
        QString apiKey;
        QString apiSecret;
        QStringList validTokens;
        int issued = 0;
        QList<QJsonObject> suggestions;
        QStringList updatedAfter;
        QStringList cursors;
        int served = 0;
    };
    static FakeHttpServer::Response token(Data &data, const FakeHttpServer::Request &request);
    static FakeHttpServer::Response list(Data &data, const FakeHttpServer::Request &request);
    std::shared_ptr<Data> m_data;
};
