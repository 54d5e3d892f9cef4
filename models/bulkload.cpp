#include "bulkload.h"

#include "logging.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace {

// Sets a pragma for as long as it lives, then puts the previous value back.
class ScopedPragma
{
public:
    ScopedPragma(const QSqlDatabase &db, const QString &name, const QString &value)
        : m_db(db)
        , m_name(name)
    {
        QSqlQuery query(m_db);
        if (query.exec(QStringLiteral("PRAGMA ") + name) && query.next())
            m_previous = query.value(0).toString();
        query.finish();
        query.exec(QStringLiteral("PRAGMA %1 = %2").arg(name, value));
    }
    ~ScopedPragma()
    {
        if (!m_previous.isEmpty())
            QSqlQuery(m_db).exec(QStringLiteral("PRAGMA %1 = %2").arg(m_name, m_previous));
    }

private:
    QSqlDatabase m_db;
    QString m_name;
    QString m_previous;
};

} // namespace

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
    QElapsedTimer timer;
    timer.start();
    {
        // SQLite sorts the keys of a new index in runs as large as the page cache and merges
        // them. Runs of a few megabytes sort within the processor's caches, and a helper thread
        // sorts one while the next fills: much faster than runs the size of a bulk-load cache.
        const ScopedPragma runs(m_db, QStringLiteral("cache_size"), QStringLiteral("-16384"));
        const ScopedPragma helpers(m_db, QStringLiteral("threads"),
                                   QString::number(qMax(0, QThread::idealThreadCount() - 1)));
        if (!recreate(error))
            return false;
    }
    for (const QString &index : std::as_const(m_fullTextIndexes)) {
        qCDebug(hubDb) << "Rebuilding" << index << "at" << timer.elapsed() << "ms";
        if (!rebuild(index, error))
            return false;
    }
    qCDebug(hubDb) << "Rebuilt at" << timer.elapsed() << "ms";
    m_recreate.clear();
    m_fullTextIndexes.clear();
    return true;
}

bool BulkLoad::recreate(QString *error)
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
    return true;
}

bool BulkLoad::rebuild(const QString &index, QString *error)
{
    // FTS5 writes its in-memory index out as a new segment whenever that holds 'hashsize'
    // bytes, and keeps merging the segments that pile up. With a larger buffer the rebuild
    // writes fewer, larger segments and merges far less; the setting goes back afterwards.
    const QString setHashSize =
        QStringLiteral("INSERT INTO \"%1\"(\"%1\", rank) VALUES ('hashsize', %2)");
    QSqlQuery query(m_db);
    QString previous = QStringLiteral("1048576"); // FTS5's default, unless the index has its own
    if (query.exec(QStringLiteral("SELECT v FROM \"%1_config\" WHERE k = 'hashsize'").arg(index)) &&
        query.next())
        previous = query.value(0).toString();
    query.finish();
    if (!query.exec(setHashSize.arg(index, QString::number(64 * 1024 * 1024))) ||
        !query.exec(QStringLiteral("INSERT INTO \"%1\"(\"%1\") VALUES ('rebuild')").arg(index)) ||
        !query.exec(setHashSize.arg(index, previous))) {
        *error = QObject::tr("Cannot rebuild the search index %1: %2")
                     .arg(index, query.lastError().text());
        return false;
    }
    return true;
}
