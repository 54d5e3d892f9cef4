#include "syncengine.h"

#include "database.h"
#include "databasewriter.h"
#include "linking/featurelinker.h"
#include "logging.h"
#include "sourceworker.h"

#include <QThread>

SyncEngine::SyncEngine(Database *database, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_cancelled(std::make_shared<std::atomic_bool>(false))
{
    qRegisterMetaType<StreamOutcome>();
}

SyncEngine::~SyncEngine()
{
    cancel();
    for (QThread *thread : std::as_const(m_threads)) {
        thread->quit();
        thread->wait();
    }
}

bool SyncEngine::isRunning() const
{
    return !m_threads.isEmpty() || m_linking;
}

void SyncEngine::start(const QList<SyncTarget> &targets, const Options &options)
{
    Q_ASSERT(!isRunning());
    m_cancelled->store(false);
    m_outcomes.clear();
    if (targets.isEmpty()) {
        Q_EMIT finished(m_outcomes);
        return;
    }
    for (const SyncTarget &target : targets) {
        auto *thread = new QThread(this);
        thread->setObjectName(QStringLiteral("hub-sync-") + target.source.name);
        auto *worker = new SourceWorker(m_database, target, options, m_cancelled);
        worker->moveToThread(thread);
        connect(thread, &QThread::started, worker, &SourceWorker::start);
        connect(thread, &QThread::finished, worker, &QObject::deleteLater);
        connect(worker, &SourceWorker::streamStarted, this, &SyncEngine::streamStarted);
        connect(worker, &SourceWorker::progress, this, &SyncEngine::progress);
        connect(worker, &SourceWorker::credentialsRefreshed, this,
                &SyncEngine::credentialsRefreshed);
        connect(worker, &SourceWorker::streamFinished, this, [this](const StreamOutcome &outcome) {
            m_outcomes.append(outcome);
            Q_EMIT streamFinished(outcome);
        });
        connect(worker, &SourceWorker::done, this, [this, thread] { workerFinished(thread); });
        connect(this, &SyncEngine::cancelRequested, worker, &SourceWorker::cancel);
        m_threads.append(thread);
        thread->start();
    }
}

void SyncEngine::cancel()
{
    m_cancelled->store(true);
    Q_EMIT cancelRequested();
}

void SyncEngine::workerFinished(QThread *thread)
{
    thread->quit();
    thread->wait();
    m_threads.removeOne(thread);
    thread->deleteLater();
    if (!m_threads.isEmpty())
        return;
    qint64 records = 0;
    for (const StreamOutcome &outcome : std::as_const(m_outcomes))
        records += outcome.records;
    if (records == 0) {
        Q_EMIT finished(m_outcomes);
        return;
    }
    // New records meet the features they belong to before anyone reads the reports.
    m_linking = true;
    m_database->writer()->submit(
        [](QSqlDatabase &db, QString *error) {
            FeatureLinker::Result result;
            return FeatureLinker(db).run(&result, error);
        },
        this,
        [this](const WriteResult &result) {
            m_linking = false;
            if (!result.ok)
                qCWarning(hubSync) << "Linking records to features failed:" << result.error;
            Q_EMIT finished(m_outcomes);
        });
}
