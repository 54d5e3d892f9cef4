#include "gantteditor.h"

#include "ganttmodel.h"
#include "launch/launchcoordinator.h"
#include "plancommand.h"

#include <QUndoStack>

using Launch::Dependency;
using Launch::DependencyType;
using Launch::ItemKind;
using Launch::LaunchPlan;
using Launch::PlanItem;

GanttEditor::GanttEditor(GanttModel *model, QUndoStack *undo, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_undo(undo)
{
    m_model->setUndoStack(undo);
}

int GanttEditor::indexOf(const LaunchPlan &plan, int itemId)
{
    for (int i = 0; i < plan.items.size(); ++i) {
        if (plan.items.at(i).id == itemId)
            return i;
    }
    return -1;
}

void GanttEditor::push(const QString &text, const LaunchPlan &next, int gesture)
{
    m_undo->push(new PlanCommand(m_model, text, m_model->plan(), next, gesture));
}

bool GanttEditor::moveItem(int itemId, int days, int gesture)
{
    LaunchPlan next = m_model->plan();
    const int index = indexOf(next, itemId);
    if (index < 0 || days == 0)
        return false;
    const bool phase = next.items.at(index).kind == ItemKind::Phase;
    for (PlanItem &item : next.items) {
        if (item.id == itemId || (phase && item.parentId == itemId)) {
            item.start = item.start.addDays(days);
            item.end = item.end.addDays(days);
        }
    }
    push(tr("Move “%1”").arg(next.items.at(index).name), next, gesture);
    return true;
}

bool GanttEditor::setItemDates(int itemId, const QDate &start, const QDate &end, int gesture)
{
    LaunchPlan next = m_model->plan();
    const int index = indexOf(next, itemId);
    if (index < 0 || !start.isValid() || !end.isValid() || end < start)
        return false;
    PlanItem &item = next.items[index];
    if (item.isMilestone() && start != end)
        return false;
    if (item.start == start && item.end == end)
        return false;
    item.start = start;
    item.end = end;
    push(tr("Change the dates of “%1”").arg(item.name), next, gesture);
    return true;
}

bool GanttEditor::renameItem(int itemId, const QString &name)
{
    return m_model->setData(m_model->indexOfItem(itemId, GanttModel::Name), name);
}

int GanttEditor::addItem(ItemKind kind, int nearItemId)
{
    LaunchPlan next = m_model->plan();
    const int near = indexOf(next, nearItemId);
    PlanItem item;
    item.id = next.nextItemId();
    item.kind = kind;
    QDate start = next.launchDate.isValid() ? next.launchDate : QDate::currentDate();
    int at = int(next.items.size());
    if (near >= 0) {
        const PlanItem &anchor = next.items.at(near);
        start = anchor.start;
        item.owner = anchor.owner;
        const int phaseId = anchor.kind == ItemKind::Phase ? anchor.id : anchor.parentId;
        // The end of the anchor's block: a phase's last child, or the anchor itself.
        at = near + 1;
        if (anchor.kind == ItemKind::Phase) {
            while (at < next.items.size() && next.items.at(at).parentId == anchor.id)
                ++at;
        }
        if (kind == ItemKind::Phase) {
            // After the whole phase the anchor belongs to.
            if (phaseId != 0) {
                at = indexOf(next, phaseId) + 1;
                while (at < next.items.size() && next.items.at(at).parentId == phaseId)
                    ++at;
            }
        } else {
            item.parentId = phaseId;
        }
    }
    switch (kind) {
    case ItemKind::Phase:
        item.name = tr("New phase");
        item.end = start.addDays(13);
        break;
    case ItemKind::Task:
        item.name = tr("New task");
        item.end = start.addDays(4);
        break;
    case ItemKind::Milestone:
        item.name = tr("New milestone");
        item.end = start;
        break;
    }
    item.start = start;
    next.items.insert(at, item);
    push(tr("Add “%1”").arg(item.name), next);
    return item.id;
}

bool GanttEditor::removeItem(int itemId)
{
    LaunchPlan next = m_model->plan();
    const int index = indexOf(next, itemId);
    if (index < 0)
        return false;
    const QString name = next.items.at(index).name;
    const bool phase = next.items.at(index).kind == ItemKind::Phase;
    QSet<int> removed;
    for (const PlanItem &item : std::as_const(next.items)) {
        if (item.id == itemId || (phase && item.parentId == itemId))
            removed.insert(item.id);
    }
    next.items.removeIf([&](const PlanItem &item) { return removed.contains(item.id); });
    next.dependencies.removeIf([&](const Dependency &dependency) {
        return removed.contains(dependency.fromId) || removed.contains(dependency.toId);
    });
    push(tr("Delete “%1”").arg(name), next);
    return true;
}

int GanttEditor::addDependency(int fromId, int toId, DependencyType type, QString *error)
{
    LaunchPlan next = m_model->plan();
    const PlanItem *from = next.item(fromId);
    const PlanItem *to = next.item(toId);
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return 0;
    };
    if (!from || !to)
        return fail(tr("Both ends of a dependency must be items of this plan."));
    if (fromId == toId)
        return fail(tr("An item cannot depend on itself."));
    for (const Dependency &existing : std::as_const(next.dependencies)) {
        if (existing.fromId == fromId && existing.toId == toId)
            return fail(tr("“%1” already depends on “%2”.").arg(to->name, from->name));
    }
    Dependency dependency;
    dependency.id = next.nextDependencyId();
    dependency.fromId = fromId;
    dependency.toId = toId;
    dependency.type = type;
    const QString text = tr("Make “%1” depend on “%2”").arg(to->name, from->name);
    next.dependencies.append(dependency);
    push(text, next);
    return dependency.id;
}

bool GanttEditor::removeDependency(int dependencyId)
{
    LaunchPlan next = m_model->plan();
    if (next.dependencies.removeIf([&](const Dependency &d) { return d.id == dependencyId; }) == 0)
        return false;
    push(tr("Delete a dependency"), next);
    return true;
}

void GanttEditor::setBaseline()
{
    LaunchPlan next = m_model->plan();
    for (PlanItem &item : next.items) {
        item.baselineStart = item.start;
        item.baselineEnd = item.end;
    }
    push(tr("Set the baseline"), next);
}

void GanttEditor::clearBaseline()
{
    LaunchPlan next = m_model->plan();
    for (PlanItem &item : next.items) {
        item.baselineStart = QDate();
        item.baselineEnd = QDate();
    }
    push(tr("Clear the baseline"), next);
}

bool GanttEditor::hasBaseline() const
{
    for (const PlanItem &item : m_model->plan().items) {
        if (item.baselineStart.isValid())
            return true;
    }
    return false;
}

bool GanttEditor::rebase(const QDate &launchDate)
{
    if (!launchDate.isValid() || launchDate == m_model->plan().launchDate)
        return false;
    const LaunchPlan next = Launch::LaunchCoordinator::rebased(m_model->plan(), launchDate);
    push(tr("Re-base on %1").arg(launchDate.toString(Qt::ISODate)), next);
    return true;
}
