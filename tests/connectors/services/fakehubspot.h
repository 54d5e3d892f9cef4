#pragma once

#include "fakehttpserver.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QStringList>

#include <memory>

// HubSpot's CRM search (POST /crm/v3/objects/{type}/search) as the connector uses it: one
// filter "PROPERTY GTE value" (epoch milliseconds) on the modification date, an ascending
// sort on it, "after" paging; answers {"total","results":[...],"paging":{"next":{"after",
// "link"}}} with every property value as text. Checks the bearer token (401
// INVALID_AUTHENTICATION) and refuses a limit above 200 (400 VALIDATION_ERROR).
class FakeHubSpot
{
public:
    FakeHubSpot(FakeHttpServer &server, const QByteArray &token);

    // Adds or replaces an object; the fake adds id, createdAt, updatedAt, archived and the
    // modification-date property the type uses.
    void setObject(const QString &type, const QString &id, const QJsonObject &properties,
                   const QDateTime &modified);
    QStringList filterValues() const; // the GTE values received, in order
    static QString modifiedProperty(const QString &type);

private:
    struct Object
    {
        QJsonObject object;
        QDateTime modified;
    };
    struct Data
    {
        mutable QMutex mutex;
        QByteArray token;
        QMap<QString, QMap<QString, Object>> objects;
        QStringList filterValues;
    };
    static FakeHttpServer::Response error(int status, const char *category, const QString &message);
    static FakeHttpServer::Response search(Data &data, const QString &type,
                                           const FakeHttpServer::Request &request);

    std::shared_ptr<Data> m_data;
};
