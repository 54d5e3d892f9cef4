#include "bulkload.h"

#include "logging.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>

BulkLoad::BulkLoad(const QSqlDatabase &db, const QStringList &tables)
    : m_db(db)
    , m_tables(tables)
{
}

bool BulkLoad::begin(QString *error)
{
    QSqlQuery query(m_db);
    QStringList drops;
    for (const QString &table : std::as_const(m_tables)) {
        query.prepare(QStringLiteral("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? "
                                     "AND type IN ('index', 'trigger') AND sql IS NOT NULL "
                                     "ORDER BY rowid"));
        query.addBindValue(table);
        if (!query.exec()) {
            *error = query.lastError().text();
            return false;
        }
        while (query.next()) {
            drops.append(QStringLiteral("DROP %1 \"%2\"")
                             .arg(query.value(0).toString().toUpper(), query.value(1).toString()));
            m_recreate.append(query.value(2).toString());
        }
        // Full-text tables whose content is this table are rebuilt at the end.
        query.prepare(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND sql "
                                     "LIKE '%USING fts5%' AND sql LIKE ?"));
        query.addBindValue(QString(QStringLiteral("%content = '") + table + QStringLiteral("'%")));
        if (!query.exec()) {
            *error = query.lastError().text();
            return false;
        }
        while (query.next())
            m_fullTextIndexes.append(query.value(0).toString());
    }
    for (const QString &drop : std::as_const(drops)) {
        if (!query.exec(drop)) {
            *error = QObject::tr("Cannot prepare the bulk load (%1): %2")
                         .arg(drop, query.lastError().text());
            return false;
        }
    }
    return true;
}

bool BulkLoad::finish(QString *error)
{
    QSqlQuery query(m_db);
    QElapsedTimer timer;
    timer.start();
    for (const QString &create : std::as_const(m_recreate)) {
        qCDebug(hubDb) << "Restoring" << create.simplified().left(60) << "at" << timer.elapsed()
                       << "ms";
        if (!query.exec(create)) {
            *error =
                QObject::tr("Cannot restore after the bulk load: %1").arg(query.lastError().text());
            return false;
        }
    }
    for (const QString &index : std::as_const(m_fullTextIndexes)) {
        qCDebug(hubDb) << "Rebuilding" << index << "at" << timer.elapsed() << "ms";
        if (!query.exec(
                QStringLiteral("INSERT INTO \"%1\"(\"%1\") VALUES ('rebuild')").arg(index))) {
            *error = QObject::tr("Cannot rebuild the search index %1: %2")
                         .arg(index, query.lastError().text());
            return false;
        }
    }
    m_recreate.clear();
    m_fullTextIndexes.clear();
    return true;
}
