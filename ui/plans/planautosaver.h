#pragma once

#include "launch/launchplan.h"

#include <QObject>
#include <QTimer>

#include <memory>

class Database;

// Saves the plan being edited to the workspace a moment after the last edit, through the
// workspace's single writer. Never drops an edit: one made while a save runs is saved next,
// and a failed save stays pending until the next edit or flush tries again.
class PlanAutosaver : public QObject
{
    Q_OBJECT
public:
    enum class State { Saved, Pending, Saving, Failed };

    explicit PlanAutosaver(QObject *parent = nullptr);
    ~PlanAutosaver() override;

    void setDatabase(std::shared_ptr<Database> database);
    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }

    // The newest version of the plan; saved after the delay.
    void planEdited(const Launch::LaunchPlan &plan);
    // Saves now what is pending (in the background).
    void flush();
    // Saves what is pending and waits for it (when leaving for good).
    bool flushAndWait(QString *error = nullptr);

    State state() const { return m_state; }
    QString error() const { return m_error; }
    bool isIdle() const { return m_state == State::Saved || m_state == State::Failed; }

Q_SIGNALS:
    void stateChanged(PlanAutosaver::State state);
    // A plan saved for the first time got its workspace id.
    void planStored(qint64 planId);
    void saved(const Launch::LaunchPlan &plan);

private:
    void save();
    void setState(State state);

    std::shared_ptr<Database> m_database;
    QTimer m_timer;
    Launch::LaunchPlan m_pending;
    bool m_hasPending = false;
    bool m_saving = false;
    qint64 m_storedId = 0;
    State m_state = State::Saved;
    QString m_error;
};
