#include "triagecommand.h"

#include "database.h"

TriageCommand::TriageCommand(std::shared_ptr<Database> database, const TriageChange &change,
                             const QString &text, Done done)
    : QUndoCommand(text)
    , m_database(std::move(database))
    , m_change(change)
    , m_done(std::move(done))
{
}

void TriageCommand::undo()
{
    run(false);
}

void TriageCommand::redo()
{
    // QUndoStack::push() calls redo() at once; the edit was made before the push, so there
    // is nothing to do until an undo has put the old state back.
    run(true);
}

void TriageCommand::run(bool forward)
{
    if (forward == m_applied)
        return;
    QString error;
    FeedbackTriage triage(m_database->writer());
    const bool ok = forward ? triage.apply(m_change, &error) : triage.revert(m_change, &error);
    if (ok)
        m_applied = forward;
    if (m_done)
        m_done(ok ? QString() : error);
}
