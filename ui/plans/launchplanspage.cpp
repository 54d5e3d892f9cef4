#include "launchplanspage.h"

#include "assessmentpanel.h"
#include "banner.h"
#include "database.h"
#include "databasewriter.h"
#include "dependencymodel.h"
#include "exportactions.h"
#include "gantteditor.h"
#include "ganttmodel.h"
#include "gantttreeview.h"
#include "ganttview.h"
#include "launch/launchcoordinator.h"
#include "launch/planjson.h"
#include "newplandialog.h"
#include "planautosaver.h"
#include "planloader.h"
#include "sharebutton.h"
#include "workspacecontroller.h"

#include <QAction>
#include <QCalendarWidget>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QWidgetAction>

using Launch::ItemKind;
using Launch::TimeScale;

namespace {

const QString SplitterKey = QStringLiteral("plans/splitter");
const QString ChartSplitterKey = QStringLiteral("plans/chartSplitter");
const QString TreeHeaderKey = QStringLiteral("plans/treeHeader");
const QString ZoomKey = QStringLiteral("plans/zoom");
const QString LastPlanKey = QStringLiteral("plans/lastPlan");
const QString FolderKey = QStringLiteral("plans/lastFolder");

enum StackPage { NoWorkspace, NoPlans, Editor };

QToolButton *toolButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(true);
    button->setAccessibleName(action->text().remove(QLatin1Char('&')));
    return button;
}

QString planLabel(const Launch::PlanSummary &plan)
{
    return LaunchPlansPage::tr("%1 · launches %2")
        .arg(plan.name, QLocale().toString(plan.launchDate, QLocale::ShortFormat));
}

} // namespace

