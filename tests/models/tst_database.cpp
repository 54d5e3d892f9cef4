#include "canonicaltables.h"
#include "databasewriter.h"
#include "migrator.h"
#include "testworkspace.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>

class TestDatabase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createsEveryCanonicalTableFromEmpty();
    void setsConnectionPragmas();
    void migratesAnOlderDatabaseKeepingItsRows();
    void upgradesAVersionOneWorkspace();
    void rollsBackAFailedMigration();
    void refusesANewerSchemaAndLeavesTheFileUntouched();
    void refusesAFileThatIsNotADatabase();
    void refusesACorruptDatabase();
    void refusesAMissingWorkspaceWhenNotCreating();
    void givesEachThreadItsOwnConnection();
    void hasAStableIdentityOfItsOwn();
    void writerRunsJobsInOrderAndRollsBackFailures();
    void writerFoldsTheLogIntoTheDatabaseOnceIdle();

private:
    static qint64 scalar(const QSqlDatabase &db, const QString &sql)
    {
        QSqlQuery query(db);
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }
};

void TestDatabase::createsEveryCanonicalTableFromEmpty()
{
    TestWorkspace workspace;
    const auto db = workspace.open();
    QVERIFY(db);
    QCOMPARE(db->schemaVersion(), Migrations::latestBundledVersion());
    QVERIFY(db->schemaVersion() >= 1);
    for (const QString &table : CanonicalTables::all()) {
        QCOMPARE(scalar(db->connection(),
                        QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                       "AND name = '%1'")
                            .arg(table)),
                 1);
    }
    QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM sqlite_master WHERE "
                                                     "name = 'feedback_fts'")),
             1);
    QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM schema_migrations")),
             qint64(Migrations::bundled().size()));
}

void TestDatabase::setsConnectionPragmas()
{
    TestWorkspace workspace;
    const auto db = workspace.open();
    QVERIFY(db);
    QSqlQuery query(db->connection());
    QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
    QCOMPARE(scalar(db->connection(), QStringLiteral("PRAGMA foreign_keys")), 1);
    QVERIFY(scalar(db->connection(), QStringLiteral("PRAGMA busy_timeout")) >= 1000);
    // Foreign keys are enforced, not just declared.
    QVERIFY(!query.exec(QStringLiteral("INSERT INTO sync_state (source_id, stream, updated_at) "
                                       "VALUES (999, 'x', '2026-01-01')")));
}

void TestDatabase::migratesAnOlderDatabaseKeepingItsRows()
{
    TestWorkspace workspace;
    {
        const auto db = workspace.open();
        QVERIFY(db);
        QSqlQuery query(db->connection());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO sources (kind, name, created_at) "
                                          "VALUES ('github', 'gh', '2026-01-01T00:00:00Z')")));
    }
    // The shipped schema is now the "older" one; a later release adds a migration.
    QList<Migration> migrations = Migrations::bundled();
    const int next = migrations.last().version + 1;
    migrations.append({next, QStringLiteral("add_colour"),
                       QStringLiteral("ALTER TABLE sources ADD COLUMN colour TEXT DEFAULT 'blue';\n"
                                      "CREATE INDEX sources_colour ON sources(colour);")});
    const auto db = workspace.open();
    QVERIFY(db);
    QString error;
    Migrator migrator(db->connection(), migrations);
    QVERIFY2(migrator.migrate(&error), qPrintable(error));
    QCOMPARE(Migrator::currentVersion(db->connection(), &error), next);
    QSqlQuery query(db->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT name, colour FROM sources")) && query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("gh"));
    QCOMPARE(query.value(1).toString(), QStringLiteral("blue"));
    // Running again applies nothing twice.
    QVERIFY(migrator.migrate(&error));
    QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM schema_migrations")),
             qint64(migrations.size()));
}

void TestDatabase::upgradesAVersionOneWorkspace()
{
    TestWorkspace workspace;
    {
        // A workspace as the first release left it: schema 1, with data in it.
        Database::Options options;
        options.targetVersion = 1;
        const Database::OpenResult old = Database::open(Workspace(workspace.folder()), options);
        QVERIFY(old.database);
        QCOMPARE(old.database->schemaVersion(), 1);
        QVERIFY(old.database->workspaceId().isEmpty());
        QSqlQuery query(old.database->connection());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO sources (kind, name, created_at) VALUES "
                                          "('jira', 'jira', '2026-01-01T00:00:00Z')")));
    }
    const auto db = workspace.open();
    QVERIFY(db);
    QCOMPARE(db->schemaVersion(), Migrations::latestBundledVersion());
    QVERIFY(db->schemaVersion() >= 2);
    QCOMPARE(db->workspaceId().size(), 32);
    QCOMPARE(scalar(db->connection(),
                    QStringLiteral("SELECT count(*) FROM sources WHERE name = 'jira'")),
             1);
}

