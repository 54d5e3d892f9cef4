#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

// A prepared INSERT ... ON CONFLICT DO UPDATE for one table, keyed by conflict columns
// (for synced tables: source_id, external_id). Portable between SQLite and PostgreSQL.
class UpsertStatement
{
public:
    UpsertStatement(const QSqlDatabase &db, const QString &table, const QStringList &columns,
                    const QStringList &conflictColumns = {QStringLiteral("source_id"),
                                                          QStringLiteral("external_id")});

    bool isValid() const { return m_valid; }
    QString lastError() const { return m_error; }
    const QStringList &columns() const { return m_columns; }

    // values are in the order of columns(). Returns false and sets lastError() on failure.
    bool execute(const QVariantList &values);
    // Many rows, several per statement: per-statement work dominates narrow bulk writes.
    // Rows with the same conflict key keep the last one, as row-by-row upserts would (and
    // as PostgreSQL requires within one statement).
    bool executeMany(const QList<QVariantList> &rows);

    static QString sql(const QString &table, const QStringList &columns,
                       const QStringList &conflictColumns);

private:
    static constexpr int RowsPerStatement = 8;
    static QString sql(const QString &table, const QStringList &columns,
                       const QStringList &conflictColumns, int rows);
    QList<QVariantList> withoutDuplicateKeys(const QList<QVariantList> &rows) const;

    QSqlDatabase m_db;
    QStringList m_conflictColumns;
    QList<int> m_keyIndexes;
    QSqlQuery m_batch; // prepared on first use
    bool m_batchPrepared = false;
    QSqlQuery m_query;
    QStringList m_columns;
    QString m_table;
    QString m_error;
    bool m_valid = false;
};
