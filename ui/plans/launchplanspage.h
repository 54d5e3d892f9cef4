#pragma once

#include "launch/launchcontext.h"
#include "launch/planstore.h"

#include <QDate>
#include <QWidget>

#include <memory>

class AssessmentPanel;
class Banner;
class Database;
class DependencyModel;
class GanttEditor;
class GanttModel;
class GanttTreeView;
class GanttView;
class PlanAutosaver;
class PlanLoader;
class QAction;
class QComboBox;
class QLabel;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QToolButton;
class QUndoStack;
class WorkspaceController;

// The Launch plans page: pick a plan, edit its timeline in the Gantt editor (undoable, saved
// to the workspace as you go), and see beside it whether the launch is ready, what stands in
// the way and what to do about it.
class LaunchPlansPage : public QWidget
{
    Q_OBJECT
public:
    explicit LaunchPlansPage(WorkspaceController *controller, QWidget *parent = nullptr);
    ~LaunchPlansPage() override;

    // The day the chart and the coordinator treat as today (the local date by default).
    void setToday(const QDate &today);
    QDate today() const { return m_today; }

    // Reads the list of plans again.
    void reload();
    void openPlan(qint64 planId);
    qint64 currentPlanId() const;
    QList<Launch::PlanSummary> plans() const { return m_plans; }
    bool isBusy() const;

    // Writes the open plan as a JSON review copy; false with error set on failure.
    bool exportJson(const QString &path, QString *error);
    // Reads a JSON review copy and adds it to the workspace as a new plan (then opens it);
    // false with error set when the file cannot be read (nothing is changed then).
    bool importJson(const QString &path, QString *error);
    void createPlan(const QString &product, const QString &name, const QDate &launchDate);

    GanttModel *model() const { return m_model; }
    GanttEditor *editor() const { return m_editor; }
    GanttView *ganttView() const { return m_gantt; }
    GanttTreeView *treeView() const { return m_tree; }
    DependencyModel *dependencyModel() const { return m_dependencies; }
    AssessmentPanel *assessmentPanel() const { return m_panel; }
    PlanAutosaver *autosaver() const { return m_autosaver; }
    QUndoStack *undoStack() const { return m_undo; }
    QComboBox *planChooser() const { return m_chooser; }
    Banner *banner() const { return m_banner; }
    QString saveStateText() const;

Q_SIGNALS:
    void plansListed();
    void planOpened(qint64 planId);
    // The side panel shows the assessment of the plan as it is now.
    void assessed();
    // A JSON review copy was added to the workspace as planId.
    void planImported(qint64 planId);

protected:
    void hideEvent(QHideEvent *event) override;

private:
    void createActions();
    QWidget *createToolbar();
    void openWorkspace();
    void showPlans(const QList<Launch::PlanSummary> &plans);
    void showPlan(const Launch::LaunchPlan &plan, const Launch::LaunchContext &context);
    void planEdited();
    void assess();
    void updateSaveState();
    void updateActions();
    void updateLaunchButton();
    void addItem(int kind);
    void deleteSelected();
    void renameSelected();
    void askNewPlan();
    void askExport();
    QWidget *createShareButton(QWidget *parent);
    void askImport();
    void storeNewPlan(Launch::LaunchPlan plan, const QString &doneMessage);
    int selectedItem() const;

    WorkspaceController *m_controller;
    std::shared_ptr<Database> m_database;
    QDate m_today;
    QList<Launch::PlanSummary> m_plans;
    std::optional<Launch::LaunchContext> m_context;
    qint64 m_pendingOpen = 0;
    bool m_showingPlan = false;

    QUndoStack *m_undo;
    GanttModel *m_model;
    GanttEditor *m_editor;
    DependencyModel *m_dependencies;
    PlanLoader *m_loader;
    PlanAutosaver *m_autosaver;

    QStackedWidget *m_stack;
    Banner *m_banner;
    QComboBox *m_chooser;
    QLabel *m_saveState;
    QProgressBar *m_busy;
    QComboBox *m_zoom;
    QToolButton *m_launchButton;
    QLabel *m_noPlans;
    QSplitter *m_splitter;
    QSplitter *m_chartSplitter;
    GanttTreeView *m_tree;
    GanttView *m_gantt;
    AssessmentPanel *m_panel;

    QAction *m_addPhase = nullptr;
    QAction *m_addTask = nullptr;
    QAction *m_addMilestone = nullptr;
    QAction *m_rename = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_todayAction = nullptr;
    QAction *m_zoomIn = nullptr;
    QAction *m_zoomOut = nullptr;
    QAction *m_baseline = nullptr;
    QAction *m_clearBaseline = nullptr;
    QAction *m_export = nullptr;
    QAction *m_sharePdf = nullptr;
    QAction *m_sharePreview = nullptr;
    QAction *m_shareCsv = nullptr;
    QAction *m_import = nullptr;
    QAction *m_newPlan = nullptr;
};
