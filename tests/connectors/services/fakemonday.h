#pragma once

#include "fakehttpserver.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMutex>

#include <memory>

// monday.com's GraphQL API at POST /v2, for board items: the first page is
// boards(ids:) { items_page(limit:) { cursor items {...} } }, later pages are
// next_items_page(cursor:, limit:) at the root; the cursor is null on the last page. Items
// carry only the fields the query selects, aliased column_values(ids:/types:) included, so
// a next-page query that forgets a field shows. Requests need "Authorization: TOKEN" (no
// scheme); the API-Version header of each request is kept.
class FakeMonday
{
public:
    FakeMonday(FakeHttpServer &server, const QByteArray &token);

    void setItem(const QString &boardId, const QJsonObject &item);
    // An item as monday stores it, with a status, a people and a date column.
    static QJsonObject item(const QString &boardId, const QString &id, const QString &name,
                            const QDateTime &updated, const QString &status = QString(),
                            const QString &group = QStringLiteral("Sprint 12"),
                            const QString &person = QString());

    struct Call
    {
        QString query;
        QJsonObject variables;
        QByteArray apiVersion;
        QByteArray authorization;
    };
    QList<Call> calls() const;
    void clearCalls();
    // Every next_items_page request is answered with monday's expired-cursor error.
    void setCursorsExpired(bool expired);
    // The bytes of the item as last sent.
    QByteArray served(const QString &itemId) const;

    static QByteArray errors(const QString &message, const QString &code);

private:
    struct Cursor
    {
        QString board;
        qsizetype position = 0;
    };
    struct Data
    {
        mutable QMutex mutex;
        QMap<QString, QList<QJsonObject>> boards;
        QHash<QString, Cursor> cursors;
        QHash<QString, QByteArray> served;
        QList<Call> calls;
        int issued = 0;
        bool cursorsExpired = false;
    };
    static FakeHttpServer::Response answer(Data &data, const FakeHttpServer::Request &request,
                                           const QByteArray &token);
    std::shared_ptr<Data> m_data;
};
