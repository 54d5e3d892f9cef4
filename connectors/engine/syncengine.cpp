#include "syncengine.h"

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
    return !m_threads.isEmpty();
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
    if (m_threads.isEmpty())
        Q_EMIT finished(m_outcomes);
}
