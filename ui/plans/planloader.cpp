#include "planloader.h"

#include "database.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace {

struct ListResult
{
    QList<Launch::PlanSummary> plans;
    QString error;
};

struct LoadResult
{
    std::optional<Launch::LaunchPlan> plan;
    std::optional<Launch::LaunchContext> context;
    QString error;
};

} // namespace

PlanLoader::PlanLoader(QObject *parent)
    : QObject(parent)
    , m_today(QDate::currentDate())
{
}

void PlanLoader::setDatabase(std::shared_ptr<Database> database)
{
    m_database = std::move(database);
    ++m_generation;
}

template<typename Result, typename Work, typename Done> void PlanLoader::run(Work work, Done done)
{
    if (!m_database)
        return;
    auto *watcher = new QFutureWatcher<Result>(this);
    const int generation = m_generation;
    if (m_running++ == 0)
        Q_EMIT busyChanged(true);
    connect(watcher, &QFutureWatcher<Result>::finished, this, [this, watcher, generation, done] {
        watcher->deleteLater();
        if (--m_running == 0)
            Q_EMIT busyChanged(false);
        if (generation == m_generation)
            done(watcher->result());
    });
    // The database outlives the job: the job holds it.
    std::shared_ptr<Database> database = m_database;
    watcher->setFuture(
        QtConcurrent::run([database, work] { return work(database->connection()); }));
}

void PlanLoader::list()
{
    run<ListResult>(
        [](const QSqlDatabase &db) {
            ListResult result;
            result.plans = Launch::PlanStore(db).list(&result.error);
            return result;
        },
        [this](const ListResult &result) {
            if (!result.error.isEmpty())
                Q_EMIT failed(tr("Could not list the launch plans: %1").arg(result.error));
            else
                Q_EMIT listed(result.plans);
        });
}

void PlanLoader::load(qint64 planId)
{
    const int request = ++m_loadRequest;
    const QDate today = m_today;
    run<LoadResult>(
        [planId, today](const QSqlDatabase &db) {
            LoadResult result;
            result.plan = Launch::PlanStore(db).load(planId, &result.error);
            if (result.plan)
                result.context =
                    Launch::LaunchCoordinator::loadContext(db, *result.plan, today, &result.error);
            return result;
        },
        [this, request](const LoadResult &result) {
            if (request != m_loadRequest)
                return;
            if (!result.plan || !result.context)
                Q_EMIT failed(tr("Could not open the launch plan: %1").arg(result.error));
            else
                Q_EMIT loaded(*result.plan, *result.context);
        });
}