void TestDatabase::rollsBackAFailedMigration()
{
    TestWorkspace workspace;
    const auto db = workspace.open();
    QVERIFY(db);
    QList<Migration> migrations = Migrations::bundled();
    const int before = migrations.last().version;
    migrations.append(
        {before + 1, QStringLiteral("broken"),
         QStringLiteral("CREATE TABLE half_done (x);\nINSERT INTO no_such_table VALUES (1);")});
    QString error;
    Migrator migrator(db->connection(), migrations);
    QVERIFY(!migrator.migrate(&error));
    QVERIFY2(error.contains(QStringLiteral("broken")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("no_such_table")), qPrintable(error));
    QCOMPARE(Migrator::currentVersion(db->connection(), &error), before);
    QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM sqlite_master WHERE "
                                                     "name = 'half_done'")),
             0);
}

void TestDatabase::refusesANewerSchemaAndLeavesTheFileUntouched()
{
    TestWorkspace workspace;
    {
        const auto db = workspace.open();
        QVERIFY(db);
        QSqlQuery query(db->connection());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO schema_migrations VALUES "
                                          "(999, 'from_the_future', '2030-01-01T00:00:00Z')")));
    }
    QVERIFY(!QFile::exists(workspace.databasePath() + QStringLiteral("-wal")));
    const QByteArray before = TestWorkspace::fileDigest(workspace.databasePath());
    const Database::OpenResult result = Database::open(Workspace(workspace.folder()));
    QVERIFY(!result.database);
    QCOMPARE(result.error, Database::Error::NewerSchema);
    QVERIFY2(result.message.contains(QStringLiteral("newer version")), qPrintable(result.message));
    QVERIFY(result.message.contains(QStringLiteral("999")));
    QCOMPARE(TestWorkspace::fileDigest(workspace.databasePath()), before);
}

