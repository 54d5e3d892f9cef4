#pragma once

#include "workspacesummary.h"

#include <QObject>

#include <memory>

class Database;

// Owns the open workspace for the window: opens it, fills a demo workspace and loads its
// summary in the background, and reports back through signals on the UI thread.
class WorkspaceController : public QObject
{
    Q_OBJECT
public:
    explicit WorkspaceController(QObject *parent = nullptr);
    ~WorkspaceController() override;

    // Opens (creating if needed) the workspace in folder. On failure the previous workspace
    // stays open and error says why.
    bool open(const QString &folder, QString *error);
    void close();

    std::shared_ptr<Database> database() const { return m_database; }
    QString folder() const;
    bool isBusy() const { return m_busy; }

    // Fills the workspace in folder with demo data, then opens it. Runs on the writer thread.
    void createDemo(const QString &folder);
    // Reads the summary of the open workspace off the UI thread.
    void refreshSummary();

    static QString demoFolder();

Q_SIGNALS:
    void opened(const QString &folder);
    void demoProgress(const QString &step, int percent);
    void demoFailed(const QString &error);
    void summaryLoaded(const WorkspaceSummary &summary);
    void summaryFailed(const QString &error);

private:
    std::shared_ptr<Database> m_database;
    bool m_busy = false;
};
