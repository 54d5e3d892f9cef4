#include "upsertstatement.h"

#include <QHash>
#include <QSqlError>

UpsertStatement::UpsertStatement(const QSqlDatabase &db, const QString &table,
                                 const QStringList &columns, const QStringList &conflictColumns)
    : m_db(db)
    , m_conflictColumns(conflictColumns)
    , m_batch(db)
    , m_query(db)
    , m_columns(columns)
    , m_table(table)
{
    m_valid = m_query.prepare(sql(table, columns, conflictColumns));
    if (!m_valid)
        m_error = m_query.lastError().text();
    for (const QString &key : conflictColumns)
        m_keyIndexes.append(int(columns.indexOf(key)));
}

QString UpsertStatement::sql(const QString &table, const QStringList &columns,
                             const QStringList &conflictColumns)
{
    return sql(table, columns, conflictColumns, 1);
}

QString UpsertStatement::sql(const QString &table, const QStringList &columns,
                             const QStringList &conflictColumns, int rows)
{
    QStringList placeholders;
    QStringList updates;
    for (const QString &column : columns) {
        placeholders.append(QStringLiteral("?"));
        if (!conflictColumns.contains(column))
            updates.append(column + QStringLiteral(" = excluded.") + column);
    }
    const QString row = QString(QStringLiteral("(") + placeholders.join(QStringLiteral(", ")) +
                                QStringLiteral(")"));
    QString statement = QStringLiteral("INSERT INTO ") + table + QStringLiteral(" (") +
                        columns.join(QStringLiteral(", ")) + QStringLiteral(") VALUES ") +
                        QStringList(rows, row).join(QStringLiteral(", ")) +
                        QStringLiteral(" ON CONFLICT (") +
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

QList<QVariantList> UpsertStatement::withoutDuplicateKeys(const QList<QVariantList> &rows) const
{
    QHash<QString, qsizetype> last;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QString key;
        for (int index : m_keyIndexes)
            key += rows.at(i).value(index).toString() + QChar(0x1f);
        last.insert(key, i);
    }
    if (last.size() == rows.size())
        return rows;
    QList<QVariantList> unique;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QString key;
        for (int index : m_keyIndexes)
            key += rows.at(i).value(index).toString() + QChar(0x1f);
        if (last.value(key) == i)
            unique.append(rows.at(i));
    }
    return unique;
}

bool UpsertStatement::executeMany(const QList<QVariantList> &input)
{
    if (!m_valid)
        return false;
    const QList<QVariantList> rows = withoutDuplicateKeys(input);
    qsizetype next = 0;
    if (rows.size() >= RowsPerStatement && !m_batchPrepared) {
        m_batchPrepared =
            m_batch.prepare(sql(m_table, m_columns, m_conflictColumns, RowsPerStatement));
        if (!m_batchPrepared) {
            m_error =
                QObject::tr("Cannot write to %1: %2").arg(m_table, m_batch.lastError().text());
            return false;
        }
    }
    const qsizetype width = m_columns.size();
    while (rows.size() - next >= RowsPerStatement) {
        for (int r = 0; r < RowsPerStatement; ++r) {
            const QVariantList &row = rows.at(next + r);
            Q_ASSERT(row.size() == width);
            for (qsizetype c = 0; c < width; ++c)
                m_batch.bindValue(int(r * width + c), row.at(c));
        }
        if (!m_batch.exec()) {
            m_error =
                QObject::tr("Cannot write to %1: %2").arg(m_table, m_batch.lastError().text());
            return false;
        }
        next += RowsPerStatement;
    }
    for (; next < rows.size(); ++next) {
        if (!execute(rows.at(next)))
            return false;
    }
    return true;
}
