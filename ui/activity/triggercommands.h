#pragma once

#include "activity/trigger.h"

#include <QUndoCommand>

#include <functional>
#include <memory>

class Database;

// Undoable changes to the triggers. Each runs as a writer job and then calls done, which
// reloads the list; the writer keeps them in order.
class TriggerCommand : public QUndoCommand
{
public:
    enum class Change { Add, Edit, Remove };
    using Done = std::function<void(const QString &error)>;

    TriggerCommand(Change change, std::shared_ptr<Database> database, const Trigger &before,
                   const Trigger &after, QObject *context, Done done);

    void redo() override;
    void undo() override;

private:
    void add(const Trigger &trigger);
    void update(const Trigger &trigger);
    void remove(std::shared_ptr<const qint64> id);

    Change m_change;
    std::shared_ptr<Database> m_database;
    Trigger m_before;
    Trigger m_after;
    QObject *m_context;
    Done m_done;
    std::shared_ptr<qint64> m_addedId = std::make_shared<qint64>(0);
};
