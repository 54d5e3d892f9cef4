// The Gantt editor driven as a user would: mouse drags on the chart, the dependency menu,
// zoom, undo and redo, and the autosave to a workspace.

#include "database.h"
#include "gantteditor.h"
#include "ganttmodel.h"
#include "gantttreeview.h"
#include "ganttview.h"
#include "launch/planstore.h"
#include "planautosaver.h"
#include "testworkspace.h"
#include "tst_ganttplan.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QHelpEvent>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <QUndoStack>

using Launch::TimeScale;

namespace {

struct Editor
{
    Editor()
        : editor(&model, &undo)
    {
        auto *layout = new QHBoxLayout(&window);
        layout->setContentsMargins(0, 0, 0, 0);
        tree = new GanttTreeView(&window);
        view = new GanttView(&window);
        layout->addWidget(tree);
        layout->addWidget(view, 1);
        model.setPlan(GanttTestPlan::small());
        tree->setModel(&model);
        tree->setRowHeight(view->rowHeight());
        view->setEditor(&editor);
        view->setTreeView(tree);
        view->setToday(QDate(2026, 3, 2));
        tree->expandAll();
        window.resize(1400, 500);
        window.show();
        view->scrollToDate(QDate(2026, 2, 14));
    }

    // Drags with the left button from one viewport point to another in a few steps.
    void drag(const QPointF &from, const QPointF &to)
    {
        QWidget *viewport = view->viewport();
        QTest::mousePress(viewport, Qt::LeftButton, {}, from.toPoint());
        for (int step = 1; step <= 4; ++step)
            QTest::mouseMove(viewport, (from + (to - from) * step / 4.0).toPoint());
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, to.toPoint());
    }

    QWidget window;
    GanttModel model;
    QUndoStack undo;
    GanttEditor editor;
    GanttTreeView *tree = nullptr;
    GanttView *view = nullptr;
};

} // namespace

class TestGanttEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rowsLineUpWithTheTree();
    void dragMovesABarSnappingToDays();
    void draggingAPhaseMovesItsContents();
    void dragTheEndsToResize();
    void drawADependencyAndChooseItsType();
    void violatedDependencyIsRedWithItsReason();
    void zoomLevels();
    void baselineStaysWhenThePlanMoves();
    void autosaveWritesThePlan();
    void aFailedSaveKeepsTheEdit();
};

void TestGanttEditor::rowsLineUpWithTheTree()
{
    Editor e;
    QVERIFY(QTest::qWaitForWindowExposed(&e.window));
    QCOMPARE(e.tree->header()->height(), e.view->headerHeight());
    for (int id : {1, 2, 3, 4, 5, 6, 7}) {
        const QRect row = e.tree->visualRect(e.model.indexOfItem(id));
        const QRectF bar = e.view->barRect(id);
        QVERIFY2(bar.center().y() > row.top() && bar.center().y() < row.bottom(),
                 qPrintable(QStringLiteral("item %1").arg(id)));
    }
    // Scrolling either side scrolls both.
    e.window.resize(1400, 200);
    QTRY_VERIFY(e.tree->verticalScrollBar()->maximum() > 0);
    e.view->verticalScrollBar()->setValue(e.view->rowHeight());
    QCOMPARE(e.tree->verticalScrollBar()->value(), e.view->rowHeight());
    const QRect row = e.tree->visualRect(e.model.indexOfItem(3));
    QVERIFY(e.view->barRect(3).center().y() > row.top());
    QVERIFY(e.view->barRect(3).center().y() < row.bottom());
}

void TestGanttEditor::dragMovesABarSnappingToDays()
{
    Editor e;
    QVERIFY(QTest::qWaitForWindowExposed(&e.window));
    const Launch::LaunchPlan original = e.model.plan();
    const double day = e.view->timeScale().dayWidth();
    const QRectF bar = e.view->barRect(2);
    // 3.4 days to the right snaps to 3 days.
    e.drag(bar.center(), bar.center() + QPointF(3.4 * day, 3));
    QCOMPARE(e.model.plan().item(2)->start, original.item(2)->start.addDays(3));
    QCOMPARE(e.model.plan().item(2)->end, original.item(2)->end.addDays(3));
    QCOMPARE(e.undo.count(), 1); // the moves of one drag are one step
    QCOMPARE(e.view->barRect(2).left(), bar.left() + 3 * day);
    e.undo.undo();
    QCOMPARE(e.model.plan(), original);
    e.undo.redo();
    QCOMPARE(e.model.plan().item(2)->start, original.item(2)->start.addDays(3));

    // Back to the left: 1.6 days snaps to 2.
    e.drag(e.view->barRect(2).center(), e.view->barRect(2).center() - QPointF(1.6 * day, 0));
    QCOMPARE(e.model.plan().item(2)->start, original.item(2)->start.addDays(1));
    QCOMPARE(e.undo.count(), 2);
}