LaunchPlansPage::LaunchPlansPage(WorkspaceController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_today(QDate::currentDate())
    , m_undo(new QUndoStack(this))
    , m_model(new GanttModel(this))
    , m_editor(new GanttEditor(m_model, m_undo, this))
    , m_dependencies(new DependencyModel(m_model, this))
    , m_loader(new PlanLoader(this))
    , m_autosaver(new PlanAutosaver(this))
    , m_stack(new QStackedWidget(this))
    , m_banner(new Banner(this))
    , m_chooser(new QComboBox(this))
    , m_saveState(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_zoom(new QComboBox(this))
    , m_launchButton(new QToolButton(this))
    , m_noPlans(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_chartSplitter(new QSplitter(Qt::Horizontal, m_splitter))
    , m_tree(new GanttTreeView(m_chartSplitter))
    , m_gantt(new GanttView(m_chartSplitter))
    , m_panel(new AssessmentPanel(m_splitter))
{
    setAccessibleName(tr("Launch plans"));
    m_undo->setUndoLimit(500);
    m_loader->setToday(m_today);
    createActions();

    auto *title = new QLabel(tr("Launch plans"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);

    m_chooser->setAccessibleName(tr("Launch plan"));
    m_chooser->setMinimumContentsLength(28);
    m_chooser->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(80);
    m_busy->setMaximumHeight(6);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Loading"));
    m_busy->hide();
    m_saveState->setAccessibleName(tr("Save state"));

    auto *header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(title);
    header->addSpacing(16);
    header->addWidget(m_chooser);
    header->addWidget(toolButton(m_newPlan, this));
    header->addStretch();
    header->addWidget(m_busy);
    header->addWidget(m_saveState);

    m_tree->setModel(m_model);
    m_tree->setRowHeight(m_gantt->rowHeight());
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_gantt->setEditor(m_editor);
    m_gantt->setTreeView(m_tree);
    m_gantt->setToday(m_today);
    for (QAction *action : {m_addTask, m_addMilestone, m_addPhase, m_rename, m_delete}) {
        m_tree->addAction(action);
        m_gantt->addAction(action);
    }
    m_panel->setDependencyModel(m_dependencies);

    m_chartSplitter->addWidget(m_tree);
    m_chartSplitter->addWidget(m_gantt);
    m_chartSplitter->setStretchFactor(0, 0);
    m_chartSplitter->setStretchFactor(1, 1);
    m_chartSplitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_chartSplitter);
    m_splitter->addWidget(m_panel);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    m_splitter->setChildrenCollapsible(false);
    const QSettings settings;
    if (!m_splitter->restoreState(settings.value(SplitterKey).toByteArray()))
        m_splitter->setSizes({1100, 340});
    if (!m_chartSplitter->restoreState(settings.value(ChartSplitterKey).toByteArray()))
        m_chartSplitter->setSizes({fontMetrics().averageCharWidth() * 70, 700});
    connect(m_splitter, &QSplitter::splitterMoved, this,
            [this] { QSettings().setValue(SplitterKey, m_splitter->saveState()); });
    connect(m_chartSplitter, &QSplitter::splitterMoved, this,
            [this] { QSettings().setValue(ChartSplitterKey, m_chartSplitter->saveState()); });
    const int em = fontMetrics().averageCharWidth();
    m_tree->setColumnWidth(GanttModel::Name, em * 31);
    m_tree->setColumnWidth(GanttModel::Owner, em * 11);
    m_tree->setColumnWidth(GanttModel::Start, em * 9);
    m_tree->setColumnWidth(GanttModel::End, em * 9);
    m_tree->setColumnWidth(GanttModel::Progress, em * 9);
    m_tree->header()->restoreState(settings.value(TreeHeaderKey).toByteArray());
    connect(m_tree->header(), &QHeaderView::sectionResized, this,
            [this] { QSettings().setValue(TreeHeaderKey, m_tree->header()->saveState()); });

    auto *editorPage = new QWidget(m_stack);
    auto *editorLayout = new QVBoxLayout(editorPage);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(8);
    editorLayout->addWidget(createToolbar());
    auto *frame = new QFrame(editorPage);
    frame->setFrameShape(QFrame::StyledPanel);
    auto *frameLayout = new QVBoxLayout(frame);
    frameLayout->setContentsMargins(1, 1, 1, 1);
    frameLayout->addWidget(m_splitter);
    editorLayout->addWidget(frame, 1);

    auto *empty = new QLabel(tr("<h3>No workspace is open</h3><p>Open or create a workspace to "
                                "plan launches here: a timeline of phases, tasks and milestones, "
                                "checked against the campaigns and messaging of the launch.</p>"),
                             m_stack);
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setAccessibleName(tr("No workspace is open"));

    auto *noPlansPage = new QWidget(m_stack);
    auto *noPlansLayout = new QVBoxLayout(noPlansPage);
    m_noPlans->setText(tr("<h3>No launch plans yet</h3><p>A launch plan lays out the weeks "
                          "around a launch day: preparation, launch week and follow-through, "
                          "with milestones and dependencies, checked against the launch's "
                          "campaigns and messaging.</p>"));
    m_noPlans->setWordWrap(true);
    m_noPlans->setAlignment(Qt::AlignCenter);
    auto *create = new QPushButton(tr("Create a launch plan…"), noPlansPage);
    connect(create, &QPushButton::clicked, this, &LaunchPlansPage::askNewPlan);
    auto *importButton = new QPushButton(tr("Import a JSON review copy…"), noPlansPage);
    connect(importButton, &QPushButton::clicked, this, &LaunchPlansPage::askImport);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(create);
    buttons->addWidget(importButton);
    buttons->addStretch();
    noPlansLayout->addStretch();
    noPlansLayout->addWidget(m_noPlans);
    noPlansLayout->addLayout(buttons);
    noPlansLayout->addStretch();

    m_stack->insertWidget(NoWorkspace, empty);
    m_stack->insertWidget(NoPlans, noPlansPage);
    m_stack->insertWidget(Editor, editorPage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);

    connect(m_chooser, &QComboBox::activated, this,
            [this](int index) { openPlan(m_chooser->itemData(index).toLongLong()); });
    connect(m_loader, &PlanLoader::listed, this, &LaunchPlansPage::showPlans);
    connect(m_loader, &PlanLoader::loaded, this, &LaunchPlansPage::showPlan);
    connect(m_loader, &PlanLoader::failed, this,
            [this](const QString &error) { m_banner->showMessage(error, Banner::Kind::Error); });
    connect(m_loader, &PlanLoader::busyChanged, m_busy, &QWidget::setVisible);
    connect(m_autosaver, &PlanAutosaver::stateChanged, this, &LaunchPlansPage::updateSaveState);
    connect(m_autosaver, &PlanAutosaver::saved, this, [this](const Launch::LaunchPlan &plan) {
        // Keep the chooser's label in step with renames and re-basing.
        const int index = m_chooser->findData(plan.id);
        if (index >= 0) {
            Launch::PlanSummary summary{plan.id,         plan.product, plan.name,
                                        plan.launchDate, plan.status,  int(plan.items.size())};
            m_chooser->setItemText(index, planLabel(summary));
        }
    });
    connect(m_model, &GanttModel::planChanged, this, &LaunchPlansPage::planEdited);
    connect(m_gantt, &GanttView::problem, this,
            [this](const QString &message) { m_banner->showMessage(message, Banner::Kind::Info); });
    connect(m_gantt, &GanttView::zoomChanged, this, [this](TimeScale::Zoom zoom) {
        m_zoom->setCurrentIndex(int(zoom));
        QSettings().setValue(ZoomKey, int(zoom));
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &LaunchPlansPage::updateActions);
    if (m_controller)
        connect(m_controller, &WorkspaceController::opened, this, &LaunchPlansPage::openWorkspace);
    updateSaveState();
    openWorkspace();
}

LaunchPlansPage::~LaunchPlansPage()
{
    // Leaving for good: what was edited is written before the page goes.
    QString error;
    if (!m_autosaver->flushAndWait(&error))
        qWarning("Could not save the launch plan: %s", qPrintable(error));
}

void LaunchPlansPage::createActions()
{
    const auto make = [this](const QString &text, const QKeySequence &key, const QString &tip,
                             auto slot) {
        auto *action = new QAction(text, this);
        if (!key.isEmpty())
            action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(
            key.isEmpty() ? tip : tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    m_addTask = make(tr("Add &task"), QKeySequence(Qt::Key_Insert), tr("Add a task"),
                     [this] { addItem(int(ItemKind::Task)); });
    m_addMilestone = make(tr("Add &milestone"), QKeySequence(Qt::SHIFT | Qt::Key_Insert),
                          tr("Add a milestone"), [this] { addItem(int(ItemKind::Milestone)); });
    m_addPhase = make(tr("Add &phase"), QKeySequence(Qt::CTRL | Qt::Key_Insert), tr("Add a phase"),
                      [this] { addItem(int(ItemKind::Phase)); });
    m_rename = make(tr("&Rename"), QKeySequence(Qt::Key_F2), tr("Rename the selected item"),
                    [this] { renameSelected(); });
    m_delete = make(tr("&Delete"), QKeySequence(QKeySequence::Delete),
                    tr("Delete the selected item"), [this] { deleteSelected(); });
    m_todayAction = make(tr("T&oday"), QKeySequence(Qt::Key_T), tr("Jump to today"),
                         [this] { m_gantt->scrollToToday(); });
    m_zoomIn = make(tr("Zoom &in"), QKeySequence(Qt::CTRL | Qt::Key_Equal), tr("Zoom in"),
                    [this] { m_gantt->zoomIn(); });
    m_zoomIn->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus)});
    m_zoomOut = make(tr("Zoom &out"), QKeySequence(Qt::CTRL | Qt::Key_Minus), tr("Zoom out"),
                     [this] { m_gantt->zoomOut(); });
    m_baseline = make(tr("Set &baseline"), QKeySequence(),
                      tr("Keep today's dates as the baseline to compare the plan against"),
                      [this] { m_editor->setBaseline(); });
    m_clearBaseline = make(tr("Clear baseline"), QKeySequence(), tr("Forget the baseline"),
                           [this] { m_editor->clearBaseline(); });
    m_export = make(tr("Review Copy for Re-&import (JSON)…"), QKeySequence(),
                    tr("Save the plan as a JSON review copy that can be imported again"),
                    [this] { askExport(); });
    m_import =
        make(tr("&Import…"), QKeySequence(),
             tr("Add a plan from a JSON review copy to the workspace"), [this] { askImport(); });
    m_newPlan = make(tr("&New plan…"), QKeySequence(), tr("Create a launch plan"),
                     [this] { askNewPlan(); });

    QAction *undo = m_undo->createUndoAction(this, tr("Undo"));
    undo->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Z)});
    QAction *redo = m_undo->createRedoAction(this, tr("Redo"));
    redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    for (QAction *action : {undo, redo}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
}

QWidget *LaunchPlansPage::createShareButton(QWidget *parent)
{
    // Stakeholders get the plan as stored, so pending edits are saved before any export.
    auto *share = new ShareButton(this, tr("Export the plan as a PDF for stakeholders, as CSV, "
                                           "or as a review copy"));
    share->setParent(parent);
    m_sharePdf = share->addExport(tr("Plan as &PDF…"), QKeySequence(Qt::CTRL | Qt::Key_E));
    m_sharePreview = share->addExport(tr("Print pre&view of the Plan…"), QKeySequence::Print);
    m_shareCsv = share->addExport(tr("Phases and Tasks as &CSV…"),
                                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    share->menu()->addSeparator();
    share->menu()->addAction(m_export);
    const auto saved = [this] {
        QString error;
        if (m_showingPlan && m_autosaver->flushAndWait(&error))
            return true;
        if (!error.isEmpty())
            m_banner->showMessage(
                tr("The plan could not be saved, so it was not exported: %1").arg(error),
                Banner::Kind::Error);
        return false;
    };
    const auto workspaceName = [this] {
        return m_database ? m_database->workspace().displayName() : QString();
    };
    connect(m_sharePdf, &QAction::triggered, this, [this, saved, workspaceName] {
        if (saved())
            ExportActions::exportLaunchPlanPdf(this, m_database, m_model->plan().id,
                                               m_model->plan().name, workspaceName(), m_today);
    });
    connect(m_sharePreview, &QAction::triggered, this, [this, saved, workspaceName] {
        if (saved())
            ExportActions::previewLaunchPlan(this, m_database, m_model->plan().id, workspaceName(),
                                             m_today);
    });
    connect(m_shareCsv, &QAction::triggered, this, [this, saved] {
        if (saved())
            ExportActions::exportLaunchPlanCsv(this, m_database, m_model->plan().id,
                                               m_model->plan().name);
    });
    return share;
}

QWidget *LaunchPlansPage::createToolbar()
{
    // A tool bar rather than a row of buttons: in a narrow window what does not fit moves to
    // its overflow menu instead of widening the page.
    auto *bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->setAccessibleName(tr("Plan tools"));
    auto *layout = bar;

    QAction *undo = nullptr;
    QAction *redo = nullptr;
    for (QAction *action : actions()) {
        if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_Z))
            undo = action;
        else if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z))
            redo = action;
    }
    layout->addWidget(toolButton(m_addPhase, bar));
    layout->addWidget(toolButton(m_addTask, bar));
    layout->addWidget(toolButton(m_addMilestone, bar));
    layout->addWidget(toolButton(m_delete, bar));
    layout->addSeparator();
    if (undo && redo) {
        layout->addWidget(toolButton(undo, bar));
        layout->addWidget(toolButton(redo, bar));
        layout->addSeparator();
    }
    m_zoom->addItems({tr("Days"), tr("Weeks"), tr("Months"), tr("Quarters")});
    m_zoom->setAccessibleName(tr("Zoom"));
    m_zoom->setToolTip(tr("Zoom (Ctrl+wheel, Ctrl+= and Ctrl+-)"));
    const int zoom = qBound(0, QSettings().value(ZoomKey, 0).toInt(), 3);
    m_zoom->setCurrentIndex(zoom);
    m_gantt->setZoom(TimeScale::Zoom(zoom));
    connect(m_zoom, &QComboBox::activated, this,
            [this](int index) { m_gantt->setZoom(TimeScale::Zoom(index)); });
    layout->addWidget(m_zoom);
    layout->addWidget(toolButton(m_todayAction, bar));
    layout->addSeparator();

    auto *baselineButton = toolButton(m_baseline, bar);
    auto *baselineMenu = new QMenu(baselineButton);
    baselineMenu->addAction(m_clearBaseline);
    baselineButton->setMenu(baselineMenu);
    baselineButton->setPopupMode(QToolButton::MenuButtonPopup);
    layout->addWidget(baselineButton);

    // Re-basing is picking another launch day, right in the toolbar.
    m_launchButton->setPopupMode(QToolButton::InstantPopup);
    m_launchButton->setAutoRaise(true);
    m_launchButton->setToolTip(tr("Move the whole plan to another launch date"));
    auto *launchMenu = new QMenu(m_launchButton);
    auto *calendar = new QCalendarWidget(launchMenu);
    calendar->setAccessibleName(tr("New launch date"));
    auto *calendarAction = new QWidgetAction(launchMenu);
    calendarAction->setDefaultWidget(calendar);
    launchMenu->addSection(tr("Re-base on a new launch date"));
    launchMenu->addAction(calendarAction);
    connect(launchMenu, &QMenu::aboutToShow, this,
            [this, calendar] { calendar->setSelectedDate(m_model->plan().launchDate); });
    connect(calendar, &QCalendarWidget::activated, this, [this, launchMenu](const QDate &date) {
        launchMenu->close();
        m_editor->rebase(date);
    });
    m_launchButton->setMenu(launchMenu);
    layout->addWidget(m_launchButton);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    layout->addWidget(spacer);
    layout->addWidget(toolButton(m_import, bar));
    layout->addWidget(createShareButton(bar));
    return bar;
}

