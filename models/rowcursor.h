#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <memory>

class SqliteStatement;

// A forward-only read of a query's rows, for reports that walk millions of rows: on SQLite
// it steps the statement directly (a few times faster than QSqlQuery per row); elsewhere it
// falls back to a forward-only QSqlQuery.
class RowCursor
{
public:
    RowCursor(const QSqlDatabase &db, const QString &sql);
    ~RowCursor();
    RowCursor(const RowCursor &) = delete;
    RowCursor &operator=(const RowCursor &) = delete;

    void bind(int index, const QVariant &value); // 0-based
    bool exec();                                 // false: see lastError()
    bool next();
    qint64 integer(int column) const;
    double real(int column) const;
    QString text(int column) const;
    bool isNull(int column) const;
    QString lastError() const { return m_error; }

private:
    std::unique_ptr<SqliteStatement> m_native;
    QSqlQuery m_query;
    QVariantList m_bound;
    QString m_error;
    bool m_ran = false;
};