void TestGanttEditor::draggingAPhaseMovesItsContents()
{
    Editor e;
    QVERIFY(QTest::qWaitForWindowExposed(&e.window));
    const Launch::LaunchPlan original = e.model.plan();
    const double day = e.view->timeScale().dayWidth();
    const QRectF bracket = e.view->barRect(1);
    e.drag(bracket.center(), bracket.center() + QPointF(2 * day, 0));
    for (int id : {1, 2, 3})
        QCOMPARE(e.model.plan().item(id)->start, original.item(id)->start.addDays(2));
    QCOMPARE(e.model.plan().item(5)->start, original.item(5)->start);
    e.undo.undo();
    QCOMPARE(e.model.plan(), original);
}

void TestGanttEditor::dragTheEndsToResize()
{
    Editor e;
    QVERIFY(QTest::qWaitForWindowExposed(&e.window));
    const Launch::LaunchPlan original = e.model.plan();
    const double day = e.view->timeScale().dayWidth();
    QRectF bar = e.view->barRect(3);
    const QPointF rightEdge(bar.right() - 2, bar.center().y());
    e.drag(rightEdge, rightEdge + QPointF(2.3 * day, 0));
    QCOMPARE(e.model.plan().item(3)->start, original.item(3)->start);
    QCOMPARE(e.model.plan().item(3)->end, original.item(3)->end.addDays(2));

    bar = e.view->barRect(3);
    const QPointF leftEdge(bar.left() + 2, bar.center().y());
    e.drag(leftEdge, leftEdge - QPointF(4 * day, 0));
    QCOMPARE(e.model.plan().item(3)->start, original.item(3)->start.addDays(-4));
    QCOMPARE(e.model.plan().item(3)->end, original.item(3)->end.addDays(2));
    // An end never passes the other end.
    bar = e.view->barRect(3);
    e.drag(QPointF(bar.right() - 2, bar.center().y()),
           QPointF(bar.right() - 2 - 40 * day, bar.center().y()));
    QCOMPARE(e.model.plan().item(3)->end, e.model.plan().item(3)->start);

    QCOMPARE(e.undo.count(), 3);
    e.undo.undo();
    e.undo.undo();
    QCOMPARE(e.model.plan().item(3)->start, original.item(3)->start);
    e.undo.undo();
    QCOMPARE(e.model.plan(), original);
}

void TestGanttEditor::drawADependencyAndChooseItsType()
{
    Editor e;
    QVERIFY(QTest::qWaitForWindowExposed(&e.window));
    const int before = int(e.model.plan().dependencies.size());
    e.drag(e.view->linkHandle(3), e.view->barRect(6).center());
    QMenu *menu = e.view->dependencyMenu();
    QVERIFY(menu);
    QAction *resource = nullptr;
    for (QAction *action : menu->actions()) {
        if (action->data().toInt() == int(Launch::DependencyType::Resource))
            resource = action;
    }
    QVERIFY(resource);
    resource->trigger();
    menu->close();
    QCOMPARE(e.model.plan().dependencies.size(), before + 1);
    const Launch::Dependency &added = e.model.plan().dependencies.last();
    QCOMPARE(added.fromId, 3);
    QCOMPARE(added.toId, 6);
    QCOMPARE(added.type, Launch::DependencyType::Resource);
    e.undo.undo();
    QCOMPARE(e.model.plan().dependencies.size(), before);
    e.undo.redo();
    QCOMPARE(e.model.plan().dependencies.size(), before + 1);

    // Dropping on the bar it started from adds nothing.
    e.drag(e.view->linkHandle(2), e.view->barRect(2).center());
    QCOMPARE(e.model.plan().dependencies.size(), before + 1);
}

