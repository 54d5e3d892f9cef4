#pragma once

#include "feedback/triage.h"

#include <QUndoCommand>

#include <functional>
#include <memory>

class Database;

// One triage edit on the undo stack. The edit is already in the database when pushed, so the
// first redo() does nothing; later ones apply it again, undo() puts back what was there.
class TriageCommand : public QUndoCommand
{
public:
    // done runs after every undo and redo, with an error when the database refused it.
    using Done = std::function<void(const QString &error)>;

    TriageCommand(std::shared_ptr<Database> database, const TriageChange &change,
                  const QString &text, Done done);

    void undo() override;
    void redo() override;

    const TriageChange &change() const { return m_change; }

private:
    void run(bool forward);

    std::shared_ptr<Database> m_database;
    TriageChange m_change;
    Done m_done;
    bool m_applied = true;
};
