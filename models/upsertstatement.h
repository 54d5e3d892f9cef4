#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

#include <memory>

class SqliteStatement;

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

    UpsertStatement(const UpsertStatement &) = delete;
    UpsertStatement &operator=(const UpsertStatement &) = delete;
    ~UpsertStatement();

    // values are in the order of columns(). Returns false and sets lastError() on failure.
    bool execute(const QVariantList &values);
    // Many rows, several per statement: per-statement work dominates narrow bulk writes.
    // Each row is bound as leading + row (leading: values every row shares, such as the
    // source id). Rows with the same conflict key keep the last one, as row-by-row upserts
    // would (and as PostgreSQL requires within one statement).
    bool executeMany(const QList<QVariantList> &rows, const QVariantList &leading = {});

    static QString sql(const QString &table, const QStringList &columns,
                       const QStringList &conflictColumns);

private:
    static constexpr int RowsPerStatement = 8;
    static QString sql(const QString &table, const QStringList &columns,
                       const QStringList &conflictColumns, int rows);
    QList<qsizetype> lastOfEachKey(const QList<QVariantList> &rows,
                                   const QVariantList &leading) const;
    bool executeBatch(const QVariantList &leading, const QVariantList *const *rows);
    bool executeOne(const QVariantList &leading, const QVariantList &row);
    bool fail(const QString &reason);

    // On SQLite the statements run through the driver's own handle: binding through
    // QSqlQuery copies every value twice, which is most of the writer's work in a sync.
    std::unique_ptr<SqliteStatement> m_nativeBatch;
    std::unique_ptr<SqliteStatement> m_nativeOne;

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
