#pragma once

#include "fakehttpserver.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QStringList>

#include <memory>

// HubSpot's marketing APIs as the connector uses them:
// - GET /marketing/v3/campaigns with limit (at most 100), after and properties (a
//   comma-separated list: only those are returned, each as text); no change filter.
// - GET /marketing/v3/emails with limit (at most 100), after, sort=updatedAt, includeStats and
//   updatedAfter (ISO 8601, strictly after).
// Both answer {"total","results":[...],"paging":{"next":{"after","link"}}}. The bearer token is
// checked (401 INVALID_AUTHENTICATION).
class FakeHubSpotMarketing
{
public:
    FakeHubSpotMarketing(FakeHttpServer &server, const QByteArray &token);

    // Adds or replaces a campaign; properties hold every property value as text.
    void setCampaign(const QString &guid, const QJsonObject &properties, const QDateTime &updated);
    // Adds or replaces an email; the fake adds id, createdAt, updatedAt and stats.
    void setEmail(const QString &id, const QJsonObject &fields, const QDateTime &updated);
    QStringList updatedAfter() const;        // the emails' updatedAfter values, in order
    QStringList requestedProperties() const; // the campaigns' properties values, in order

private:
    struct Item
    {
        QJsonObject object;
        QDateTime updated;
    };
    struct Data
    {
        mutable QMutex mutex;
        QByteArray token;
        QMap<QString, Item> campaigns;
        QMap<QString, Item> emails;
        QStringList updatedAfter;
        QStringList properties;
    };
    static FakeHttpServer::Response error(int status, const char *category, const QString &message);
    static FakeHttpServer::Response page(QList<QJsonObject> items, const QUrlQuery &query);
    static FakeHttpServer::Response campaigns(Data &data, const FakeHttpServer::Request &request);
    static FakeHttpServer::Response emails(Data &data, const FakeHttpServer::Request &request);

    std::shared_ptr<Data> m_data;
};
