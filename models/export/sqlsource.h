#pragma once

#include "exportsource.h"
#include "exporttables.h"

#include <memory>

class Database;
class RowCursor;
struct sqlite3_stmt;

// A whole workspace table, streamed row by row from the database: millions of rows without
// holding them. Reads through the calling thread's own connection.
class SqlSource : public ExportSource
{
public:
    SqlSource(Database *database, ExportTable table);
    ~SqlSource() override;

    QList<ExportColumn> columns() const override { return m_table.columns; }
    bool open(QString *error) override;
    qint64 rowCount() const override { return m_rows; }
    bool next(QStringList *cells) override;
    QString error() const override { return m_error; }
    bool hasUtf8Rows() const override { return m_statement != nullptr; }
    bool nextUtf8(QByteArrayList *cells) override;

private:
    bool step();

    Database *m_database;
    ExportTable m_table;
    // The statement itself on SQLite, whose text is UTF-8 already; a cursor elsewhere.
    sqlite3_stmt *m_statement = nullptr;
    std::unique_ptr<RowCursor> m_cursor;
    qint64 m_rows = -1;
    QString m_error;
};
