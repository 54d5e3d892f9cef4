#pragma once

#include "launch/launchplan.h"

#include <QUndoCommand>

class GanttModel;

// One edit of a plan as the versions before and after it. Edits of one gesture (the moves of
// a drag) share a gesture number and merge into one step.
class PlanCommand : public QUndoCommand
{
public:
    PlanCommand(GanttModel *model, const QString &text, const Launch::LaunchPlan &before,
                const Launch::LaunchPlan &after, int gesture = 0);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    GanttModel *m_model;
    Launch::LaunchPlan m_before;
    Launch::LaunchPlan m_after;
    int m_gesture;
};
