#include "ganttmodel.h"

#include "launch/planschedule.h"
#include "plancommand.h"

#include <QFont>
#include <QLocale>
#include <QUndoStack>

using Launch::ItemKind;
using Launch::LaunchPlan;
using Launch::PlanItem;

namespace {

// A task or milestone under a phase that exists; anything else is shown at the top level.
int effectiveParent(const LaunchPlan &plan, const PlanItem &item)
{
    if (item.parentId == 0 || item.kind == ItemKind::Phase)
        return 0;
    const PlanItem *parent = plan.item(item.parentId);
    return parent && parent->kind == ItemKind::Phase ? item.parentId : 0;
}

struct Structure
{
    QList<int> topLevel;
    QHash<int, QList<int>> children;

    friend bool operator==(const Structure &, const Structure &) = default;
};

Structure structureOf(const LaunchPlan &plan)
{
    Structure s;
    for (const PlanItem &item : plan.items) {
        const int parent = effectiveParent(plan, item);
        if (parent == 0)
            s.topLevel.append(item.id);
        else
            s.children[parent].append(item.id);
    }
    return s;
}

} // namespace

GanttModel::GanttModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void GanttModel::setPlan(const LaunchPlan &plan)
{
    beginResetModel();
    m_plan = plan;
    rebuild();
    analyse();
    endResetModel();
    Q_EMIT planChanged();
}

void GanttModel::rebuild()
{
    const Structure s = structureOf(m_plan);
    m_topLevel = s.topLevel;
    m_children = s.children;
    m_indexOf.clear();
    m_indexOf.reserve(m_plan.items.size());
    for (int i = 0; i < m_plan.items.size(); ++i)
        m_indexOf.insert(m_plan.items.at(i).id, i);
}

void GanttModel::analyse()
{
    m_violations.clear();
    for (const Launch::Violation &violation : Launch::dependencyViolations(m_plan))
        m_violations.insert(violation.dependencyId, violation.reason);
    m_criticalPath = Launch::criticalPath(m_plan);
}

void GanttModel::applyPlan(const LaunchPlan &next)
{
    const LaunchPlan old = m_plan;
    const QSet<int> oldPath = m_criticalPath;

    // Most edits (a drag step, a rename) keep every item where it is: no rows move then.
    bool sameRows = old.items.size() == next.items.size();
    for (qsizetype i = 0; sameRows && i < next.items.size(); ++i) {
        sameRows = old.items.at(i).id == next.items.at(i).id &&
                   old.items.at(i).parentId == next.items.at(i).parentId &&
                   old.items.at(i).kind == next.items.at(i).kind;
    }
    if (sameRows) {
        m_plan = next;
        analyse();
        emitChanges(old, oldPath);
        return;
    }

    QHash<int, int> nextParent;
    for (const PlanItem &item : next.items)
        nextParent.insert(item.id, effectiveParent(next, item));

    // Rows leave first (with their children), then new rows arrive in the new order.
    QList<int> removals;
    for (const PlanItem &item : old.items) {
        const auto found = nextParent.constFind(item.id);
        if (found == nextParent.constEnd() || found.value() != effectiveParent(old, item))
            removals.append(item.id);
    }
    for (int id : std::as_const(removals)) {
        if (m_indexOf.contains(id))
            removeItem(id);
    }
    for (int i = 0; i < next.items.size(); ++i) {
        if (!m_indexOf.contains(next.items.at(i).id))
            insertItem(next, i);
    }

    const bool reordered = structureOf(next) != Structure{m_topLevel, m_children};
    if (reordered) {
        beginResetModel();
        m_plan = next;
        rebuild();
        analyse();
        endResetModel();
        Q_EMIT planChanged();
        return;
    }

    m_plan = next;
    rebuild();
    analyse();
    emitChanges(old, oldPath);
}

void GanttModel::emitChanges(const LaunchPlan &old, const QSet<int> &oldPath)
{
    for (qsizetype i = 0; i < m_plan.items.size(); ++i) {
        const PlanItem &item = m_plan.items.at(i);
        // Usually at the same place in the old version; searched for when not.
        const PlanItem *before = i < old.items.size() && old.items.at(i).id == item.id
                                     ? &old.items.at(i)
                                     : old.item(item.id);
        const bool pathChanged = oldPath.contains(item.id) != m_criticalPath.contains(item.id);
        if (before && *before == item && !pathChanged)
            continue;
        const QModelIndex first = indexOfItem(item.id, Name);
        Q_EMIT dataChanged(first, first.siblingAtColumn(ColumnCount - 1));
    }
    Q_EMIT planChanged();
}

