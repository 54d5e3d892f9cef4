#pragma once

#include "launch/launchcoordinator.h"
#include "launch/planstore.h"

#include <QDate>
#include <QObject>

#include <memory>

class Database;

// Reads launch plans off the UI thread: the list, and one plan with the workspace context the
// coordinator needs. Answers arrive as signals; an answer for a superseded request is dropped.
class PlanLoader : public QObject
{
    Q_OBJECT
public:
    explicit PlanLoader(QObject *parent = nullptr);

    void setDatabase(std::shared_ptr<Database> database);
    void setToday(const QDate &today) { m_today = today; }
    void list();
    void load(qint64 planId);
    bool isBusy() const { return m_running > 0; }

Q_SIGNALS:
    void listed(const QList<Launch::PlanSummary> &plans);
    void loaded(const Launch::LaunchPlan &plan, const Launch::LaunchContext &context);
    void failed(const QString &error);
    void busyChanged(bool busy);

private:
    template<typename Result, typename Work, typename Done> void run(Work work, Done done);

    std::shared_ptr<Database> m_database;
    QDate m_today;
    int m_generation = 0;
    int m_loadRequest = 0;
    int m_running = 0;
};
