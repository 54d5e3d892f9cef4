#include "database.h"

#include "databasewriter.h"
#include "logging.h"
#include "migrator.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace {

QAtomicInteger<int> s_instanceCounter;

constexpr QByteArrayView SqliteHeader("SQLite format 3\0", 16);

// A file that is not empty and does not start with SQLite's header is never opened for
// writing: SQLite would happily turn it into a database on the first write.
bool looksLikeSqlite(const QString &path, QString *reason)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *reason = file.errorString();
        return false;
    }
    if (file.size() == 0)
        return true;
    const QByteArray header = file.read(SqliteHeader.size());
    if (header != SqliteHeader) {
        *reason = QObject::tr("the file does not start with an SQLite header");
        return false;
    }
    return true;
}

bool isCorruptionError(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26), with or without extended codes.
    return code == QLatin1String("11") || code == QLatin1String("26") ||
           error.text().contains(QLatin1String("malformed"), Qt::CaseInsensitive) ||
           error.text().contains(QLatin1String("not a database"), Qt::CaseInsensitive);
}

} // namespace

Database::Database(const Workspace &workspace)
    : m_workspace(workspace)
    , m_prefix(QStringLiteral("hub-%1-").arg(s_instanceCounter.fetchAndAddRelaxed(1)))
{
}

Database::~Database()
{
    m_writer.reset();
    const QMutexLocker locker(&m_connections->mutex);
    for (auto it = m_connections->byThread.cbegin(); it != m_connections->byThread.cend(); ++it) {
        // Another thread's connection may not be touched from here; removing it lets its
        // driver close the file once that thread lets go of it.
        if (it.key() == QThread::currentThread())
            QSqlDatabase::database(it.value(), false).close();
        QSqlDatabase::removeDatabase(it.value());
    }
    m_connections->byThread.clear();
}

Database::OpenResult Database::open(const Workspace &workspace, const Options &options)
{
    OpenResult result;
    const QString path = workspace.databasePath();
    const bool exists = QFileInfo::exists(path);

    if (!exists) {
        if (!options.create) {
            result.error = Error::CannotOpen;
            result.message = QObject::tr("No workspace database at %1.").arg(path);
            return result;
        }
        if (!QDir().mkpath(workspace.folder())) {
            result.error = Error::CannotCreateFolder;
            result.message =
                QObject::tr("Cannot create the workspace folder %1.").arg(workspace.folder());
            return result;
        }
    } else {
        QString reason;
        if (!looksLikeSqlite(path, &reason)) {
            result.error = Error::NotADatabase;
            result.message = QObject::tr("%1 is not a workspace database (%2). "
                                         "The file was left untouched.")
                                 .arg(path, reason);
            return result;
        }
    }

    std::unique_ptr<Database> db(new Database(workspace));
    QString error;

    // Inspect an existing file read-only first, so that a file we must refuse stays unchanged.
    if (exists) {
        const QString probeName = db->m_prefix + QStringLiteral("probe");
        int version = -1;
        bool corrupt = false;
        {
            QSqlDatabase probe = db->openConnection(probeName, true, &error);
            if (probe.isOpen()) {
                QSqlQuery query(probe);
                if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
                    corrupt = isCorruptionError(query.lastError());
                    error = query.lastError().text();
                } else {
                    query.finish();
                    version = Migrator::currentVersion(probe, &error);
                }
                probe.close();
            }
        }
        QSqlDatabase::removeDatabase(probeName);
        if (version < 0) {
            result.error = corrupt ? Error::Corrupt : Error::CannotOpen;
            result.message = corrupt ? QObject::tr("%1 is damaged and cannot be opened (%2). "
                                                   "The file was left untouched.")
                                           .arg(path, error)
                                     : QObject::tr("Cannot read %1: %2").arg(path, error);
            return result;
        }
        const int latest = Migrations::latestBundledVersion();
        if (version > latest) {
            result.error = Error::NewerSchema;
            result.message = QObject::tr("%1 was written by a newer version of Product Integration "
                                         "Hub (schema %2; this version knows up to %3). Update the "
                                         "application to open it. The file was left untouched.")
                                 .arg(path)
                                 .arg(version)
                                 .arg(latest);
            return result;
        }
    }

    QSqlDatabase main = db->connection();
    if (!main.isOpen()) {
        result.error = Error::CannotOpen;
        result.message = QObject::tr("Cannot open %1: %2").arg(path, main.lastError().text());
        return result;
    }
    QSqlQuery pragma(main);
    if (!pragma.exec(QStringLiteral("PRAGMA journal_mode = WAL"))) {
        result.error = isCorruptionError(pragma.lastError()) ? Error::Corrupt : Error::CannotOpen;
        result.message = QObject::tr("Cannot open %1: %2").arg(path, pragma.lastError().text());
        return result;
    }
    pragma.finish();

    Migrator migrator(main, Migrations::bundled());
    if (!migrator.migrate(&error, options.targetVersion)) {
        result.error = Error::MigrationFailed;
        result.message = QObject::tr("Cannot update the schema of %1: %2").arg(path, error);
        return result;
    }
    db->m_schemaVersion = Migrator::currentVersion(main, &error);
    QSqlQuery identity(main);
    if (identity.exec(QStringLiteral("SELECT value FROM workspace_meta WHERE key = 'id'")) &&
        identity.next())
        db->m_workspaceId = identity.value(0).toString();
    qCDebug(hubDb) << "Opened" << path << "at schema version" << db->m_schemaVersion;
    result.database = std::move(db);
    return result;
}

