#include "mainwindow.h"

#include "aboutdialog.h"
#include "activity/activitypage.h"
#include "adoption/adoptionpage.h"
#include "appinfo.h"
#include "companies/companiespage.h"
#include "connections/connectionspage.h"
#include "connections/sourcesmodel.h"
#include "database.h"
#include "feedback/feedbackpage.h"
#include "launchplanspage.h"
#include "overviewpage.h"
#include "preferencesdialog.h"
#include "recentworkspaces.h"
#include "recorddialog.h"
#include "reports/reportspage.h"
#include "searchfield.h"
#include "theme.h"
#include "webhooks/webhookservice.h"
#include "welcomepage.h"
#include "workspacecontroller.h"
#include "workspaceview.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
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
#include <QToolBar>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_controller(new WorkspaceController(this))
    , m_stack(new QStackedWidget(this))
    , m_welcome(new WelcomePage(m_stack))
    , m_overview(new OverviewPage(m_stack))
    , m_workspaceView(new WorkspaceView(m_stack))
    , m_search(new SearchField(this))
    , m_connections(new ConnectionsPage(m_controller, m_workspaceView))
    , m_adoption(new AdoptionPage(m_controller, m_workspaceView))
    , m_feedback(new FeedbackPage(m_controller, m_workspaceView))
    , m_reports(new ReportsPage(m_controller, m_workspaceView))
    , m_plans(new LaunchPlansPage(m_controller, m_workspaceView))
    , m_syncActivity(new QLabel(this))
    , m_statusPath(new QLabel(this))
{
    setWindowTitle(QApplication::applicationDisplayName());
    m_stack->addWidget(m_welcome);
    m_workspaceView->addPage(QStringLiteral("overview"), tr("Overview"), m_overview);
    m_workspaceView->addPage(QStringLiteral("connections"), tr("Connections"), m_connections);
    m_workspaceView->addPage(QStringLiteral("adoption"), tr("Adoption"), m_adoption);
    m_workspaceView->addPage(QStringLiteral("feedback"), tr("Feedback"), m_feedback);
    m_workspaceView->addPage(QStringLiteral("reports"), tr("Reports"), m_reports);
    m_workspaceView->addPage(QStringLiteral("plans"), tr("Launch plans"), m_plans);
    m_workspaceView->addPage(QStringLiteral("companies"), tr("Companies"),
                             new CompaniesPage(m_controller, m_workspaceView));
    m_workspaceView->addPage(QStringLiteral("activity"), tr("Activity"),
                             new ActivityPage(m_controller, m_workspaceView));
    m_stack->addWidget(m_workspaceView);
    createSearch();
    setCentralWidget(m_stack);
    statusBar()->addWidget(m_statusPath, 1);
    statusBar()->addPermanentWidget(m_syncActivity);
    m_syncActivity->setAccessibleName(tr("Sync activity"));
    connect(m_connections, &ConnectionsPage::syncingChanged, this, [this](bool syncing) {
        m_syncActivity->setText(syncing ? tr("Syncing…") : QString());
    });
    // The webhook receiver runs with the window while Preferences has it on.
    m_webhooks = new WebhookService(this);
    m_webhookStatus = new QLabel(this);
    m_webhookStatus->setAccessibleName(tr("Webhook receiver"));
    statusBar()->addPermanentWidget(m_webhookStatus);
    connect(m_webhooks, &WebhookService::statusChanged, m_webhookStatus, &QLabel::setText);
    m_webhooks->apply(WebhookService::storedSettings());
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

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *preferences = edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences->setMenuRole(QAction::PreferencesRole);

    QMenu *sync = menuBar()->addMenu(tr("&Sync"));
    QAction *syncNow = sync->addAction(tr("Sync &Now"), this, [this] {
        m_workspaceView->showPage(QStringLiteral("connections"));
        m_connections->syncAll();
    });
    syncNow->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+S")));
    QAction *cancelSync =
        sync->addAction(tr("&Cancel Sync"), this, [this] { m_connections->cancelSync(); });
    cancelSync->setShortcut(QKeySequence(QStringLiteral("Ctrl+.")));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *guide = help->addAction(tr("&User Guide"), this,
                                     [] { QDesktopServices::openUrl(AppInfo::userGuide()); });
    guide->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("Open &Log Folder"), this, [] {
        QDir().mkpath(AppInfo::logFolder());
        QDesktopServices::openUrl(QUrl::fromLocalFile(AppInfo::logFolder()));
    });
    help->addSeparator();
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
    m_search->setDatabase(m_controller->database());
    m_webhooks->setWorkspace(m_controller->database());
    m_stack->setCurrentWidget(m_workspaceView);
    m_workspaceView->restoreLastPage();
    m_controller->refreshSummary();
}

QWidget *MainWindow::currentPage() const
{
    if (m_stack->currentWidget() != m_workspaceView)
        return m_stack->currentWidget();
    return m_workspaceView->page(m_workspaceView->currentPageId());
}

void MainWindow::createSearch()
{
    QToolBar *bar = addToolBar(tr("Search"));
    bar->setObjectName(QStringLiteral("searchToolBar"));
    bar->setMovable(false);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addWidget(m_search);
    auto *focus = new QAction(tr("Search"), this);
    focus->setShortcut(QKeySequence(QStringLiteral("Ctrl+K")));
    connect(focus, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    addAction(focus);
    connect(m_search, &SearchField::hitActivated, this,
            [this](GlobalSearch::Hit::Kind kind, qint64 id) { showSearchHit(int(kind), id); });
}

void MainWindow::showSearchHit(int kind, qint64 id)
{
    const auto database = m_controller->database();
    if (!database)
        return;
    QString error;
    const auto hitKind = GlobalSearch::Hit::Kind(kind);
    const auto fields = GlobalSearch::details(database->connection(), hitKind, id, &error);
    if (fields.isEmpty()) {
        QMessageBox::warning(this, tr("Search"), error);
        return;
    }
    QString title = GlobalSearch::kindName(hitKind);
    for (const auto &[name, value] : fields) {
        if (name == QLatin1String("name") || name == QLatin1String("title")) {
            title = tr("%1: %2").arg(title, value);
            break;
        }
    }
    RecordDialog dialog(title, fields, this);
    dialog.exec();
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::showPreferences()
{
    // Demo sources hold generated data and never sync, so they have no schedule.
    QList<PreferencesDialog::Source> sources;
    const SourcesModel *model = m_connections->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, SourcesModel::NameColumn);
        if (index.data(SourcesModel::StatusKeyRole).toString() == QLatin1String("demo"))
            continue;
        sources.append({index.data(SourcesModel::SourceIdRole).toLongLong(),
                        index.data(Qt::DisplayRole).toString()});
    }
    PreferencesDialog dialog(m_controller->database() ? m_connections->scheduler() : nullptr,
                             sources, this);
    connect(&dialog, &PreferencesDialog::themeChanged, this, [] { Theme::apply(*qApp); });
    if (dialog.exec() == QDialog::Accepted)
        m_webhooks->apply(WebhookService::storedSettings());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_connections->isSyncing()) {
        // Every committed page stays; only the page in flight is dropped.
        const auto answer = QMessageBox::question(
            this, tr("A sync is running"),
            tr("Stop the sync and quit? What has been synced so far is kept; the next sync "
               "continues from there."),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_connections->cancelSync();
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}
