#include "databasewriter.h"

#include "database.h"
#include "logging.h"

#include <QMutex>
#include <QPointer>
#include <QPromise>
#include <QQueue>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QWaitCondition>

namespace {

struct PendingJob
{
    DatabaseWriter::Job job;
    DatabaseWriter::Transaction transaction;
    std::shared_ptr<QPromise<WriteResult>> promise;
    std::function<void(const WriteResult &)> notify; // optional, run on the writer thread
};

WriteResult execute(QSqlDatabase &db, const PendingJob &pending)
{
    WriteResult result;
    if (!db.isOpen()) {
        return {false,
                QObject::tr("The workspace database is not open: %1").arg(db.lastError().text())};
    }
    const bool wrap = pending.transaction == DatabaseWriter::Transaction::Wrap;
    if (wrap && !db.transaction())
        return {false, QObject::tr("Cannot start a transaction: %1").arg(db.lastError().text())};
    try {
        result.ok = pending.job(db, &result.error);
    } catch (const std::exception &e) {
        result.ok = false;
        result.error = QString::fromUtf8(e.what());
    }
    if (wrap) {
        if (result.ok && !db.commit()) {
            result = {false, QObject::tr("Cannot commit: %1").arg(db.lastError().text())};
            db.rollback();
        } else if (!result.ok) {
            db.rollback();
        }
    }
    if (!result.ok && result.error.isEmpty())
        result.error = QObject::tr("The write failed without saying why.");
    return result;
}

} // namespace

class DatabaseWriter::Thread : public QThread
{
public:
    explicit Thread(Database *database)
        : m_database(database)
    {
        setObjectName(QStringLiteral("hub-db-writer"));
    }

    void enqueue(PendingJob job)
    {
        const QMutexLocker locker(&m_mutex);
        m_queue.enqueue(std::move(job));
        m_wake.wakeOne();
    }

    void stop()
    {
        {
            const QMutexLocker locker(&m_mutex);
            m_stopping = true;
            m_wake.wakeOne();
        }
        wait();
    }

protected:
    void run() override
    {
        QSqlDatabase db = m_database->connection();
        // The writer reads by single-key lookups, which a memory map does not speed up, and a
        // long sync would keep every page it touched mapped, resident in the process.
        QSqlQuery(db).exec(QStringLiteral("PRAGMA mmap_size = 0"));
        deferCheckpoints(db);
        bool written = false;
        for (;;) {
            PendingJob pending;
            {
                QMutexLocker locker(&m_mutex);
                while (m_queue.isEmpty() && !m_stopping) {
                    if (m_wake.wait(&m_mutex, QDeadlineTimer(IdleBeforeCheckpointMs)) || !written)
                        continue;
                    locker.unlock();
                    checkpoint(db);
                    written = false;
                    locker.relock();
                }
                if (m_queue.isEmpty())
                    break; // stopping, and every job submitted before has run
                pending = m_queue.dequeue();
            }
            written = true;
            pending.promise->start();
            const WriteResult result = execute(db, pending);
            if (!result.ok)
                qCWarning(hubDb) << "Write failed:" << result.error;
            pending.promise->addResult(result);
            pending.promise->finish();
            if (pending.notify)
                pending.notify(result);
        }
    }

private:
    // Copying the log into the database on every commit would put that work, and the pages
    // rewritten by each commit of a bulk write, on the writer's path. Instead the log is
    // folded in once the writer has been idle for a moment, with a far higher automatic
    // threshold (64 MiB of 4 KiB pages) as the bound on its size during long writes.
    static constexpr int IdleBeforeCheckpointMs = 200;
    static constexpr int AutoCheckpointPages = 16384;

    static void deferCheckpoints(QSqlDatabase &db)
    {
        if (db.driverName() == QLatin1String("QSQLITE"))
            QSqlQuery(db).exec(
                QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(AutoCheckpointPages));
    }

    static void checkpoint(QSqlDatabase &db)
    {
        // Passive: never waits for readers, which keep their snapshot.
        if (db.driverName() == QLatin1String("QSQLITE"))
            QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
    }

    Database *m_database;
    QMutex m_mutex;
    QWaitCondition m_wake;
    QQueue<PendingJob> m_queue;
    bool m_stopping = false;
};

DatabaseWriter::DatabaseWriter(Database *database)
    : m_thread(std::make_unique<Thread>(database))
{
    m_thread->start();
}

DatabaseWriter::~DatabaseWriter()
{
    m_thread->stop();
}

QFuture<WriteResult> DatabaseWriter::submit(Job job, Transaction transaction)
{
    auto promise = std::make_shared<QPromise<WriteResult>>();
    QFuture<WriteResult> future = promise->future();
    m_thread->enqueue({std::move(job), transaction, std::move(promise), {}});
    return future;
}

void DatabaseWriter::submit(Job job, QObject *context,
                            std::function<void(const WriteResult &)> done, Transaction transaction)
{
    auto promise = std::make_shared<QPromise<WriteResult>>();
    QPointer<QObject> receiver(context);
    auto notify = [receiver, done = std::move(done)](const WriteResult &result) {
        if (receiver)
            QMetaObject::invokeMethod(
                receiver, [done, result] { done(result); }, Qt::QueuedConnection);
    };
    m_thread->enqueue({std::move(job), transaction, std::move(promise), std::move(notify)});
}

WriteResult DatabaseWriter::run(Job job, Transaction transaction)
{
    Q_ASSERT(QThread::currentThread() != m_thread.get());
    QFuture<WriteResult> future = submit(std::move(job), transaction);
    future.waitForFinished();
    return future.result();
}