QSqlDatabase Database::openConnection(const QString &name, bool readOnly, QString *error) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_workspace.databasePath());
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000");
    if (readOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    db.setConnectOptions(options);
    if (!db.open()) {
        *error = db.lastError().text();
        return db;
    }
    QSqlQuery query(db);
    // Reports walk millions of index entries; read through a memory map, the pages come from
    // the file cache without a system call and a copy each (a third of a report's time on
    // a large workspace). Writes still go through SQLite's own writes.
    for (const char *statement :
         {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL", "PRAGMA temp_store = MEMORY",
          "PRAGMA cache_size = -16384", "PRAGMA mmap_size = 1073741824"}) {
        if (!query.exec(QLatin1String(statement)))
            qCWarning(hubDb) << "Could not set" << statement << query.lastError().text();
    }
    return db;
}

QSqlDatabase Database::connection()
{
    QThread *thread = QThread::currentThread();
    {
        const QMutexLocker locker(&m_connections->mutex);
        const auto it = m_connections->byThread.constFind(thread);
        if (it != m_connections->byThread.constEnd())
            return QSqlDatabase::database(*it, false);
    }
    const QString name = m_prefix + QString::number(reinterpret_cast<quintptr>(thread), 16);
    QString error;
    QSqlDatabase db = openConnection(name, false, &error);
    if (!error.isEmpty())
        qCWarning(hubDb) << "Cannot open a connection to" << path() << error;
    {
        const QMutexLocker locker(&m_connections->mutex);
        m_connections->byThread.insert(thread, name);
    }
    // A connection belongs to its thread: close it as the thread ends.
    const std::weak_ptr<Connections> registry = m_connections;
    QObject::connect(
        thread, &QThread::finished, thread,
        [registry, name, thread] {
            const auto connections = registry.lock();
            if (!connections)
                return;
            {
                const QMutexLocker locker(&connections->mutex);
                if (!connections->byThread.remove(thread))
                    return;
            }
            QSqlDatabase::database(name, false).close();
            QSqlDatabase::removeDatabase(name);
        },
        Qt::DirectConnection);
    return db;
}

DatabaseWriter *Database::writer()
{
    if (!m_writer)
        m_writer = std::make_unique<DatabaseWriter>(this);
    return m_writer.get();
}
