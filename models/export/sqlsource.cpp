#include "sqlsource.h"

#include "database.h"
#include "rowcursor.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace {

sqlite3 *handleOf(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

} // namespace

SqlSource::SqlSource(Database *database, ExportTable table)
    : m_database(database)
    , m_table(std::move(table))
{
}

SqlSource::~SqlSource()
{
    sqlite3_finalize(m_statement);
}

bool SqlSource::open(QString *error)
{
    const QSqlDatabase db = m_database->connection();
    QSqlQuery count(db);
    if (!count.exec(m_table.countSql) || !count.next()) {
        *error = count.lastError().text();
        return false;
    }
    m_rows = count.value(0).toLongLong();
    sqlite3_finalize(m_statement);
    m_statement = nullptr;
    if (sqlite3 *handle = handleOf(db)) {
        const QByteArray sql = m_table.sql.toUtf8();
        if (sqlite3_prepare_v2(handle, sql.constData(), int(sql.size()), &m_statement, nullptr) !=
            SQLITE_OK) {
            *error = QString::fromUtf8(sqlite3_errmsg(handle));
            sqlite3_finalize(m_statement);
            m_statement = nullptr;
            return false;
        }
        return true;
    }
    m_cursor = std::make_unique<RowCursor>(db, m_table.sql);
    if (!m_cursor->exec()) {
        *error = m_cursor->lastError();
        m_cursor.reset();
        return false;
    }
    return true;
}

bool SqlSource::step()
{
    const int result = sqlite3_step(m_statement);
    if (result == SQLITE_ROW)
        return true;
    if (result != SQLITE_DONE)
        m_error = QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_statement)));
    return false;
}

bool SqlSource::nextUtf8(QByteArrayList *cells)
{
    if (!m_statement || !step())
        return false;
    const qsizetype count = m_table.columns.size();
    cells->resize(count);
    for (qsizetype c = 0; c < count; ++c) {
        const int i = int(c);
        QByteArray &cell = (*cells)[c];
        const int type = sqlite3_column_type(m_statement, i);
        if (type == SQLITE_NULL) {
            cell.clear();
            continue;
        }
        const ExportColumn::Kind kind = m_table.columns.at(c).kind;
        if (kind == ExportColumn::Kind::Number && type != SQLITE_TEXT) {
            cell = ExportValue::number(sqlite3_column_double(m_statement, i)).toLatin1();
            continue;
        }
        const char *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, i));
        qsizetype size = sqlite3_column_bytes(m_statement, i);
        // A date column shows the day of a stored timestamp.
        if (kind == ExportColumn::Kind::Date && size > 10 && text[4] == '-' &&
            (text[10] == 'T' || text[10] == ' '))
            size = 10;
        cell = QByteArray(text, size);
    }
    return true;
}

bool SqlSource::next(QStringList *cells)
{
    if (m_statement) {
        QByteArrayList utf8;
        if (!nextUtf8(&utf8))
            return false;
        cells->clear();
        for (const QByteArray &cell : std::as_const(utf8))
            cells->append(QString::fromUtf8(cell));
        return true;
    }
    if (!m_cursor || !m_cursor->next()) {
        if (m_cursor)
            m_error = m_cursor->lastError();
        return false;
    }
    const qsizetype count = m_table.columns.size();
    cells->resize(count);
    for (qsizetype c = 0; c < count; ++c) {
        const int i = int(c);
        QString &cell = (*cells)[c];
        if (m_cursor->isNull(i)) {
            cell.clear();
            continue;
        }
        switch (m_table.columns.at(c).kind) {
        case ExportColumn::Kind::Integer:
            cell = QString::number(m_cursor->integer(i));
            break;
        case ExportColumn::Kind::Number:
            cell = ExportValue::number(m_cursor->real(i));
            break;
        case ExportColumn::Kind::Date:
            cell = ExportValue::day(m_cursor->text(i));
            break;
        case ExportColumn::Kind::DateTime:
        case ExportColumn::Kind::Text:
            cell = m_cursor->text(i);
            break;
        }
    }
    return true;
}
