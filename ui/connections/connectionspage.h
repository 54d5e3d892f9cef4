#pragma once

#include <QWidget>

class AddSourceDialog;
class Banner;
class ConnectionsService;
class CredentialsDialog;
class KindsCatalogue;
class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;
class SourcesModel;
class SourcesView;
class SyncScheduler;
class WorkspaceController;

// The Connections page: the connector kinds to add from, the workspace's sources with
// per-stream status and progress, connecting, background sync and its schedule.
class ConnectionsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionsPage(WorkspaceController *controller, QWidget *parent = nullptr);
    ~ConnectionsPage() override;

    // For the window: ask before closing while a sync runs, and cancel it cleanly.
    bool isSyncing() const;
    void cancelSync();

    ConnectionsService *service() const { return m_service; }
    SourcesModel *model() const { return m_model; }
    SourcesView *sourcesView() const { return m_view; }
    KindsCatalogue *catalogue() const { return m_catalogue; }
    SyncScheduler *scheduler() const { return m_scheduler; }
    Banner *banner() const { return m_banner; }

public Q_SLOTS:
    // Every enabled source of the workspace that holds synced (not demo) data.
    void syncAll();
    AddSourceDialog *addSource(const QString &kind);
    CredentialsDialog *connectSource(qint64 sourceId);
    void syncSource(qint64 sourceId, bool full = false);
    void disconnectSource(qint64 sourceId);
    void removeSource(qint64 sourceId);

Q_SIGNALS:
    void syncingChanged(bool syncing);

private:
    void workspaceOpened();
    void sourcesLoaded();
    void updateActions();
    void showError(const QString &text);

    WorkspaceController *m_controller;
    ConnectionsService *m_service;
    SourcesModel *m_model;
    SyncScheduler *m_scheduler;
    QLabel *m_title;
    QPushButton *m_syncAll;
    Banner *m_banner;
    QStackedWidget *m_stack;
    QLabel *m_noWorkspace;
    QSplitter *m_splitter;
    KindsCatalogue *m_catalogue;
    SourcesView *m_view;
    QLabel *m_noSources;
    qint64 m_connectAfterLoad = 0;
    QList<qint64> m_syncing;
};