void LaunchPlansPage::setToday(const QDate &today)
{
    m_today = today;
    m_loader->setToday(today);
    m_gantt->setToday(today);
    assess();
}

bool LaunchPlansPage::isBusy() const
{
    return m_loader->isBusy() || !m_autosaver->isIdle();
}

qint64 LaunchPlansPage::currentPlanId() const
{
    return m_showingPlan ? m_model->plan().id : 0;
}

void LaunchPlansPage::openWorkspace()
{
    const std::shared_ptr<Database> database =
        m_controller ? m_controller->database() : std::shared_ptr<Database>();
    if (database == m_database && (m_showingPlan || !database))
        return;
    QString error;
    if (!m_autosaver->flushAndWait(&error))
        m_banner->showMessage(tr("The last edits of the plan could not be saved: %1").arg(error),
                              Banner::Kind::Error);
    m_database = database;
    m_loader->setDatabase(database);
    m_autosaver->setDatabase(database);
    m_showingPlan = false;
    m_undo->clear();
    m_context.reset();
    m_model->setPlan(Launch::LaunchPlan());
    m_chooser->clear();
    m_plans.clear();
    m_panel->showNothing(tr("Open a launch plan to see whether it is ready."));
    m_banner->hide();
    updateActions();
    updateLaunchButton();
    if (!m_database) {
        m_stack->setCurrentIndex(NoWorkspace);
        m_chooser->setEnabled(false);
        m_newPlan->setEnabled(false);
        return;
    }
    m_newPlan->setEnabled(true);
    m_stack->setCurrentIndex(m_plans.isEmpty() ? NoPlans : Editor);
    m_loader->list();
}

