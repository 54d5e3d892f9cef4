#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

// A statement prepared directly on the sqlite3 handle behind a QSQLITE connection, for the
// few hot paths where QSqlQuery's per-value copies dominate. It shares the connection, and
// so its transactions, with every QSqlQuery on that database.
class SqliteStatement
{
public:
    // Null when db is not a SQLite connection (error left empty) or the SQL does not
    // prepare (error says why).
    static std::unique_ptr<SqliteStatement> prepare(const QSqlDatabase &db, const QString &sql,
                                                    QString *error);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // index is 0-based. Strings and byte arrays are bound without a copy: the value must
    // stay alive until run() returns.
    bool bind(int index, const QVariant &value);
    // Runs to completion and resets for the next bindings.
    bool run();
    QString lastError() const;

    // Reading rows: step() until it returns false; failed() tells an error from the end.
    // reset() makes the statement ready for new bindings.
    bool step();
    bool failed() const { return m_failed; }
    void reset();
    qint64 columnInt(int column) const;
    double columnDouble(int column) const;
    QString columnText(int column) const;
    bool columnIsNull(int column) const;

private:
    SqliteStatement(sqlite3 *db, sqlite3_stmt *statement);

    sqlite3 *m_db;
    sqlite3_stmt *m_statement;
    bool m_failed = false;
};
