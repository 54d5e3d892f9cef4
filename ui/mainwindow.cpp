#include "mainwindow.h"

#include "database.h"
#include "overviewpage.h"
#include "recentworkspaces.h"
#include "welcomepage.h"
#include "workspacecontroller.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_controller(new WorkspaceController(this))
    , m_stack(new QStackedWidget(this))
    , m_welcome(new WelcomePage(m_stack))
    , m_overview(new OverviewPage(m_stack))
    , m_statusPath(new QLabel(this))
{
    setWindowTitle(QApplication::applicationDisplayName());
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_overview);
    setCentralWidget(m_stack);
    statusBar()->addWidget(m_statusPath, 1);
    statusBar()->setSizeGripEnabled(true);
    createMenus();

    connect(m_welcome, &WelcomePage::demoRequested, this, &MainWindow::openDemo);
    connect(m_welcome, &WelcomePage::newRequested, this, &MainWindow::newWorkspace);
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::openWorkspaceDialog);
    connect(m_overview, &OverviewPage::demoRequested, this, &MainWindow::openDemo);
    connect(m_controller, &WorkspaceController::opened, this, &MainWindow::workspaceOpened);
    connect(m_controller, &WorkspaceController::demoProgress, m_welcome,
            &WelcomePage::setDemoProgress);
    connect(m_controller, &WorkspaceController::demoFailed, this, [this](const QString &error) {
        showWelcome();
        m_welcome->showError(tr("The demo workspace could not be prepared: %1").arg(error));
    });
    connect(m_controller, &WorkspaceController::summaryLoaded, m_overview,
            &OverviewPage::setSummary);
    connect(m_controller, &WorkspaceController::summaryFailed, m_overview,
            [this](const QString &error) {
                m_overview->showError(tr("The workspace summary could not be read: %1").arg(error));
            });

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *workspace = menuBar()->addMenu(tr("&Workspace"));
    QAction *newAction =
        workspace->addAction(tr("&New Workspace…"), this, &MainWindow::newWorkspace);
    newAction->setShortcut(QKeySequence::New);
    QAction *openAction =
        workspace->addAction(tr("&Open Workspace…"), this, &MainWindow::openWorkspaceDialog);
    openAction->setShortcut(QKeySequence::Open);
    workspace->addAction(tr("Open &Demo Workspace"), this, &MainWindow::openDemo);
    m_recentMenu = workspace->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    workspace->addSeparator();
    QAction *quit = workspace->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about =
        help->addAction(tr("&About Product Integration Hub"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList folders = RecentWorkspaces::list();
    for (const QString &folder : folders) {
        QAction *action = m_recentMenu->addAction(QDir::toNativeSeparators(folder));
        connect(action, &QAction::triggered, this, [this, folder] { openWorkspace(folder); });
    }
    if (folders.isEmpty())
        m_recentMenu->addAction(tr("No recent workspaces"))->setEnabled(false);
}

void MainWindow::restoreLastWorkspace()
{
    const QString last = RecentWorkspaces::last();
    if (!last.isEmpty() && QFileInfo(last + QStringLiteral("/workspace.sqlite")).exists()) {
        if (openWorkspace(last))
            return;
    }
    showWelcome();
}

bool MainWindow::openWorkspace(const QString &folder)
{
    QString error;
    if (m_controller->open(folder, &error))
        return true;
    showWelcome();
    m_welcome->showError(error);
    return false;
}

void MainWindow::showWelcome()
{
    m_stack->setCurrentWidget(m_welcome);
    m_welcome->setBusy(m_controller->isBusy());
    m_statusPath->setText(tr("No workspace open"));
}

void MainWindow::newWorkspace()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                         QStringLiteral("/workspaces");
    QDir().mkpath(base);
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Choose an empty folder for the new workspace"), base);
    if (folder.isEmpty())
        return;
    openWorkspace(folder);
}

void MainWindow::openWorkspaceDialog()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Open a workspace folder"), QFileInfo(m_controller->folder()).absolutePath());
    if (folder.isEmpty())
        return;
    if (!QFileInfo::exists(folder + QStringLiteral("/workspace.sqlite"))) {
        showWelcome();
        m_welcome->showError(tr("%1 holds no workspace (there is no workspace.sqlite in it). "
                                "Choose a workspace folder, or use New Workspace to start one.")
                                 .arg(QDir::toNativeSeparators(folder)));
        return;
    }
    openWorkspace(folder);
}

void MainWindow::openDemo()
{
    showWelcome();
    m_welcome->setBusy(true);
    m_controller->createDemo(WorkspaceController::demoFolder());
}

void MainWindow::workspaceOpened(const QString &folder)
{
    m_welcome->setBusy(false);
    const QString name = folder == WorkspaceController::demoFolder() ? tr("Demo workspace")
                                                                     : QFileInfo(folder).fileName();
    setWindowTitle(tr("%1 — %2").arg(name, QApplication::applicationDisplayName()));
    m_statusPath->setText(QDir::toNativeSeparators(folder));
    m_overview->setWorkspace(name, QDir::toNativeSeparators(folder));
    m_overview->setLoading();
    m_stack->setCurrentWidget(m_overview);
    m_controller->refreshSummary();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Product Integration Hub"),
        tr("<h3>Product Integration Hub %1</h3>"
           "<p>A local-first hub for product managers: adoption, feedback, delivery "
           "and launches from the tools your team already uses.</p>"
           "<p>Built with Qt %2 and QtKeychain. SQLite stores each workspace.</p>")
            .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}