void LaunchPlansPage::reload()
{
    if (m_database)
        m_loader->list();
    else
        openWorkspace();
}

void LaunchPlansPage::showPlans(const QList<Launch::PlanSummary> &plans)
{
    m_plans = plans;
    m_chooser->clear();
    for (const Launch::PlanSummary &plan : plans)
        m_chooser->addItem(planLabel(plan), plan.id);
    m_chooser->setEnabled(!plans.isEmpty());
    Q_EMIT plansListed();
    if (plans.isEmpty()) {
        m_stack->setCurrentIndex(NoPlans);
        return;
    }
    m_stack->setCurrentIndex(Editor);
    qint64 wanted = m_pendingOpen ? m_pendingOpen : currentPlanId();
    if (!wanted)
        wanted = QSettings().value(LastPlanKey).toLongLong();
    int index = m_chooser->findData(wanted);
    if (index < 0)
        index = 0;
    m_chooser->setCurrentIndex(index);
    const qint64 id = m_chooser->itemData(index).toLongLong();
    if (id != currentPlanId())
        openPlan(id);
}

void LaunchPlansPage::openPlan(qint64 planId)
{
    if (!m_database || planId <= 0)
        return;
    m_autosaver->flush();
    m_pendingOpen = planId;
    const int index = m_chooser->findData(planId);
    if (index >= 0)
        m_chooser->setCurrentIndex(index);
    m_loader->load(planId);
}

