#include "planschedule.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace Launch {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Launch::PlanSchedule", text);
}

QString dayText(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

qint64 workDays(const PlanItem &item)
{
    if (item.isMilestone() || !item.start.isValid() || !item.end.isValid())
        return 0;
    return qMax<qint64>(0, item.start.daysTo(item.end) + 1);
}

// Removes the edges that close a cycle (back edges of a depth-first walk in plan order), so
// that a plan drawn with a loop still has a critical path.
void dropCycles(QList<QList<int>> &predecessors, QList<QList<int>> &successors)
{
    const int count = int(successors.size());
    enum State : char { Unseen, OnStack, Finished };
    QList<State> state(count, Unseen);
    for (int root = 0; root < count; ++root) {
        if (state.at(root) != Unseen)
            continue;
        // Each frame: a node and how many of its successors have been looked at.
        QList<QPair<int, int>> stack{{root, 0}};
        state[root] = OnStack;
        while (!stack.isEmpty()) {
            auto &[node, next] = stack.last();
            if (next >= successors.at(node).size()) {
                state[node] = Finished;
                stack.removeLast();
                continue;
            }
            const int successor = successors.at(node).at(next);
            if (state.at(successor) == OnStack) {
                successors[node].removeAt(next);
                predecessors[successor].removeOne(node);
                continue;
            }
            ++next;
            if (state.at(successor) == Unseen) {
                state[successor] = OnStack;
                stack.append({successor, 0});
            }
        }
    }
}

} // namespace

QDate finishDate(const PlanItem &item)
{
    if (item.isMilestone())
        return item.end.isValid() ? item.end : item.start;
    return item.end;
}

QList<Violation> dependencyViolations(const LaunchPlan &plan)
{
    QHash<int, const PlanItem *> byId;
    byId.reserve(plan.items.size());
    for (const PlanItem &item : plan.items)
        byId.insert(item.id, &item);

    QList<Violation> violations;
    for (const Dependency &dependency : plan.dependencies) {
        const PlanItem *from = byId.value(dependency.fromId);
        const PlanItem *to = byId.value(dependency.toId);
        if (!from || !to) {
            violations.append({dependency.id, tr("The dependency names an item that is not in "
                                                 "the plan.")});
            continue;
        }
        if (from == to) {
            violations.append({dependency.id, tr("\"%1\" cannot depend on itself.").arg(to->name)});
            continue;
        }
        const QDate fromFinish = finishDate(*from);
        if (!fromFinish.isValid() || !to->start.isValid())
            continue;
        switch (dependency.type) {
        case DependencyType::Timeline:
            if (to->start < fromFinish) {
                violations.append(
                    {dependency.id,
                     tr("\"%1\" starts on %2, before \"%3\" ends on %4.")
                         .arg(to->name, dayText(to->start), from->name, dayText(fromFinish))});
            }
            break;
        case DependencyType::Approval:
            if (!from->done && to->start < fromFinish) {
                violations.append(
                    {dependency.id,
                     tr("\"%1\" starts on %2, before its approval \"%3\" is due on %4.")
                         .arg(to->name, dayText(to->start), from->name, dayText(fromFinish))});
            }
            break;
        case DependencyType::Resource:
            break;
        }
    }
    return violations;
}

QSet<int> criticalPath(const LaunchPlan &plan)
{
    const int count = int(plan.items.size());
    if (count == 0)
        return {};
    QHash<int, int> indexOf;
    indexOf.reserve(count);
    for (int i = 0; i < count; ++i)
        indexOf.insert(plan.items.at(i).id, i);

    // Predecessor lists by item index, then a topological order (Kahn) so that every item's
    // longest chain is known before its successors'; items caught in a cycle are left out.
    QList<QList<int>> predecessors(count);
    QList<QList<int>> successors(count);
    const auto addEdge = [&](int from, int to) {
        if (from == to || from < 0 || to < 0)
            return;
        predecessors[to].append(from);
        successors[from].append(to);
    };
    for (const Dependency &dependency : plan.dependencies)
        addEdge(indexOf.value(dependency.fromId, -1), indexOf.value(dependency.toId, -1));
    for (int i = 0; i < count; ++i) {
        const PlanItem &item = plan.items.at(i);
        if (item.parentId != 0)
            addEdge(i, indexOf.value(item.parentId, -1));
    }

    dropCycles(predecessors, successors);

    QList<int> waiting(count);
    QList<int> ready;
    for (int i = 0; i < count; ++i) {
        waiting[i] = int(predecessors.at(i).size());
        if (waiting[i] == 0)
            ready.append(i);
    }
    QList<qint64> length(count, -1);
    QList<int> previous(count, -1);
    for (int next = 0; next < ready.size(); ++next) {
        const int i = ready.at(next);
        // Ties go to the earlier item in the plan, so the answer does not depend on the
        // order the dependencies were drawn in.
        int chosen = -1;
        for (int p : predecessors.at(i)) {
            if (chosen < 0 || length.at(p) > length.at(chosen) ||
                (length.at(p) == length.at(chosen) && p < chosen))
                chosen = p;
        }
        previous[i] = chosen;
        length[i] = (chosen >= 0 ? length.at(chosen) : 0) + workDays(plan.items.at(i));
        for (int s : successors.at(i)) {
            if (--waiting[s] == 0)
                ready.append(s);
        }
    }

    // The item finishing last; among those, the one with the longest chain.
    int last = -1;
    for (int i = 0; i < count; ++i) {
        if (length.at(i) < 0)
            continue;
        const QDate finish = finishDate(plan.items.at(i));
        if (!finish.isValid())
            continue;
        if (last < 0) {
            last = i;
            continue;
        }
        const QDate lastFinish = finishDate(plan.items.at(last));
        if (finish > lastFinish || (finish == lastFinish && length.at(i) > length.at(last)))
            last = i;
    }

    QSet<int> path;
    for (int i = last; i >= 0; i = previous.at(i))
        path.insert(plan.items.at(i).id);
    return path;
}

} // namespace Launch