void TestDatabase::refusesAFileThatIsNotADatabase()
{
    TestWorkspace workspace;
    QFile file(workspace.databasePath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("name,amount\nAcme,100\n");
    file.close();
    const QByteArray before = TestWorkspace::fileDigest(workspace.databasePath());
    const Database::OpenResult result = Database::open(Workspace(workspace.folder()));
    QVERIFY(!result.database);
    QCOMPARE(result.error, Database::Error::NotADatabase);
    QVERIFY2(result.message.contains(QStringLiteral("not a workspace database")),
             qPrintable(result.message));
    QVERIFY(result.message.contains(QStringLiteral("untouched")));
    QCOMPARE(TestWorkspace::fileDigest(workspace.databasePath()), before);
}

void TestDatabase::refusesACorruptDatabase()
{
    TestWorkspace workspace;
    QFile file(workspace.databasePath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray bytes("SQLite format 3\0", 16);
    bytes.append(QByteArray(4096 - 16, '\xab')); // a valid header, then garbage
    file.write(bytes);
    file.close();
    const QByteArray before = TestWorkspace::fileDigest(workspace.databasePath());
    const Database::OpenResult result = Database::open(Workspace(workspace.folder()));
    QVERIFY(!result.database);
    QCOMPARE(result.error, Database::Error::Corrupt);
    QVERIFY2(result.message.contains(QStringLiteral("damaged")), qPrintable(result.message));
    QCOMPARE(TestWorkspace::fileDigest(workspace.databasePath()), before);
}

void TestDatabase::refusesAMissingWorkspaceWhenNotCreating()
{
    TestWorkspace workspace;
    Database::Options options;
    options.create = false;
    const Database::OpenResult result =
        Database::open(Workspace(workspace.folder() + QStringLiteral("/missing")), options);
    QVERIFY(!result.database);
    QVERIFY(result.message.contains(QStringLiteral("No workspace database")));
    QVERIFY(!QFile::exists(workspace.folder() + QStringLiteral("/missing")));
}

void TestDatabase::givesEachThreadItsOwnConnection()
{
    TestWorkspace workspace;
    const auto db = workspace.open();
    QVERIFY(db);
    const QString mainName = db->connection().connectionName();
    QCOMPARE(db->connection().connectionName(), mainName); // reused on the same thread
    QString workerName;
    qint64 workerCount = -1;
    QThread *thread = QThread::create([&] {
        QSqlDatabase connection = db->connection();
        workerName = connection.connectionName();
        QSqlQuery query(connection);
        if (query.exec(QStringLiteral("SELECT count(*) FROM sources")) && query.next())
            workerCount = query.value(0).toLongLong();
    });
    thread->start();
    QVERIFY(thread->wait(10000));
    delete thread;
    QVERIFY(!workerName.isEmpty());
    QVERIFY(workerName != mainName);
    QCOMPARE(workerCount, 0);
    // The worker's connection was closed and removed as its thread ended.
    QVERIFY(!QSqlDatabase::contains(workerName));
    QVERIFY(QSqlDatabase::contains(mainName));
}

void TestDatabase::hasAStableIdentityOfItsOwn()
{
    TestWorkspace first;
    TestWorkspace second;
    QString id;
    {
        const auto db = first.open();
        id = db->workspaceId();
    }
    QCOMPARE(id.size(), 32);
    QCOMPARE(first.open()->workspaceId(), id); // the same after reopening
    QVERIFY(second.open()->workspaceId() != id);
}

void TestDatabase::writerRunsJobsInOrderAndRollsBackFailures()
{
    TestWorkspace workspace;
    const auto db = workspace.open();
    QVERIFY(db);
    DatabaseWriter *writer = db->writer();
    QList<QFuture<WriteResult>> futures;
    std::atomic<int> order{0};
    QList<int> seen(20, -1);
    for (int i = 0; i < 20; ++i) {
        futures.append(writer->submit([i, &order, &seen](QSqlDatabase &connection, QString *error) {
            seen[i] = order++;
            QSqlQuery query(connection);
            if (!query.exec(QStringLiteral("INSERT INTO sources (kind, name, created_at) VALUES "
                                           "('github', 'source %1', '2026-01-01')")
                                .arg(i))) {
                *error = query.lastError().text();
                return false;
            }
            return true;
        }));
    }
    // A job that writes, then fails: its write must not survive.
    const WriteResult failed = writer->run([](QSqlDatabase &connection, QString *error) {
        QSqlQuery query(connection);
        query.exec(QStringLiteral("INSERT INTO sources (kind, name, created_at) VALUES "
                                  "('github', 'doomed', '2026-01-01')"));
        *error = QStringLiteral("the page was truncated");
        return false;
    });
    QVERIFY(!failed.ok);
    QCOMPARE(failed.error, QStringLiteral("the page was truncated"));
    for (QFuture<WriteResult> &future : futures) {
        future.waitForFinished();
        QVERIFY(future.result().ok);
    }
    for (int i = 0; i < 20; ++i)
        QCOMPARE(seen.at(i), i);
    QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM sources")), 20);
    QCOMPARE(scalar(db->connection(),
                    QStringLiteral("SELECT count(*) FROM sources WHERE name = 'doomed'")),
             0);
}

// Bulk writes leave their pages in the write-ahead log; once the writer is idle they must
// reach the database file itself, or the log would grow without end.
void TestDatabase::writerFoldsTheLogIntoTheDatabaseOnceIdle()
{
    TestWorkspace workspace;
    const auto db = workspace.open();
    QVERIFY(db);
    const WriteResult written = db->writer()->run([](QSqlDatabase &connection, QString *error) {
        QSqlQuery query(connection);
        for (int i = 0; i < 200; ++i) {
            if (!query.exec(QStringLiteral("INSERT INTO sources (kind, name, created_at) VALUES "
                                           "('github', 'idle %1', '2026-01-01')")
                                .arg(i))) {
                *error = query.lastError().text();
                return false;
            }
        }
        return true;
    });
    QVERIFY2(written.ok, qPrintable(written.error));

    // A copy of the database file without its log shows only what was checkpointed.
    QTemporaryDir copies;
    int attempt = 0;
    const auto rowsInFileAlone = [&] {
        const QString copy = copies.filePath(QStringLiteral("copy%1.db").arg(++attempt));
        if (!QFile::copy(workspace.databasePath(), copy))
            return qint64(-1);
        const QString name = QStringLiteral("file-alone-%1").arg(attempt);
        qint64 rows = -1;
        {
            QSqlDatabase alone = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            alone.setDatabaseName(copy);
            if (alone.open())
                rows = scalar(alone, QStringLiteral("SELECT count(*) FROM sources"));
        }
        QSqlDatabase::removeDatabase(name);
        return rows;
    };
    QTRY_COMPARE_WITH_TIMEOUT(rowsInFileAlone(), qint64(200), 5000);
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
