#pragma once

#include "launchplan.h"

#include <QList>
#include <QSet>
#include <QString>

// Scheduling rules over a plan's dates: which dependencies the dates break, and which chain
// of items decides when the plan ends. Pure functions of the plan, cheap enough to run
// after every edit.
namespace Launch {

struct Violation
{
    int dependencyId = 0;
    // For people; translated.
    QString reason;

    friend bool operator==(const Violation &, const Violation &) = default;
};

// Timeline: "to" starts before "from" ends (a milestone ends on its date). Approval: "to"
// starts before "from" is dated and "from" is not done yet. Resource dependencies carry no
// date rule. A dependency naming a missing item, or an item itself, is always a violation.
QList<Violation> dependencyViolations(const LaunchPlan &plan);

// The ids of the items on the longest chain (by days of work) that ends at the item finishing
// last. Edges are the dependencies (from -> to) and containment (a task or milestone -> the
// phase holding it, since a phase is finished only when its contents are). Edges closing a
// cycle are ignored.
QSet<int> criticalPath(const LaunchPlan &plan);

// The day an item is finished: its end, or a milestone's date.
QDate finishDate(const PlanItem &item);

} // namespace Launch