void GanttModel::removeItem(int itemId)
{
    const PlanItem &item = m_plan.items.at(m_indexOf.value(itemId));
    const QModelIndex parent = parentIndexFor(effectiveParent(m_plan, item));
    const int row = rowOf(item);
    beginRemoveRows(parent, row, row);
    const bool phase = item.kind == ItemKind::Phase;
    m_plan.items.removeIf([&](const PlanItem &candidate) {
        return candidate.id == itemId || (phase && candidate.parentId == itemId);
    });
    rebuild();
    endRemoveRows();
}

void GanttModel::insertItem(const LaunchPlan &next, int nextIndex)
{
    const PlanItem &item = next.items.at(nextIndex);
    // After the nearest item before it (in the new order) that the model already has.
    int at = 0;
    for (int i = nextIndex - 1; i >= 0; --i) {
        const auto found = m_indexOf.constFind(next.items.at(i).id);
        if (found != m_indexOf.constEnd()) {
            at = found.value() + 1;
            break;
        }
    }
    LaunchPlan grown = m_plan;
    grown.items.insert(at, item);
    const int parentId = effectiveParent(grown, item);
    int row = 0;
    for (int i = 0; i < at; ++i) {
        if (effectiveParent(grown, grown.items.at(i)) == parentId)
            ++row;
    }
    beginInsertRows(parentIndexFor(parentId), row, row);
    m_plan = grown;
    rebuild();
    endInsertRows();
}

QModelIndex GanttModel::parentIndexFor(int parentId) const
{
    return parentId == 0 ? QModelIndex() : indexOfItem(parentId);
}

int GanttModel::rowOf(const PlanItem &item) const
{
    const int parent = effectiveParent(m_plan, item);
    const QList<int> &siblings = parent == 0 ? m_topLevel : m_children[parent];
    return int(siblings.indexOf(item.id));
}

QModelIndex GanttModel::indexOfItem(int itemId, int column) const
{
    const auto found = m_indexOf.constFind(itemId);
    if (found == m_indexOf.constEnd())
        return QModelIndex();
    return createIndex(rowOf(m_plan.items.at(found.value())), column, quintptr(itemId));
}

int GanttModel::itemId(const QModelIndex &index) const
{
    return index.isValid() ? int(index.internalId()) : 0;
}

const PlanItem *GanttModel::item(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    const auto found = m_indexOf.constFind(int(index.internalId()));
    return found == m_indexOf.constEnd() ? nullptr : &m_plan.items.at(found.value());
}

QModelIndex GanttModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return QModelIndex();
    if (!parent.isValid())
        return row < m_topLevel.size() ? createIndex(row, column, quintptr(m_topLevel.at(row)))
                                       : QModelIndex();
    if (parent.column() != 0)
        return QModelIndex();
    const auto children = m_children.constFind(itemId(parent));
    if (children == m_children.constEnd() || row >= children->size())
        return QModelIndex();
    return createIndex(row, column, quintptr(children->at(row)));
}

QModelIndex GanttModel::parent(const QModelIndex &child) const
{
    const PlanItem *it = item(child);
    if (!it)
        return QModelIndex();
    return parentIndexFor(effectiveParent(m_plan, *it));
}

int GanttModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_topLevel.size());
    if (parent.column() != 0)
        return 0;
    return int(m_children.value(itemId(parent)).size());
}

int GanttModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString GanttModel::kindName(ItemKind kind)
{
    switch (kind) {
    case ItemKind::Phase:
        return tr("Phase");
    case ItemKind::Task:
        return tr("Task");
    case ItemKind::Milestone:
        return tr("Milestone");
    }
    return QString();
}

