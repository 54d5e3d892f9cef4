#pragma once

#include <QCoreApplication>
#include <QUndoCommand>

#include <functional>
#include <memory>

class Database;

// Undoable edits of the event mapping. Each step is a job of the workspace's writer; the
// jobs run in the order they were pushed, so an undo always follows the step it takes back.
// The entry's id lives in a shared cell written by the job itself, since adding again after
// an undo gives the entry a new id.
class EventMappingCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(EventMappingCommand)
public:
    // Called on the UI thread after each step with the step's error (empty when it worked).
    using Done = std::function<void(const QString &error)>;

    // Maps pattern to featureId (adds the entry on redo, removes it on undo).
    static EventMappingCommand *map(std::shared_ptr<Database> database, QObject *context,
                                    const QString &pattern, qint64 featureId,
                                    const QString &featureName, Done done);
    // Removes the entry id (and adds it back on undo).
    static EventMappingCommand *unmap(std::shared_ptr<Database> database, QObject *context,
                                      qint64 id, const QString &pattern, qint64 featureId,
                                      const QString &featureName, Done done);

    void redo() override;
    void undo() override;

private:
    EventMappingCommand(std::shared_ptr<Database> database, QObject *context, bool adds,
                        const QString &pattern, qint64 featureId, Done done);
    void add();
    void remove();

    std::shared_ptr<Database> m_database;
    QObject *m_context;
    bool m_adds;
    QString m_pattern;
    qint64 m_featureId;
    std::shared_ptr<qint64> m_id = std::make_shared<qint64>(0);
    Done m_done;
};
