#pragma once

#include "launch/launchplan.h"

#include <QObject>

class GanttModel;
class QUndoStack;

// The edits of the timeline editor, each one step on the undo stack: moving and resizing
// (the steps of one gesture merge), adding and removing items and dependencies, the baseline
// and re-basing. The view, the tree's menus and the page all edit through it.
class GanttEditor : public QObject
{
    Q_OBJECT
public:
    GanttEditor(GanttModel *model, QUndoStack *undo, QObject *parent = nullptr);

    GanttModel *model() const { return m_model; }
    QUndoStack *undoStack() const { return m_undo; }

    // A number for the steps of one drag, so that they undo as one.
    int beginGesture() { return ++m_gesture; }

    // Moves an item by days; a phase takes its tasks and milestones along.
    bool moveItem(int itemId, int days, int gesture = 0);
    bool setItemDates(int itemId, const QDate &start, const QDate &end, int gesture = 0);
    bool renameItem(int itemId, const QString &name);
    // Adds an item near another one (in its phase, or after its phase for a new phase);
    // returns the new item's id, or 0.
    int addItem(Launch::ItemKind kind, int nearItemId);
    // Removes an item (a phase with its contents) and the dependencies touching it.
    bool removeItem(int itemId);
    // Returns the new dependency's id, or 0 with error set (same item, already there).
    int addDependency(int fromId, int toId, Launch::DependencyType type, QString *error = nullptr);
    bool removeDependency(int dependencyId);
    void setBaseline();
    void clearBaseline();
    bool hasBaseline() const;
    // Moves every date so that the plan launches on launchDate.
    bool rebase(const QDate &launchDate);

private:
    void push(const QString &text, const Launch::LaunchPlan &next, int gesture = 0);
    static int indexOf(const Launch::LaunchPlan &plan, int itemId);

    GanttModel *m_model;
    QUndoStack *m_undo;
    int m_gesture = 0;
};