QVariant GanttModel::data(const QModelIndex &index, int role) const
{
    const PlanItem *it = item(index);
    if (!it)
        return QVariant();
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return it->name;
        case Owner:
            return it->owner;
        // Short, for a narrow column; the tooltip has the full dates.
        case Start:
            return locale.toString(it->start, QStringLiteral("d MMM"));
        case End:
            return locale.toString(it->end, QStringLiteral("d MMM"));
        case Progress:
            if (it->isMilestone())
                return it->done ? tr("Done") : QString();
            return tr("%1%").arg(qRound(it->progress * 100));
        }
        return QVariant();
    case Qt::EditRole:
        switch (index.column()) {
        case Name:
            return it->name;
        case Owner:
            return it->owner;
        case Start:
            return it->start;
        case End:
            return it->end;
        case Progress:
            return qRound(it->progress * 100);
        }
        return QVariant();
    case Qt::ToolTipRole: {
        QString text = QStringLiteral("<b>%1</b> · %2<br>%3 – %4")
                           .arg(it->name.toHtmlEscaped(), kindName(it->kind),
                                locale.toString(it->start, QLocale::LongFormat),
                                locale.toString(it->end, QLocale::LongFormat));
        if (!it->description.isEmpty())
            text += QStringLiteral("<br>") + it->description.toHtmlEscaped();
        return text;
    }
    case Qt::FontRole:
        if (it->kind == ItemKind::Phase) {
            QFont font;
            font.setWeight(QFont::DemiBold);
            return font;
        }
        return QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == Progress)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case Qt::AccessibleDescriptionRole:
        return kindName(it->kind);
    case ItemIdRole:
        return it->id;
    case KindRole:
        return int(it->kind);
    case StartRole:
        return it->start;
    case EndRole:
        return it->end;
    case ProgressRole:
        return it->progress;
    case CriticalRole:
        return it->critical;
    case CriticalPathRole:
        return m_criticalPath.contains(it->id);
    case OwnerRole:
        return it->owner;
    case BaselineStartRole:
        return it->baselineStart;
    case BaselineEndRole:
        return it->baselineEnd;
    }
    return QVariant();
}

bool GanttModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const PlanItem *it = item(index);
    if (!it || role != Qt::EditRole)
        return false;
    LaunchPlan next = m_plan;
    PlanItem &edited = next.items[m_indexOf.value(it->id)];
    QString text;
    switch (index.column()) {
    case Name: {
        const QString name = value.toString().simplified();
        if (name.isEmpty() || name == edited.name)
            return false;
        edited.name = name;
        text = tr("Rename “%1”").arg(name);
        break;
    }
    case Owner:
        if (value.toString().simplified() == edited.owner)
            return false;
        edited.owner = value.toString().simplified();
        text = tr("Change the owner of “%1”").arg(edited.name);
        break;
    case Start: {
        const QDate start = value.toDate();
        if (!start.isValid() || start == edited.start)
            return false;
        // A new start keeps the item's length, as dragging does.
        edited.end = edited.end.addDays(edited.start.daysTo(start));
        edited.start = start;
        text = tr("Move “%1”").arg(edited.name);
        break;
    }
    case End: {
        const QDate end = value.toDate();
        if (!end.isValid() || end < edited.start || end == edited.end)
            return false;
        if (edited.isMilestone())
            edited.start = end;
        edited.end = end;
        text = tr("Change the end of “%1”").arg(edited.name);
        break;
    }
    case Progress: {
        bool ok = false;
        const int percent = value.toInt(&ok);
        if (!ok || percent < 0 || percent > 100)
            return false;
        edited.progress = percent / 100.0;
        if (edited.isMilestone())
            edited.done = percent == 100;
        text = tr("Change the progress of “%1”").arg(edited.name);
        break;
    }
    default:
        return false;
    }
    if (m_undo)
        m_undo->push(new PlanCommand(this, text, m_plan, next));
    else
        applyPlan(next);
    return true;
}

Qt::ItemFlags GanttModel::flags(const QModelIndex &index) const
{
    const PlanItem *it = item(index);
    if (!it)
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (!(it->isMilestone() && index.column() == End))
        flags |= Qt::ItemIsEditable;
    if (index.column() != Name || it->kind != ItemKind::Phase)
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

QVariant GanttModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case Name:
        return tr("Name");
    case Owner:
        return tr("Owner");
    case Start:
        return tr("Start");
    case End:
        return tr("End");
    case Progress:
        return tr("Progress");
    }
    return QVariant();
}
