#pragma once

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>

// The headline figures of a workspace, for the window's overview.
struct WorkspaceSummary
{
    qint64 sources = 0;
    qint64 features = 0;
    qint64 releasedFeatures = 0;
    qint64 users = 0;
    qint64 companies = 0;
    qint64 feedback = 0;
    qint64 newFeedback = 0;
    qint64 workItems = 0;
    qint64 openWorkItems = 0;
    qint64 openOpportunities = 0;
    QList<QPair<QString, double>> openPipeline; // currency, amount; largest first
    qint64 campaigns = 0;
    qint64 launchPlans = 0;
    qint64 usageRows = 0;
    QDateTime lastSync; // invalid when never synced

    bool isEmpty() const { return sources == 0 && features == 0 && launchPlans == 0; }

    // Reads the figures; safe to call from any thread with that thread's own connection.
    static WorkspaceSummary load(const QSqlDatabase &db, QString *error);
};
