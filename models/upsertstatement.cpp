#include "upsertstatement.h"

#include "sqlitestatement.h"

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
    const QString statement = sql(table, columns, conflictColumns);
    QString error;
    m_nativeOne = SqliteStatement::prepare(db, statement, &error);
    m_valid = m_nativeOne || (error.isEmpty() && m_query.prepare(statement));
    if (!m_valid)
        m_error = error.isEmpty() ? m_query.lastError().text() : error;
    for (const QString &key : conflictColumns)
        m_keyIndexes.append(int(columns.indexOf(key)));
}

UpsertStatement::~UpsertStatement() = default;

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

bool UpsertStatement::fail(const QString &reason)
{
    m_error = QObject::tr("Cannot write to %1: %2").arg(m_table, reason);
    return false;
}

bool UpsertStatement::execute(const QVariantList &values)
{
    return m_valid && executeOne({}, values);
}

bool UpsertStatement::executeOne(const QVariantList &leading, const QVariantList &row)
{
    Q_ASSERT(leading.size() + row.size() == m_columns.size());
    const int offset = int(leading.size());
    if (m_nativeOne) {
        for (int i = 0; i < offset; ++i)
            m_nativeOne->bind(i, leading.at(i));
        for (int i = 0; i < row.size(); ++i)
            m_nativeOne->bind(offset + i, row.at(i));
        return m_nativeOne->run() || fail(m_nativeOne->lastError());
    }
    for (int i = 0; i < offset; ++i)
        m_query.bindValue(i, leading.at(i));
    for (int i = 0; i < row.size(); ++i)
        m_query.bindValue(offset + i, row.at(i));
    return m_query.exec() || fail(m_query.lastError().text());
}

bool UpsertStatement::executeBatch(const QVariantList &leading, const QVariantList *const *rows)
{
    const int width = int(m_columns.size());
    const int offset = int(leading.size());
    const auto bind = [this](int index, const QVariant &value) {
        if (m_nativeBatch)
            m_nativeBatch->bind(index, value);
        else
            m_batch.bindValue(index, value);
    };
    for (int r = 0; r < RowsPerStatement; ++r) {
        const QVariantList &row = *rows[r];
        Q_ASSERT(offset + row.size() == width);
        for (int c = 0; c < offset; ++c)
            bind(r * width + c, leading.at(c));
        for (int c = 0; c < row.size(); ++c)
            bind(r * width + offset + c, row.at(c));
    }
    if (m_nativeBatch)
        return m_nativeBatch->run() || fail(m_nativeBatch->lastError());
    return m_batch.exec() || fail(m_batch.lastError().text());
}

// The index of the last row of each conflict key, in row order.
QList<qsizetype> UpsertStatement::lastOfEachKey(const QList<QVariantList> &rows,
                                                const QVariantList &leading) const
{
    const auto keyOf = [&](const QVariantList &row) {
        QString key;
        // Leading values are the same on every row and cannot tell rows apart.
        for (int index : m_keyIndexes) {
            if (index >= leading.size())
                key += row.at(index - leading.size()).toString() + QChar(0x1f);
        }
        return key;
    };
    QHash<QString, qsizetype> last;
    last.reserve(rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i)
        last.insert(keyOf(rows.at(i)), i);
    QList<qsizetype> kept;
    kept.reserve(last.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (last.size() == rows.size() || last.value(keyOf(rows.at(i))) == i)
            kept.append(i);
    }
    return kept;
}

bool UpsertStatement::executeMany(const QList<QVariantList> &rows, const QVariantList &leading)
{
    if (!m_valid)
        return false;
    const QList<qsizetype> kept = lastOfEachKey(rows, leading);
    if (kept.size() >= RowsPerStatement && !m_batchPrepared) {
        const QString statement = sql(m_table, m_columns, m_conflictColumns, RowsPerStatement);
        QString error;
        m_nativeBatch = SqliteStatement::prepare(m_db, statement, &error);
        m_batchPrepared = m_nativeBatch || (error.isEmpty() && m_batch.prepare(statement));
        if (!m_batchPrepared)
            return fail(error.isEmpty() ? m_batch.lastError().text() : error);
    }
    qsizetype next = 0;
    const QVariantList *batch[RowsPerStatement];
    while (kept.size() - next >= RowsPerStatement) {
        for (int r = 0; r < RowsPerStatement; ++r)
            batch[r] = &rows.at(kept.at(next + r));
        if (!executeBatch(leading, batch))
            return false;
        next += RowsPerStatement;
    }
    for (; next < kept.size(); ++next) {
        if (!executeOne(leading, rows.at(kept.at(next))))
            return false;
    }
    return true;
}
