#include "planautosaver.h"

#include "database.h"
#include "databasewriter.h"
#include "launch/planstore.h"

PlanAutosaver::PlanAutosaver(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(800);
    connect(&m_timer, &QTimer::timeout, this, &PlanAutosaver::save);
}

PlanAutosaver::~PlanAutosaver() = default;

void PlanAutosaver::setDatabase(std::shared_ptr<Database> database)
{
    m_database = std::move(database);
    m_hasPending = false;
    m_storedId = 0;
    m_timer.stop();
    setState(State::Saved);
}

void PlanAutosaver::planEdited(const Launch::LaunchPlan &plan)
{
    m_pending = plan;
    // A new plan saved meanwhile keeps the id it was given.
    if (m_pending.id == 0 && m_storedId != 0)
        m_pending.id = m_storedId;
    m_hasPending = true;
    setState(State::Pending);
    m_timer.start();
}

void PlanAutosaver::flush()
{
    if (m_hasPending) {
        m_timer.stop();
        save();
    }
}

void PlanAutosaver::save()
{
    if (!m_hasPending || !m_database)
        return;
    if (m_saving) {
        // The running save ends by starting the next one.
        return;
    }
    m_saving = true;
    m_hasPending = false;
    auto plan = std::make_shared<Launch::LaunchPlan>(m_pending);
    setState(State::Saving);
    m_database->writer()->submit(
        [plan](QSqlDatabase &db, QString *error) {
            return Launch::PlanStore(db).save(*plan, error);
        },
        this,
        [this, plan](const WriteResult &result) {
            m_saving = false;
            if (!result.ok) {
                // Keep the edit: the next edit or flush saves it again.
                if (!m_hasPending) {
                    m_pending = *plan;
                    m_hasPending = true;
                }
                m_error = result.error;
                setState(State::Failed);
                return;
            }
            m_error.clear();
            if (m_storedId == 0 && plan->id != 0) {
                m_storedId = plan->id;
                if (m_hasPending && m_pending.id == 0)
                    m_pending.id = plan->id;
                Q_EMIT planStored(plan->id);
            }
            Q_EMIT saved(*plan);
            if (m_hasPending) {
                setState(State::Pending);
                m_timer.start();
            } else {
                setState(State::Saved);
            }
        });
}

bool PlanAutosaver::flushAndWait(QString *error)
{
    m_timer.stop();
    if (!m_database || (!m_hasPending && !m_saving))
        return true;
    Launch::LaunchPlan plan = m_pending;
    const bool hadPending = m_hasPending;
    m_hasPending = false;
    // Jobs run in order: waiting for this one also waits for a save in flight.
    const WriteResult result =
        m_database->writer()->run([&plan, hadPending](QSqlDatabase &db, QString *message) {
            return !hadPending || Launch::PlanStore(db).save(plan, message);
        });
    if (!result.ok) {
        m_pending = plan;
        m_hasPending = true;
        m_error = result.error;
        setState(State::Failed);
        if (error)
            *error = result.error;
        return false;
    }
    if (hadPending && m_storedId == 0 && plan.id != 0) {
        m_storedId = plan.id;
        Q_EMIT planStored(plan.id);
    }
    setState(m_saving ? State::Saving : State::Saved);
    return true;
}

void PlanAutosaver::setState(State state)
{
    if (state == m_state && state != State::Failed)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}
