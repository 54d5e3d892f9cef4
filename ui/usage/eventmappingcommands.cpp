#include "eventmappingcommands.h"

#include "database.h"
#include "databasewriter.h"
#include "usage/eventmapping.h"

EventMappingCommand::EventMappingCommand(std::shared_ptr<Database> database, QObject *context,
                                         bool adds, const QString &pattern, qint64 featureId,
                                         Done done)
    : m_database(std::move(database))
    , m_context(context)
    , m_adds(adds)
    , m_pattern(pattern)
    , m_featureId(featureId)
    , m_done(std::move(done))
{
}

EventMappingCommand *EventMappingCommand::map(std::shared_ptr<Database> database, QObject *context,
                                              const QString &pattern, qint64 featureId,
                                              const QString &featureName, Done done)
{
    auto *command =
        new EventMappingCommand(std::move(database), context, true, pattern, featureId, done);
    command->setText(tr("Map %1 to %2").arg(pattern, featureName));
    return command;
}

EventMappingCommand *EventMappingCommand::unmap(std::shared_ptr<Database> database,
                                                QObject *context, qint64 id, const QString &pattern,
                                                qint64 featureId, const QString &featureName,
                                                Done done)
{
    auto *command =
        new EventMappingCommand(std::move(database), context, false, pattern, featureId, done);
    *command->m_id = id;
    command->setText(tr("Unmap %1 from %2").arg(pattern, featureName));
    return command;
}

void EventMappingCommand::redo()
{
    m_adds ? add() : remove();
}

void EventMappingCommand::undo()
{
    m_adds ? remove() : add();
}

void EventMappingCommand::add()
{
    const std::shared_ptr<qint64> id = m_id;
    const QString pattern = m_pattern;
    const qint64 featureId = m_featureId;
    m_database->writer()->submit(
        [id, pattern, featureId](QSqlDatabase &db, QString *error) {
            return EventMapping::add(db, pattern, featureId, id.get(), error);
        },
        m_context, [done = m_done](const WriteResult &result) { done(result.error); });
}

void EventMappingCommand::remove()
{
    const std::shared_ptr<qint64> id = m_id;
    m_database->writer()->submit(
        [id](QSqlDatabase &db, QString *error) { return EventMapping::remove(db, *id, error); },
        m_context, [done = m_done](const WriteResult &result) { done(result.error); });
}
