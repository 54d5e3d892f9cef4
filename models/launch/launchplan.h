#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A launch plan as one value: what the coordinator reasons about, the timeline editor edits,
// the store saves and the JSON file carries. Plain data; the rules live in the classes that
// use it, so that a plan can be copied, compared and undone freely.
namespace Launch {

enum class ItemKind { Phase, Task, Milestone };
enum class DependencyType { Approval, Resource, Timeline };

struct PlanItem
{
    // Unique within its plan across all kinds, and kept by the store and the JSON file, so
    // dependencies and undo commands can name an item across saves.
    int id = 0;
    ItemKind kind = ItemKind::Task;
    QString name;
    QString owner;
    QString description;
    // The phase a task or milestone belongs to; 0 for top-level items.
    int parentId = 0;
    QDate start;
    // Inclusive; equal to start for a milestone.
    QDate end;
    // 0 to 1.
    double progress = 0.0;
    // Milestones only: a launch cannot go ahead without it.
    bool critical = false;
    bool done = false;
    // The dates when the baseline was taken; invalid when there is none.
    QDate baselineStart;
    QDate baselineEnd;

    bool isMilestone() const { return kind == ItemKind::Milestone; }
    friend bool operator==(const PlanItem &, const PlanItem &) = default;
};

// "to" depends on "from": with Timeline, "to" may not start before "from" ends.
struct Dependency
{
    int id = 0;
    int fromId = 0;
    int toId = 0;
    DependencyType type = DependencyType::Timeline;
    QString description;

    friend bool operator==(const Dependency &, const Dependency &) = default;
};

struct LaunchPlan
{
    // The workspace row id; 0 until stored.
    qint64 id = 0;
    QString product;
    QString name;
    QDate launchDate;
    QStringList audiences;
    QStringList channels;
    // draft, planning, live, done
    QString status;
    // Workspace feature ids the launch ships.
    QList<qint64> featureIds;
    // In display order: each phase followed by its tasks and milestones.
    QList<PlanItem> items;
    QList<Dependency> dependencies;
    QDateTime createdAt;
    QDateTime updatedAt;

    const PlanItem *item(int itemId) const
    {
        for (const PlanItem &candidate : items) {
            if (candidate.id == itemId)
                return &candidate;
        }
        return nullptr;
    }
    int nextItemId() const
    {
        int highest = 0;
        for (const PlanItem &candidate : items)
            highest = qMax(highest, candidate.id);
        return highest + 1;
    }
    int nextDependencyId() const
    {
        int highest = 0;
        for (const Dependency &candidate : dependencies)
            highest = qMax(highest, candidate.id);
        return highest + 1;
    }

    friend bool operator==(const LaunchPlan &, const LaunchPlan &) = default;
};

} // namespace Launch
