#pragma once

#include "launchassessment.h"
#include "launchcontext.h"
#include "launchplan.h"
#include "plantemplate.h"

#include <QDate>
#include <QSqlDatabase>

#include <optional>

// Plans a launch and judges it: makes a plan from a timeline template, moves it to a new
// launch date, and assesses it against what the workspace knows (marketing alignment,
// schedule, milestones) with recommendations, success metrics and a readiness verdict.
namespace Launch {

class LaunchCoordinator
{
public:
    // Rule names of the findings about the plan's own schedule; the marketing ones are in
    // MarketingAlignment.
    static constexpr char DependencyViolated[] = "dependency-violated";
    static constexpr char CriticalMilestoneOverdue[] = "critical-milestone-overdue";
    static constexpr char MilestoneOverdue[] = "milestone-overdue";

    static LaunchPlan defaultPlan(const QString &product, const QDate &launchDate,
                                  const QList<qint64> &featureIds,
                                  const PlanTemplate &timelineTemplate = PlanTemplate::standard());
    // Queries the workspace: run off the UI thread. today decides whether metric values are
    // read (once the launch is live).
    static std::optional<LaunchContext> loadContext(const QSqlDatabase &db, const LaunchPlan &plan,
                                                    QString *error);
    static std::optional<LaunchContext> loadContext(const QSqlDatabase &db, const LaunchPlan &plan,
                                                    const QDate &today, QString *error);
    // Pure and fast, for every edit in the editor.
    static Assessment assess(const LaunchPlan &plan, const LaunchContext &context,
                             const QDate &today);
    // The same plan around another launch day: every item not yet done moves by the same
    // number of days; done items keep the dates they happened on, and baselines stay, so the
    // move shows against them.
    static LaunchPlan rebased(const LaunchPlan &plan, const QDate &newLaunchDate);
};

} // namespace Launch