void LaunchPlansPage::showPlan(const Launch::LaunchPlan &plan, const Launch::LaunchContext &context)
{
    // Edits of the previous plan were flushed when it was left; its steps cannot be undone
    // on another plan.
    m_pendingOpen = 0;
    m_showingPlan = false;
    m_undo->clear();
    m_context = context;
    m_model->setPlan(plan);
    m_showingPlan = true;
    m_tree->expandAll();
    m_stack->setCurrentIndex(Editor);
    QSettings().setValue(LastPlanKey, plan.id);
    const QDate focus =
        m_today >= plan.launchDate.addDays(-45) && m_today <= plan.launchDate.addDays(45)
            ? m_today
            : plan.launchDate;
    m_gantt->scrollToDate(focus.addDays(-7));
    updateActions();
    updateLaunchButton();
    updateSaveState();
    assess();
    Q_EMIT planOpened(plan.id);
}

void LaunchPlansPage::planEdited()
{
    if (!m_showingPlan)
        return;
    m_autosaver->planEdited(m_model->plan());
    updateActions();
    updateLaunchButton();
    assess();
}

void LaunchPlansPage::assess()
{
    if (!m_showingPlan || !m_context)
        return;
    m_panel->showAssessment(
        Launch::LaunchCoordinator::assess(m_model->plan(), *m_context, m_today));
    Q_EMIT assessed();
}

