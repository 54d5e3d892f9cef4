#pragma once

#include "launchplan.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Launch {

struct PlanSummary
{
    qint64 id = 0;
    QString product;
    QString name;
    QDate launchDate;
    QString status;
    int itemCount = 0;
};

// Launch plans in the workspace: launch_plans and the rows of its phases, tasks, milestones,
// dependencies and features. Runs on the caller's connection; a save or remove is all or
// nothing (a savepoint, so it nests inside the caller's transaction, such as a
// DatabaseWriter job).
class PlanStore
{
public:
    explicit PlanStore(const QSqlDatabase &db);

    // When set, the time saves stamp instead of the clock's (demo data is reproducible).
    void setNow(const QDateTime &now) { m_now = now; }

    QList<PlanSummary> list(QString *error = nullptr) const;
    std::optional<LaunchPlan> load(qint64 id, QString *error) const;
    // Inserts a new plan (id 0; sets plan.id) or replaces a stored one entirely. Gives items
    // and dependencies without an id the next free one, and stamps updatedAt (and createdAt
    // of a new plan).
    bool save(LaunchPlan &plan, QString *error);
    bool remove(qint64 id, QString *error);

    // Empty when the plan can be stored; otherwise what is wrong, naming the item.
    static QString problem(const LaunchPlan &plan);

private:
    bool write(LaunchPlan &plan, QString *error);

    QSqlDatabase m_db;
    QDateTime m_now;
};

} // namespace Launch
