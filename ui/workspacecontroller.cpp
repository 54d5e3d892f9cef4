#include "workspacecontroller.h"

#include "database.h"
#include "databasewriter.h"
#include "demo/demogenerator.h"
#include "recentworkspaces.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QStandardPaths>
#include <QtConcurrent>

WorkspaceController::WorkspaceController(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<WorkspaceSummary>();
}

WorkspaceController::~WorkspaceController() = default;

QString WorkspaceController::demoFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/workspaces/demo");
}

QString WorkspaceController::folder() const
{
    return m_database ? m_database->workspace().folder() : QString();
}

bool WorkspaceController::open(const QString &folder, QString *error)
{
    Database::OpenResult result = Database::open(Workspace(folder));
    if (!result.database) {
        *error = result.message;
        return false;
    }
    m_database = std::move(result.database);
    RecentWorkspaces::add(m_database->workspace().folder());
    Q_EMIT opened(m_database->workspace().folder());
    return true;
}

void WorkspaceController::close()
{
    m_database.reset();
}

void WorkspaceController::createDemo(const QString &folder)
{
    if (m_busy)
        return;
    Database::OpenResult result = Database::open(Workspace(folder));
    if (!result.database) {
        Q_EMIT demoFailed(result.message);
        return;
    }
    std::shared_ptr<Database> database = std::move(result.database);
    QString error;
    const WorkspaceSummary existing = WorkspaceSummary::load(database->connection(), &error);
    if (!existing.isEmpty()) {
        // The demo was made before: open it as it is.
        m_database = database;
        RecentWorkspaces::add(folder);
        Q_EMIT opened(folder);
        return;
    }

    m_busy = true;
    DemoGenerator::Options options;
    options.scale = DemoGenerator::Scale::Medium;
    QPointer<WorkspaceController> self(this);
    const auto progress = [self](const QString &step, int percent) {
        if (self) {
            QMetaObject::invokeMethod(self, [self, step, percent] {
                if (self)
                    Q_EMIT self->demoProgress(step, percent);
            });
        }
    };
    QFuture<WriteResult> future = database->writer()->submit(
        [options, progress](QSqlDatabase &db, QString *error) {
            DemoGenerator generator(options);
            return generator.generate(db, error, progress);
        },
        DatabaseWriter::Transaction::None);
    auto *watcher = new QFutureWatcher<WriteResult>(this);
    connect(watcher, &QFutureWatcher<WriteResult>::finished, this,
            [this, watcher, database, folder] {
                watcher->deleteLater();
                m_busy = false;
                const WriteResult result = watcher->result();
                if (!result.ok) {
                    Q_EMIT demoFailed(result.error);
                    return;
                }
                m_database = database;
                RecentWorkspaces::add(folder);
                Q_EMIT opened(folder);
            });
    watcher->setFuture(future);
}

void WorkspaceController::refreshSummary()
{
    if (!m_database)
        return;
    std::shared_ptr<Database> database = m_database;
    auto *watcher = new QFutureWatcher<std::pair<WorkspaceSummary, QString>>(this);
    connect(watcher, &QFutureWatcher<std::pair<WorkspaceSummary, QString>>::finished, this,
            [this, watcher, database] {
                watcher->deleteLater();
                if (database != m_database)
                    return; // another workspace was opened meanwhile
                const auto [summary, error] = watcher->result();
                if (error.isEmpty())
                    Q_EMIT summaryLoaded(summary);
                else
                    Q_EMIT summaryFailed(error);
            });
    watcher->setFuture(QtConcurrent::run([database] {
        QString error;
        const WorkspaceSummary summary = WorkspaceSummary::load(database->connection(), &error);
        return std::make_pair(summary, error);
    }));
}
