#pragma once

#include "fakehttpserver.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QStringList>

#include <memory>

// Pipedrive's API v2 lists as the connector uses them: GET /api/v2/deals and
// /api/v2/organizations with updated_since (RFC 3339, inclusive), sort_by=update_time,
// status (deals), limit (at most 500) and cursor; answers {"success":true,"data":[...],
// "additional_data":{"next_cursor"}} with next_cursor null on the last page. The api_token
// query parameter is checked (401 "unauthorized access").
class FakePipedrive
{
public:
    FakePipedrive(FakeHttpServer &server, const QByteArray &token);

    void setDeal(int id, const QJsonObject &fields, const QDateTime &updated);
    void setOrganization(int id, const QString &name, const QDateTime &updated);
    QStringList updatedSince() const; // the updated_since values received, in order
    static QString time(const QDateTime &when);

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
        QMap<QString, QMap<int, Item>> items; // "deals"/"organizations" -> id -> item
        QStringList updatedSince;
    };
    static FakeHttpServer::Response error(int status, const QString &message, const QString &info);
    static FakeHttpServer::Response list(Data &data, const QString &kind,
                                         const FakeHttpServer::Request &request);

    std::shared_ptr<Data> m_data;
};
