#pragma once

#include <QMainWindow>

class AdoptionPage;
class FeedbackPage;
class ReportsPage;
class LaunchPlansPage;
class ConnectionsPage;
class OverviewPage;
class QLabel;
class SearchField;
class WorkspaceView;
class QMenu;
class QStackedWidget;
class WebhookService;
class WelcomePage;
class WorkspaceController;

// The application window: the welcome page until a workspace is open, then its pages.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a workspace folder; on failure the welcome page says why.
    bool openWorkspace(const QString &folder);
    // Opens the last workspace when there is one, else shows the welcome page.
    void restoreLastWorkspace();

    WorkspaceController *controller() const { return m_controller; }
    WelcomePage *welcomePage() const { return m_welcome; }
    OverviewPage *overviewPage() const { return m_overview; }
    WorkspaceView *workspaceView() const { return m_workspaceView; }
    SearchField *searchField() const { return m_search; }
    ConnectionsPage *connectionsPage() const { return m_connections; }
    AdoptionPage *adoptionPage() const { return m_adoption; }
    ReportsPage *reportsPage() const { return m_reports; }
    FeedbackPage *feedbackPage() const { return m_feedback; }
    LaunchPlansPage *plansPage() const { return m_plans; }
    // The welcome page, or the page of the open workspace being shown.
    QWidget *currentPage() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void rebuildRecentMenu();
    void showWelcome();
    void newWorkspace();
    void openWorkspaceDialog();
    void openDemo();
    void workspaceOpened(const QString &folder);
    void showAbout();
    void showPreferences();
    void createSearch();
    void showSearchHit(int kind, qint64 id);

    WorkspaceController *m_controller;
    QStackedWidget *m_stack;
    WelcomePage *m_welcome;
    OverviewPage *m_overview;
    WorkspaceView *m_workspaceView;
    SearchField *m_search;
    ConnectionsPage *m_connections;
    AdoptionPage *m_adoption;
    FeedbackPage *m_feedback;
    ReportsPage *m_reports;
    LaunchPlansPage *m_plans;
    QLabel *m_syncActivity;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_statusPath;
    WebhookService *m_webhooks = nullptr;
    QLabel *m_webhookStatus = nullptr;
};