void LaunchPlansPage::updateSaveState()
{
    QString text;
    QString colour = QStringLiteral("palette(placeholder-text)");
    switch (m_autosaver->state()) {
    case PlanAutosaver::State::Saved:
        text = m_showingPlan ? tr("✔ Saved") : QString();
        break;
    case PlanAutosaver::State::Pending:
    case PlanAutosaver::State::Saving:
        text = tr("Saving…");
        break;
    case PlanAutosaver::State::Failed:
        text = tr("Not saved");
        colour = QStringLiteral("#d93f3f");
        m_banner->showMessage(tr("The plan could not be saved: %1. Your edits are kept and "
                                 "saving is tried again with the next edit.")
                                  .arg(m_autosaver->error()),
                              Banner::Kind::Error);
        break;
    }
    m_saveState->setText(text);
    m_saveState->setStyleSheet(QStringLiteral("color: %1;").arg(colour));
}

QString LaunchPlansPage::saveStateText() const
{
    return m_saveState->text();
}

int LaunchPlansPage::selectedItem() const
{
    return m_model->itemId(m_tree->currentIndex());
}

void LaunchPlansPage::updateActions()
{
    const bool plan = m_showingPlan;
    const bool selected = plan && selectedItem() != 0;
    for (QAction *action :
         {m_addPhase, m_addTask, m_addMilestone, m_todayAction, m_zoomIn, m_zoomOut, m_baseline,
          m_export, m_sharePdf, m_sharePreview, m_shareCsv})
        action->setEnabled(plan);
    m_rename->setEnabled(selected);
    m_delete->setEnabled(selected);
    m_clearBaseline->setEnabled(plan && m_editor->hasBaseline());
    m_import->setEnabled(m_database != nullptr);
    m_launchButton->setEnabled(plan);
}

void LaunchPlansPage::updateLaunchButton()
{
    const QDate date = m_model->plan().launchDate;
    m_launchButton->setText(
        date.isValid() ? tr("Launch: %1").arg(QLocale().toString(date, QLocale::ShortFormat))
                       : tr("Launch date"));
    m_launchButton->setAccessibleName(m_launchButton->text());
}

void LaunchPlansPage::addItem(int kind)
{
    if (!m_showingPlan)
        return;
    const int id = m_editor->addItem(ItemKind(kind), selectedItem());
    const QModelIndex index = m_model->indexOfItem(id);
    if (!index.isValid())
        return;
    if (index.parent().isValid())
        m_tree->expand(index.parent());
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    m_tree->setFocus();
    m_tree->edit(index);
}

void LaunchPlansPage::deleteSelected()
{
    const int id = selectedItem();
    if (!id)
        return;
    const QModelIndex below = m_tree->indexBelow(m_tree->currentIndex());
    const QModelIndex above = m_tree->indexAbove(m_tree->currentIndex());
    const int next = m_model->itemId(below.isValid() ? below : above);
    m_editor->removeItem(id);
    const QModelIndex index = m_model->indexOfItem(next);
    if (index.isValid())
        m_tree->setCurrentIndex(index);
}

void LaunchPlansPage::renameSelected()
{
    const QModelIndex index = m_tree->currentIndex().siblingAtColumn(GanttModel::Name);
    if (!index.isValid())
        return;
    m_tree->setFocus();
    m_tree->edit(index);
}

void LaunchPlansPage::hideEvent(QHideEvent *event)
{
    // Leaving the page saves at once rather than after the delay.
    m_autosaver->flush();
    QWidget::hideEvent(event);
}

