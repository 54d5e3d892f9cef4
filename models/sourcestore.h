#pragma once

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

// A configured connection to one service. Never holds a secret: those live in the keychain.
struct Source
{
    qint64 id = 0;
    QString kind;
    QString name;
    QString baseUrl;
    QJsonObject settings;
    bool enabled = true;
    QString createdAt;
};

// The latest run of one stream of a source, as the sync engine recorded it.
struct StreamStatus
{
    QString stream;
    QString status; // running, ok, failed, rate_limited, cancelled
    QString startedAt;
    QString finishedAt;
    qint64 records = 0;
    int pages = 0;
    QString error;
    QString resumeAt;
    QString cursor;
};

// Reads and writes the sources table. Give it the writer's connection for writes.
class SourceStore
{
public:
    explicit SourceStore(const QSqlDatabase &db);

    QList<Source> all(QString *error) const;
    std::optional<Source> byName(const QString &name, QString *error) const;

    // Inserts the source and sets its id. A taken name is refused with a clear message.
    bool add(Source &source, QString *error);
    bool remove(qint64 sourceId, QString *error);

    // The latest run of each stream of the source, with its cursor.
    QList<StreamStatus> streamStatus(qint64 sourceId, QString *error) const;

private:
    QSqlDatabase m_db;
};
