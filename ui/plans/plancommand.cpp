#include "plancommand.h"

#include "ganttmodel.h"

namespace {

// Commands of a gesture merge; any id other than -1 turns merging on.
constexpr int GestureCommandId = 0x9a77;

} // namespace

PlanCommand::PlanCommand(GanttModel *model, const QString &text, const Launch::LaunchPlan &before,
                         const Launch::LaunchPlan &after, int gesture)
    : QUndoCommand(text)
    , m_model(model)
    , m_before(before)
    , m_after(after)
    , m_gesture(gesture)
{
}

void PlanCommand::undo()
{
    m_model->applyPlan(m_before);
}

void PlanCommand::redo()
{
    m_model->applyPlan(m_after);
}

int PlanCommand::id() const
{
    return m_gesture > 0 ? GestureCommandId : -1;
}

bool PlanCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const PlanCommand *>(other);
    if (next->m_gesture != m_gesture || next->m_model != m_model)
        return false;
    m_after = next->m_after;
    return true;
}