void TestGanttEditor::violatedDependencyIsRedWithItsReason()
{
    Editor e;
    QVERIFY(QTest::qWaitForWindowExposed(&e.window));
    // "Announce" moved to start before "Build" ends.
    QVERIFY(e.editor.moveItem(5, -20));
    QVERIFY(e.model.violations().contains(1));
    Launch::Dependency dependency = e.model.plan().dependencies.first();
    const QPainterPath path =
        e.view->chartPainter().dependencyPath(dependency, e.view->timeScale());
    QVERIFY(!path.isEmpty());
    // The first leg leaves "Build" to the right: a point on it, in viewport coordinates.
    const QPointF offset(e.view->horizontalScrollBar()->value(),
                         e.view->verticalScrollBar()->value());
    const QPointF onArrow = QPointF(path.elementAt(0)) + QPointF(4, 0) - offset;
    const QImage image = e.view->viewport()->grab().toImage();
    const QColor red = e.view->chartPainter().style().violated;
    bool found = false;
    for (int dy = -1; dy <= 1 && !found; ++dy) {
        const QColor pixel = image.pixelColor(onArrow.toPoint() + QPoint(0, dy));
        found = qAbs(pixel.red() - red.red()) < 40 && qAbs(pixel.green() - red.green()) < 40 &&
                qAbs(pixel.blue() - red.blue()) < 40;
    }
    QVERIFY2(found, "the violated arrow is drawn in red");

    QHelpEvent help(QEvent::ToolTip, onArrow.toPoint(),
                    e.view->viewport()->mapToGlobal(onArrow.toPoint()));
    QCoreApplication::sendEvent(e.view->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY(QToolTip::text().contains(e.model.violations().value(1).toHtmlEscaped()));
    QToolTip::hideText();

    // Fixed again, it is no longer red.
    e.undo.undo();
    QVERIFY(!e.model.violations().contains(1));
}

void TestGanttEditor::zoomLevels()
{
    Editor e;
    QVERIFY(QTest::qWaitForWindowExposed(&e.window));
    QSignalSpy zoomed(e.view, &GanttView::zoomChanged);
    QCOMPARE(e.view->zoom(), TimeScale::Zoom::Days);
    const double days = e.view->timeScale().dayWidth();
    QWheelEvent out(QPoint(300, 40), e.view->viewport()->mapToGlobal(QPoint(300, 40)), QPoint(),
                    QPoint(0, -120), Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(e.view->viewport(), &out);
    QCOMPARE(e.view->zoom(), TimeScale::Zoom::Weeks);
    QVERIFY(e.view->timeScale().dayWidth() < days);
    // Zooming in keeps the day under the pointer where it is.
    const QPoint anchor(e.view->viewport()->width() / 2, 40);
    const QDate under =
        e.view->timeScale().dateAt(e.view->horizontalScrollBar()->value() + anchor.x());
    QWheelEvent back(anchor, e.view->viewport()->mapToGlobal(anchor), QPoint(), QPoint(0, 120),
                     Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(e.view->viewport(), &back);
    QCOMPARE(e.view->zoom(), TimeScale::Zoom::Days);
    const QDate after =
        e.view->timeScale().dateAt(e.view->horizontalScrollBar()->value() + anchor.x());
    QVERIFY2(qAbs(under.daysTo(after)) <= 1, qPrintable(under.toString() + after.toString()));
    e.view->zoomOut();
    QCOMPARE(e.view->zoom(), TimeScale::Zoom::Weeks);
    QCOMPARE(e.view->timeScale().lowerUnit(), TimeScale::Unit::Week);
    e.view->zoomOut();
    QCOMPARE(e.view->zoom(), TimeScale::Zoom::Months);
    QCOMPARE(e.view->timeScale().lowerUnit(), TimeScale::Unit::Month);
    e.view->zoomOut();
    QCOMPARE(e.view->zoom(), TimeScale::Zoom::Quarters);
    QCOMPARE(e.view->timeScale().lowerUnit(), TimeScale::Unit::Quarter);
    e.view->zoomOut();
    QCOMPARE(e.view->zoom(), TimeScale::Zoom::Quarters);
    QCOMPARE(zoomed.count(), 5);
    QWheelEvent in(anchor, e.view->viewport()->mapToGlobal(anchor), QPoint(), QPoint(0, 120),
                   Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(e.view->viewport(), &in);
    QCOMPARE(e.view->zoom(), TimeScale::Zoom::Months);
    // Bars keep their dates at every zoom: a 10-day task is 10 days wide.
    const Launch::PlanItem *build = e.model.plan().item(2);
    QCOMPARE(e.view->barRect(2).width(),
             double(build->start.daysTo(build->end) + 1) * e.view->timeScale().dayWidth());
    // Jumping to today puts it in view.
    e.view->setZoom(TimeScale::Zoom::Days);
    e.view->scrollToToday();
    const double todayX =
        e.view->timeScale().x(e.view->today()) - e.view->horizontalScrollBar()->value();
    QVERIFY(todayX >= 0 && todayX < e.view->viewport()->width());
}

void TestGanttEditor::baselineStaysWhenThePlanMoves()
{
    Editor e;
    QVERIFY(QTest::qWaitForWindowExposed(&e.window));
    QVERIFY(!e.editor.hasBaseline());
    e.editor.setBaseline();
    QVERIFY(e.editor.hasBaseline());
    const Launch::PlanItem before = *e.model.plan().item(5);
    QCOMPARE(before.baselineStart, before.start);
    QVERIFY(e.editor.moveItem(5, 4));
    const Launch::PlanItem *moved = e.model.plan().item(5);
    QCOMPARE(moved->baselineStart, before.start);
    QCOMPARE(moved->start, before.start.addDays(4));
    QCOMPARE(e.model.indexOfItem(5).data(GanttModel::BaselineStartRole).toDate(), before.start);
    // Re-basing moves the plan and keeps the baseline to compare against.
    QVERIFY(e.editor.rebase(e.model.plan().launchDate.addDays(7)));
    QCOMPARE(e.model.plan().item(5)->baselineStart, before.start);
    QCOMPARE(e.model.plan().item(5)->start, before.start.addDays(11));
    e.undo.undo();
    e.undo.undo();
    e.undo.undo();
    QVERIFY(!e.editor.hasBaseline());
}

void TestGanttEditor::autosaveWritesThePlan()
{
    TestWorkspace workspace;
    std::shared_ptr<Database> database = workspace.open();
    QVERIFY(database);
    Launch::LaunchPlan plan = GanttTestPlan::small();
    QString error;
    {
        QSqlDatabase db = database->connection();
        QVERIFY2(Launch::PlanStore(db).save(plan, &error), qPrintable(error));
    }
    QVERIFY(plan.id > 0);

    Editor e;
    e.model.setPlan(plan);
    PlanAutosaver saver;
    saver.setDatabase(database);
    saver.setDelay(50);
    QObject::connect(&e.model, &GanttModel::planChanged, &saver,
                     [&] { saver.planEdited(e.model.plan()); });
    QSignalSpy saved(&saver, &PlanAutosaver::saved);
    QVERIFY(QTest::qWaitForWindowExposed(&e.window));
    const double day = e.view->timeScale().dayWidth();
    e.drag(e.view->barRect(2).center(), e.view->barRect(2).center() + QPointF(2 * day, 0));
    QVERIFY(e.editor.renameItem(3, QStringLiteral("Legal review")));
    QVERIFY(e.editor.addDependency(3, 6, Launch::DependencyType::Approval, &error));
    QCOMPARE(saver.state(), PlanAutosaver::State::Pending);
    QTRY_COMPARE(saver.state(), PlanAutosaver::State::Saved);
    QVERIFY(saved.count() >= 1);

    const std::optional<Launch::LaunchPlan> reloaded =
        Launch::PlanStore(database->connection()).load(plan.id, &error);
    QVERIFY2(reloaded, qPrintable(error));
    QCOMPARE(reloaded->items, e.model.plan().items);
    QCOMPARE(reloaded->dependencies, e.model.plan().dependencies);
    QCOMPARE(reloaded->launchDate, e.model.plan().launchDate);
}

void TestGanttEditor::aFailedSaveKeepsTheEdit()
{
    TestWorkspace workspace;
    std::shared_ptr<Database> database = workspace.open();
    QVERIFY(database);
    Launch::LaunchPlan plan = GanttTestPlan::small();
    QString error;
    QVERIFY2(Launch::PlanStore(database->connection()).save(plan, &error), qPrintable(error));
    PlanAutosaver saver;
    saver.setDatabase(database);
    saver.setDelay(20);

    // The store refuses a plan without a name: the save fails and says why.
    Launch::LaunchPlan refused = plan;
    refused.name.clear();
    saver.planEdited(refused);
    QTRY_COMPARE(saver.state(), PlanAutosaver::State::Failed);
    QVERIFY(!saver.error().isEmpty());
    // A later edit is saved, and what is stored is that edit.
    Launch::LaunchPlan fixed = plan;
    fixed.items[1].name = QStringLiteral("Build it");
    saver.planEdited(fixed);
    QTRY_COMPARE(saver.state(), PlanAutosaver::State::Saved);
    const std::optional<Launch::LaunchPlan> stored =
        Launch::PlanStore(database->connection()).load(plan.id, &error);
    QVERIFY2(stored, qPrintable(error));
    QCOMPARE(stored->items, fixed.items);
    QCOMPARE(stored->name, plan.name);

    // Leaving for good writes what is pending at once.
    fixed.items[2].name = QStringLiteral("Review it");
    saver.setDelay(60000);
    saver.planEdited(fixed);
    QVERIFY(saver.flushAndWait(&error));
    QCOMPARE(Launch::PlanStore(database->connection()).load(plan.id, &error)->items, fixed.items);
}

QTEST_MAIN(TestGanttEditor)
#include "tst_gantteditor.moc"
