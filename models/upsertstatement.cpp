#include "upsertstatement.h"

#include <QSqlError>

UpsertStatement::UpsertStatement(const QSqlDatabase &db, const QString &table,
                                 const QStringList &columns, const QStringList &conflictColumns)
    : m_query(db)
    , m_columns(columns)
    , m_table(table)
{
    m_valid = m_query.prepare(sql(table, columns, conflictColumns));
    if (!m_valid)
        m_error = m_query.lastError().text();
}

QString UpsertStatement::sql(const QString &table, const QStringList &columns,
                             const QStringList &conflictColumns)
{
    QStringList placeholders;
    QStringList updates;
    for (const QString &column : columns) {
        placeholders.append(QStringLiteral("?"));
        if (!conflictColumns.contains(column))
            updates.append(column + QStringLiteral(" = excluded.") + column);
    }
    QString statement = QStringLiteral("INSERT INTO ") + table + QStringLiteral(" (") +
                        columns.join(QStringLiteral(", ")) + QStringLiteral(") VALUES (") +
                        placeholders.join(QStringLiteral(", ")) +
                        QStringLiteral(") ON CONFLICT (") +
                        conflictColumns.join(QStringLiteral(", ")) + QStringLiteral(") DO ");
    statement += updates.isEmpty()
                     ? QStringLiteral("NOTHING")
                     : QStringLiteral("UPDATE SET ") + updates.join(QStringLiteral(", "));
    return statement;
}

bool UpsertStatement::execute(const QVariantList &values)
{
    if (!m_valid)
        return false;
    Q_ASSERT(values.size() == m_columns.size());
    for (int i = 0; i < values.size(); ++i)
        m_query.bindValue(i, values.at(i));
    if (!m_query.exec()) {
        m_error = QObject::tr("Cannot write to %1: %2").arg(m_table, m_query.lastError().text());
        return false;
    }
    return true;
}
