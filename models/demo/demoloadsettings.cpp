#include "demoloadsettings.h"

#include "logging.h"

#include <QSqlError>
#include <QSqlQuery>

DemoLoadSettings::DemoLoadSettings(const QSqlDatabase &db)
    : m_db(db)
{
    QSqlQuery query(m_db);
    // Outside the write-ahead log every page is written once instead of twice (log, then
    // checkpoint). SQLite leaves WAL mode only while no other connection has the file open,
    // so where other threads hold connections the load goes through the log; the workspace
    // is empty either way and a failure rolls back in both modes.
    m_leftWal = query.exec(QStringLiteral("PRAGMA journal_mode = DELETE")) && query.next() &&
                query.value(0).toString() == QLatin1String("delete");
    query.finish();
    qCDebug(hubDemo) << "Loading with journal mode" << (m_leftWal ? "delete" : "unchanged");

    set("synchronous", QStringLiteral("OFF"));
    set("cache_size", QStringLiteral("-262144"));
    // The rows reference only ids the generator has just inserted; checking each of them
    // against its parent would cost about as much as storing it. The tests check the result
    // with foreign_key_check.
    set("foreign_keys", QStringLiteral("OFF"));
    // With temporary files in memory SQLite's sorter allocates every key separately; with
    // files it sorts runs in one buffer and merges them, several times faster on big indexes.
    set("temp_store", QStringLiteral("FILE"));
}

DemoLoadSettings::~DemoLoadSettings()
{
    QSqlQuery query(m_db);
    for (auto it = m_previous.crbegin(); it != m_previous.crend(); ++it)
        query.exec(QStringLiteral("PRAGMA %1 = %2").arg(it->first, it->second));
    if (m_leftWal)
        query.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
}

void DemoLoadSettings::set(const char *pragma, const QString &value)
{
    const QString name = QString::fromLatin1(pragma);
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA ") + name) || !query.next()) {
        qCWarning(hubDemo) << "Cannot read" << name << query.lastError().text();
        return;
    }
    m_previous.append({name, query.value(0).toString()});
    query.finish();
    if (!query.exec(QStringLiteral("PRAGMA %1 = %2").arg(name, value)))
        qCWarning(hubDemo) << "Cannot set" << name << query.lastError().text();
}
