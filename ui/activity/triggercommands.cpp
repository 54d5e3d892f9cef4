#include "triggercommands.h"

#include "activity/triggerstore.h"
#include "database.h"
#include "databasewriter.h"

#include <QCoreApplication>

TriggerCommand::TriggerCommand(Change change, std::shared_ptr<Database> database,
                               const Trigger &before, const Trigger &after, QObject *context,
                               Done done)
    : m_change(change)
    , m_database(std::move(database))
    , m_before(before)
    , m_after(after)
    , m_context(context)
    , m_done(std::move(done))
{
    switch (change) {
    case Change::Add:
        setText(QCoreApplication::translate("TriggerCommand", "Add trigger %1").arg(after.name));
        break;
    case Change::Edit:
        setText(QCoreApplication::translate("TriggerCommand", "Change trigger %1").arg(after.name));
        break;
    case Change::Remove:
        setText(
            QCoreApplication::translate("TriggerCommand", "Delete trigger %1").arg(before.name));
        break;
    }
}

void TriggerCommand::redo()
{
    switch (m_change) {
    case Change::Add: {
        // Redone after an undo, the trigger comes back under the id it had.
        Trigger trigger = m_after;
        trigger.id = *m_addedId;
        trigger.lastActivityId = -1;
        add(trigger);
        break;
    }
    case Change::Edit:
        update(m_after);
        break;
    case Change::Remove:
        remove(std::make_shared<qint64>(m_before.id));
        break;
    }
}

void TriggerCommand::undo()
{
    switch (m_change) {
    case Change::Add:
        remove(m_addedId);
        break;
    case Change::Edit:
        update(m_before);
        break;
    case Change::Remove:
        add(m_before);
        break;
    }
}

void TriggerCommand::add(const Trigger &trigger)
{
    const std::shared_ptr<qint64> addedId = m_change == Change::Add ? m_addedId : nullptr;
    m_database->writer()->submit(
        [trigger, addedId](QSqlDatabase &db, QString *error) {
            const std::optional<qint64> id = TriggerStore::insert(db, trigger, error);
            if (id && addedId)
                *addedId = *id;
            return id.has_value();
        },
        m_context, [done = m_done](const WriteResult &result) { done(result.error); });
}

void TriggerCommand::update(const Trigger &trigger)
{
    m_database->writer()->submit(
        [trigger](QSqlDatabase &db, QString *error) {
            return TriggerStore::update(db, trigger, error);
        },
        m_context, [done = m_done](const WriteResult &result) { done(result.error); });
}

void TriggerCommand::remove(std::shared_ptr<const qint64> id)
{
    // Read in the job: an added trigger's id is known once the add before it has run.
    m_database->writer()->submit(
        [id](QSqlDatabase &db, QString *error) { return TriggerStore::remove(db, *id, error); },
        m_context, [done = m_done](const WriteResult &result) { done(result.error); });
}
