#include "reportloader.h"

#include "database.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent>

namespace {

struct Outcome
{
    std::optional<ReportTable> table;
    QString error;
};

// Qt's raster paint engine draws with the global pool's threads: reports that filled it
// would make painting wait behind them, so they have a pool of their own.
QThreadPool *reportPool()
{
    static QThreadPool pool;
    static const bool configured = [] {
        pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
        pool.setExpiryTimeout(60'000);
        return true;
    }();
    Q_UNUSED(configured)
    return &pool;
}

} // namespace

ReportLoader::ReportLoader(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ReportTable>();
}

void ReportLoader::run(const QString &name, const std::shared_ptr<Database> &database, Job job)
{
    const bool wasBusy = isBusy();
    const quint64 generation = ++m_next;
    m_generation.insert(name, generation);
    m_pending.insert(name, generation);
    auto *watcher = new QFutureWatcher<Outcome>(this);
    // The UI side keeps the database too, so that the last reference usually goes on this
    // thread rather than on a worker.
    connect(watcher, &QFutureWatcher<Outcome>::finished, this,
            [this, watcher, name, generation, database] {
                watcher->deleteLater();
                if (m_generation.value(name) != generation)
                    return; // a newer request under this name is on its way
                m_pending.remove(name);
                const Outcome outcome = watcher->result();
                if (outcome.table)
                    Q_EMIT loaded(name, *outcome.table);
                else
                    Q_EMIT failed(name, outcome.error);
                if (!isBusy())
                    Q_EMIT busyChanged(false);
            });
    watcher->setFuture(QtConcurrent::run(reportPool(), [database, job = std::move(job)] {
        Outcome outcome;
        const QSqlDatabase db = database->connection();
        if (!db.isOpen()) {
            outcome.error =
                ReportLoader::tr("The workspace database could not be opened on a worker "
                                 "thread.");
            return outcome;
        }
        outcome.table = job(db, &outcome.error);
        if (!outcome.table && outcome.error.isEmpty())
            outcome.error = ReportLoader::tr("The report failed without saying why.");
        return outcome;
    }));
    if (!wasBusy)
        Q_EMIT busyChanged(true);
}

void ReportLoader::cancelAll()
{
    const bool wasBusy = isBusy();
    for (auto it = m_generation.begin(); it != m_generation.end(); ++it)
        it.value() = ++m_next;
    m_pending.clear();
    if (wasBusy)
        Q_EMIT busyChanged(false);
}