void LaunchPlansPage::askNewPlan()
{
    if (!m_database)
        return;
    NewPlanDialog dialog(m_today, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    createPlan(dialog.product(), dialog.name(), dialog.launchDate());
}

void LaunchPlansPage::createPlan(const QString &product, const QString &name,
                                 const QDate &launchDate)
{
    Launch::LaunchPlan plan = Launch::LaunchCoordinator::defaultPlan(product, launchDate, {});
    plan.name = name;
    if (plan.status.isEmpty())
        plan.status = QStringLiteral("draft");
    storeNewPlan(plan, tr("Created “%1”.").arg(name));
}

void LaunchPlansPage::storeNewPlan(Launch::LaunchPlan plan, const QString &doneMessage)
{
    if (!m_database)
        return;
    m_autosaver->flush();
    plan.id = 0;
    auto stored = std::make_shared<Launch::LaunchPlan>(plan);
    m_database->writer()->submit(
        [stored](QSqlDatabase &db, QString *error) {
            return Launch::PlanStore(db).save(*stored, error);
        },
        this,
        [this, stored, doneMessage](const WriteResult &result) {
            if (!result.ok) {
                m_banner->showMessage(tr("The plan was not added: %1").arg(result.error),
                                      Banner::Kind::Error);
                return;
            }
            m_banner->showMessage(doneMessage, Banner::Kind::Info);
            m_pendingOpen = stored->id;
            m_loader->list();
        });
}

bool LaunchPlansPage::exportJson(const QString &path, QString *error)
{
    if (!m_showingPlan) {
        *error = tr("No plan is open.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    file.write(Launch::PlanJson::toJson(m_model->plan(), m_context ? &*m_context : nullptr));
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool LaunchPlansPage::importJson(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    const QByteArray data = file.readAll();
    QString problem;
    // Read here first so that a bad file is refused at once, with its reason.
    const std::optional<Launch::LaunchPlan> plan = Launch::PlanJson::fromJson(data, &problem);
    if (!plan) {
        *error = tr("%1 is not a launch plan this version can read: %2")
                     .arg(QDir::toNativeSeparators(path), problem);
        return false;
    }
    if (!m_database) {
        *error = tr("Open a workspace to import the plan into.");
        return false;
    }
    m_autosaver->flush();
    auto imported = std::make_shared<Launch::PlanJson::ImportResult>();
    const QString name = plan->name;
    m_database->writer()->submit(
        [data, imported](QSqlDatabase &db, QString *message) {
            std::optional<Launch::PlanJson::ImportResult> result =
                Launch::PlanJson::importPlan(db, data, message);
            if (!result)
                return false;
            *imported = *result;
            return true;
        },
        this,
        [this, imported, name](const WriteResult &result) {
            if (!result.ok) {
                m_banner->showMessage(tr("“%1” was not imported: %2").arg(name, result.error),
                                      Banner::Kind::Error);
                return;
            }
            QString message = tr("Imported “%1”.").arg(name);
            for (const QString &note : std::as_const(imported->notes))
                message += QLatin1Char(' ') + note;
            m_banner->showMessage(message, Banner::Kind::Info);
            m_pendingOpen = imported->plan.id;
            m_loader->list();
            Q_EMIT planImported(imported->plan.id);
        });
    return true;
}

void LaunchPlansPage::askExport()
{
    if (!m_showingPlan)
        return;
    QSettings settings;
    const QString folder =
        settings
            .value(FolderKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .toString();
    QString suggested = m_model->plan().name;
    suggested.replace(QLatin1Char('/'), QLatin1Char('-'));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the launch plan"),
                                                      folder + QLatin1Char('/') + suggested +
                                                          QStringLiteral(".json"),
                                                      tr("Launch plan (*.json)"));
    if (path.isEmpty())
        return;
    settings.setValue(FolderKey, QFileInfo(path).absolutePath());
    QString error;
    if (exportJson(path, &error))
        m_banner->showMessage(tr("Exported to %1.").arg(QDir::toNativeSeparators(path)),
                              Banner::Kind::Info);
    else
        m_banner->showMessage(error, Banner::Kind::Error);
}

void LaunchPlansPage::askImport()
{
    if (!m_database)
        return;
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import a launch plan"),
        settings
            .value(FolderKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .toString(),
        tr("Launch plan (*.json)"));
    if (path.isEmpty())
        return;
    settings.setValue(FolderKey, QFileInfo(path).absolutePath());
    QString error;
    if (!importJson(path, &error))
        m_banner->showMessage(error, Banner::Kind::Error);
}
