#pragma once

#include "fakehttpserver.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMutex>

#include <memory>

// Notion's database query (API version 2022-06-28) as the connector uses it:
//   POST /v1/databases/{id}/query  {"page_size", "filter", "sorts", "start_cursor"}
// answering {"object":"list","results":[PAGE...],"next_cursor","has_more",...} with page
// objects shaped as Notion sends them. The fake checks what a real query would be refused
// for: the bearer token (401 unauthorized), the Notion-Version header (400 missing_version),
// the body (400 validation_error), and it applies the last_edited_time filter and sort it is
// given. Without a sort it lists newest pages first, so a client that forgets the sort is
// caught.
class FakeNotion
{
public:
    static constexpr const char *Version = "2022-06-28";

    FakeNotion(FakeHttpServer &server, const QByteArray &token);

    // Declares a database and the name of its title property (Notion calls it "Name" by
    // default; people rename it).
    void addDatabase(const QString &id, const QString &titleProperty = QStringLiteral("Name"));
    // Adds or replaces a page. The title is given as rich-text segments, as Notion splits
    // styled text. Notion keeps last_edited_time to the minute; so does the fake.
    void setPage(const QString &database, const QString &id, const QStringList &titleSegments,
                 const QDateTime &lastEdited, bool archived = false, bool inTrash = false);
    static QString pageId(int n); // a UUID in Notion's dashed form

    QJsonObject page(const QString &id) const;
    static QString queryPath(const QString &database);

private:
    struct Page
    {
        QJsonObject object;
        QDateTime lastEdited;
        QDateTime created;
    };
    struct Database
    {
        QString titleProperty;
        QMap<QString, Page> pages; // by id
    };
    struct Data
    {
        mutable QMutex mutex;
        QByteArray token;
        QMap<QString, Database> databases;
    };
    static FakeHttpServer::Response error(int status, const char *code, const QString &message);
    static FakeHttpServer::Response query(Data &data, const QString &database,
                                          const FakeHttpServer::Request &request);

    std::shared_ptr<Data> m_data;
};
