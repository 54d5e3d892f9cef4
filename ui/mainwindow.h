#pragma once

#include <QMainWindow>

class OverviewPage;
class QLabel;
class QMenu;
class QStackedWidget;
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

    WorkspaceController *m_controller;
    QStackedWidget *m_stack;
    WelcomePage *m_welcome;
    OverviewPage *m_overview;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_statusPath;
};
