#include "migrator.h"

#include "logging.h"
#include "sqlscript.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

Migrator::Migrator(QSqlDatabase db, QList<Migration> migrations)
    : m_db(std::move(db))
    , m_migrations(std::move(migrations))
{
}

int Migrator::currentVersion(const QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                                   "name = 'schema_migrations'")) ||
        !query.next()) {
        *error = query.lastError().text();
        return -1;
    }
    if (query.value(0).toInt() == 0)
        return 0;
    if (!query.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations")) ||
        !query.next()) {
        *error = query.lastError().text();
        return -1;
    }
    return query.value(0).toInt();
}

int Migrator::latestVersion() const
{
    return m_migrations.isEmpty() ? 0 : m_migrations.last().version;
}

bool Migrator::migrate(QString *error, int targetVersion)
{
    const int current = currentVersion(m_db, error);
    if (current < 0)
        return false;
    const int target = targetVersion < 0 ? latestVersion() : targetVersion;
    for (const Migration &migration : std::as_const(m_migrations)) {
        if (migration.version <= current || migration.version > target)
            continue;
        if (!apply(migration, error))
            return false;
    }
    return true;
}

bool Migrator::apply(const Migration &migration, QString *error)
{
    qCInfo(hubDb) << "Applying migration" << migration.version << migration.name;
    if (!m_db.transaction()) {
        *error = m_db.lastError().text();
        return false;
    }
    QSqlQuery query(m_db);
    QStringList statements = SqlScript::split(migration.sql);
    statements.prepend(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                      " version INTEGER PRIMARY KEY,"
                                      " name TEXT NOT NULL,"
                                      " applied_at TEXT NOT NULL)"));
    for (const QString &statement : std::as_const(statements)) {
        if (!query.exec(statement)) {
            *error = QObject::tr("Migration %1 (%2) failed: %3")
                         .arg(migration.version)
                         .arg(migration.name, query.lastError().text());
            query.finish();
            m_db.rollback();
            return false;
        }
    }
    query.prepare(QStringLiteral(
        "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)"));
    query.addBindValue(migration.version);
    query.addBindValue(migration.name);
    query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (!query.exec() || !m_db.commit()) {
        *error = QObject::tr("Migration %1 (%2) could not be recorded: %3")
                     .arg(migration.version)
                     .arg(migration.name, query.lastError().text());
        query.finish();
        m_db.rollback();
        return false;
    }
    return true;
}
