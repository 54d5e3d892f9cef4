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

    static QString sql(const QString &table, const QStringList &columns,
                       const QStringList &conflictColumns);

private:
    QSqlQuery m_query;
    QStringList m_columns;
    QString m_table;
    QString m_error;
    bool m_valid = false;
};
