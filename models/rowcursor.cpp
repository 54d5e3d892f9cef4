#include "rowcursor.h"

#include "sqlitestatement.h"

#include <QSqlError>

RowCursor::RowCursor(const QSqlDatabase &db, const QString &sql)
    : m_query(db)
{
    m_native = SqliteStatement::prepare(db, sql, &m_error);
    if (!m_native && m_error.isEmpty()) {
        m_query.setForwardOnly(true);
        if (!m_query.prepare(sql))
            m_error = m_query.lastError().text();
    }
}

RowCursor::~RowCursor() = default;

void RowCursor::bind(int index, const QVariant &value)
{
    if (m_native && m_ran) { // SQLite takes new bindings only before the next run
        m_native->reset();
        m_ran = false;
    }
    // Kept alive here: the native statement binds text without copying it.
    if (m_bound.size() <= index)
        m_bound.resize(index + 1);
    m_bound[index] = value;
    if (m_native)
        m_native->bind(index, m_bound.at(index));
    else
        m_query.bindValue(index, value);
}

bool RowCursor::exec()
{
    if (!m_error.isEmpty())
        return false;
    if (m_native) {
        if (m_ran)
            m_native->reset(); // run again with the same bindings
        m_ran = true;
        return true; // the first step runs it
    }
    if (!m_query.exec()) {
        m_error = m_query.lastError().text();
        return false;
    }
    return true;
}

bool RowCursor::next()
{
    if (m_native) {
        const bool row = m_native->step();
        if (m_native->failed())
            m_error = m_native->lastError();
        return row;
    }
    return m_query.next();
}

qint64 RowCursor::integer(int column) const
{
    return m_native ? m_native->columnInt(column) : m_query.value(column).toLongLong();
}

double RowCursor::real(int column) const
{
    return m_native ? m_native->columnDouble(column) : m_query.value(column).toDouble();
}

QString RowCursor::text(int column) const
{
    return m_native ? m_native->columnText(column) : m_query.value(column).toString();
}

bool RowCursor::isNull(int column) const
{
    return m_native ? m_native->columnIsNull(column) : m_query.value(column).isNull();
}
