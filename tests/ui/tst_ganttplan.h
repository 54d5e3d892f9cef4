#pragma once

#include "launch/launchplan.h"

// Plans for the timeline editor's tests and benchmark, built in memory.
namespace GanttTestPlan {

inline Launch::PlanItem item(int id, Launch::ItemKind kind, const QString &name, int parent,
                             const QDate &start, const QDate &end)
{
    Launch::PlanItem it;
    it.id = id;
    it.kind = kind;
    it.name = name;
    it.owner = QStringLiteral("Product team");
    it.parentId = parent;
    it.start = start;
    it.end = end;
    return it;
}

// Two phases with two tasks each, a milestone inside the second phase and one at the top
// level; "Build" -> "Announce" (timeline) holds, "Review" -> "Launch day" (approval) holds.
inline Launch::LaunchPlan small()
{
    using Launch::ItemKind;
    const QDate launch(2026, 3, 16);
    Launch::LaunchPlan plan;
    plan.id = 0;
    plan.product = QStringLiteral("Atlas");
    plan.name = QStringLiteral("Atlas launch");
    plan.launchDate = launch;
    plan.status = QStringLiteral("planning");
    plan.items = {
        item(1, ItemKind::Phase, QStringLiteral("Preparation"), 0, launch.addDays(-30),
             launch.addDays(-7)),
        item(2, ItemKind::Task, QStringLiteral("Build"), 1, launch.addDays(-30),
             launch.addDays(-20)),
        item(3, ItemKind::Task, QStringLiteral("Review"), 1, launch.addDays(-19),
             launch.addDays(-10)),
        item(4, ItemKind::Phase, QStringLiteral("Launch week"), 0, launch.addDays(-7),
             launch.addDays(7)),
        item(5, ItemKind::Task, QStringLiteral("Announce"), 4, launch.addDays(-5),
             launch.addDays(2)),
        item(6, ItemKind::Milestone, QStringLiteral("Go/no-go"), 4, launch.addDays(-2),
             launch.addDays(-2)),
        item(7, ItemKind::Milestone, QStringLiteral("Launch day"), 0, launch, launch),
    };
    plan.items[1].progress = 0.5;
    plan.items[6].critical = true;
    plan.dependencies = {
        {1, 2, 5, Launch::DependencyType::Timeline, QStringLiteral("Built before announced")},
        {2, 3, 7, Launch::DependencyType::Approval, QString()},
    };
    return plan;
}

// phases x tasksPerPhase tasks, each task depending on the previous one and on one two
// places before it: about two dependencies a task.
inline Launch::LaunchPlan large(int phases, int tasksPerPhase)
{
    using Launch::ItemKind;
    const QDate start(2026, 1, 5);
    Launch::LaunchPlan plan;
    plan.product = QStringLiteral("Large");
    plan.name = QStringLiteral("Large launch");
    plan.launchDate = start.addDays(phases * 20);
    int id = 0;
    QList<int> tasks;
    for (int p = 0; p < phases; ++p) {
        const int phaseId = ++id;
        const QDate phaseStart = start.addDays(p * 20);
        plan.items.append(item(phaseId, ItemKind::Phase, QStringLiteral("Phase %1").arg(p + 1), 0,
                               phaseStart, phaseStart.addDays(30)));
        for (int t = 0; t < tasksPerPhase; ++t) {
            const QDate s = phaseStart.addDays(t % 25);
            plan.items.append(item(++id, ItemKind::Task,
                                   QStringLiteral("Task %1.%2").arg(p + 1).arg(t + 1), phaseId, s,
                                   s.addDays(4)));
            tasks.append(id);
        }
    }
    int dependency = 0;
    for (int i = 1; i < tasks.size(); ++i) {
        plan.dependencies.append({++dependency, tasks.at(i - 1), tasks.at(i),
                                  Launch::DependencyType::Timeline, QString()});
        if (i >= 2)
            plan.dependencies.append({++dependency, tasks.at(i - 2), tasks.at(i),
                                      Launch::DependencyType::Resource, QString()});
    }
    return plan;
}

} // namespace GanttTestPlan
