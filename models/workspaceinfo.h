#pragma once

#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// What a workspace holds: schema version, rows per canonical table, size on disk.
struct WorkspaceInfo
{
    QString path;
    int schemaVersion = 0;
    qint64 fileSize = 0; // the database file plus its write-ahead log
    QList<QPair<QString, qint64>> rowCounts;

    static WorkspaceInfo collect(const QSqlDatabase &db, const QString &path, int schemaVersion);
    qint64 rowCount(const QString &table) const;
};

// The result of SQLite's integrity and foreign-key checks.
struct IntegrityReport
{
    bool ok = false;
    QStringList problems;

    static IntegrityReport run(const QSqlDatabase &db);
};
