#pragma once

#include <QSqlDatabase>
#include <QStringList>

// Makes a large load into some tables fast: drops their secondary indexes and triggers,
// and restores them (and rebuilds dependent full-text indexes) once the rows are in.
// Building an index once over sorted rows is many times faster than keeping it in step
// row by row. Use inside a transaction, so a failed load restores everything by rollback.
// Set temp_store = FILE before the transaction begins: with temporary files in memory,
// SQLite's sorter keeps every key of a new index in an allocation of its own, and the
// index builds take several times longer.
class BulkLoad
{
public:
    BulkLoad(const QSqlDatabase &db, const QStringList &tables);

    // Drops the indexes and triggers. Returns false and sets error on failure.
    bool begin(QString *error);
    // Recreates what begin() dropped and rebuilds the full-text indexes over the tables.
    bool finish(QString *error);

private:
    bool recreate(QString *error);
    bool rebuild(const QString &index, QString *error);

    QSqlDatabase m_db;
    QStringList m_tables;
    QStringList m_recreate; // CREATE statements, in their original order
    QStringList m_fullTextIndexes;
};
