#pragma once

#include "fakehttpserver.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMutex>

#include <memory>

// Aha!'s REST API v1 for one account: GET /api/v1/features, /api/v1/ideas and
// /api/v1/products/{key}/releases answer {"<records>": [...], "pagination": {total_records,
// total_pages, current_page}}, paged by page (from 1) and per_page (default 30, at most 200),
// newest record first, filtered by updated_since (updated after it) and cut down to the
// fields asked for in `fields` (plus id). Requests need "Authorization: Bearer KEY" and the
// account in X-Aha-Account.
class FakeAha
{
public:
    FakeAha(FakeHttpServer &server, const QByteArray &key, const QString &account);

    void setFeature(const QJsonObject &feature);
    void setIdea(const QJsonObject &idea);
    void setRelease(const QString &productKey, const QJsonObject &release);

    static QJsonObject feature(int n, const QDateTime &updated,
                               const QString &status = QStringLiteral("In development"));
    static QJsonObject release(int n, const QDateTime &updated, bool released,
                               bool parkingLot = false);
    static QJsonObject idea(int n, const QDateTime &updated, int votes,
                            const QString &featureId = QString());

    // What the fake saw: the updated_since of each list request by path (empty when
    // absent), and how many records it served in all.
    QMap<QString, QStringList> updatedSince() const;
    int recordsServed() const;
    void clearLog();

    static QByteArray error(const QString &error, const QString &message);

private:
    struct Data
    {
        mutable QMutex mutex;
        QList<QJsonObject> features;
        QList<QJsonObject> ideas;
        QMap<QString, QList<QJsonObject>> releases;
        QMap<QString, QStringList> updatedSince;
        int served = 0;
    };
    static FakeHttpServer::Response list(Data &data, const FakeHttpServer::Request &request,
                                         const QString &name, const QList<QJsonObject> &records);
    static void upsert(QList<QJsonObject> &records, const QJsonObject &record);
    std::shared_ptr<Data> m_data;
};
