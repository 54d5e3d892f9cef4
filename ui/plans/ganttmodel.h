#pragma once

#include "launch/launchplan.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QSet>

class QUndoStack;

// A launch plan as a tree for the timeline editor: phases holding their tasks and milestones,
// with roles for the chart. Edits made through setData go on the undo stack when one is set;
// applyPlan() moves the model to another version of the plan with the finest signals it can.
class GanttModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Name, Owner, Start, End, Progress, ColumnCount };
    enum Role {
        ItemIdRole = Qt::UserRole + 1,
        KindRole,     // Launch::ItemKind as int
        StartRole,    // QDate
        EndRole,      // QDate, inclusive
        ProgressRole, // double 0..1
        CriticalRole, // a critical milestone
        CriticalPathRole,
        OwnerRole,
        BaselineStartRole,
        BaselineEndRole,
    };

    explicit GanttModel(QObject *parent = nullptr);

    const Launch::LaunchPlan &plan() const { return m_plan; }
    // Starts over with plan (no undo step).
    void setPlan(const Launch::LaunchPlan &plan);
    // Moves to next, inserting, removing and updating rows rather than resetting.
    void applyPlan(const Launch::LaunchPlan &next);
    void setUndoStack(QUndoStack *stack) { m_undo = stack; }
    QUndoStack *undoStack() const { return m_undo; }

    QModelIndex indexOfItem(int itemId, int column = Name) const;
    int itemId(const QModelIndex &index) const;
    const Launch::PlanItem *item(const QModelIndex &index) const;
    const QHash<int, QString> &violations() const { return m_violations; }
    const QSet<int> &criticalPath() const { return m_criticalPath; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // The plan's dates, names or structure changed (after the model's own signals).
    void planChanged();

private:
    void rebuild();
    void analyse();
    void emitChanges(const Launch::LaunchPlan &old, const QSet<int> &oldPath);
    int rowOf(const Launch::PlanItem &item) const;
    QModelIndex parentIndexFor(int parentId) const;
    void removeItem(int itemId);
    void insertItem(const Launch::LaunchPlan &next, int nextIndex);
    static QString kindName(Launch::ItemKind kind);

    Launch::LaunchPlan m_plan;
    QList<int> m_topLevel;
    QHash<int, QList<int>> m_children;
    QHash<int, int> m_indexOf; // item id -> index in m_plan.items
    QHash<int, QString> m_violations;
    QSet<int> m_criticalPath;
    QUndoStack *m_undo = nullptr;
};
