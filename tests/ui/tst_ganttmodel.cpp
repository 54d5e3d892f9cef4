// The timeline editor's item models: the plan as a tree, its roles and edits, and the
// dependencies with their violations.

#include "dependencymodel.h"
#include "gantteditor.h"
#include "ganttmodel.h"
#include "tst_ganttplan.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using Launch::ItemKind;

class TestGanttModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void treeShape();
    void roles();
    void setDataEdits();
    void setDataRefusesBadValues();
    void setDataGoesOnTheUndoStack();
    void applyPlanInsertsAndRemovesRows();
    void editorAddsAndRemovesItems();
    void dependencyModelShowsViolations();
};

void TestGanttModel::treeShape()
{
    GanttModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPlan(GanttTestPlan::small());
    QCOMPARE(model.rowCount(), 3); // two phases and the top-level milestone
    const QModelIndex preparation = model.index(0, 0);
    QCOMPARE(preparation.data().toString(), QStringLiteral("Preparation"));
    QCOMPARE(model.rowCount(preparation), 2);
    const QModelIndex review = model.index(1, 0, preparation);
    QCOMPARE(review.data().toString(), QStringLiteral("Review"));
    QCOMPARE(review.parent(), preparation);
    QCOMPARE(model.rowCount(model.index(1, 0)), 2);
    QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("Launch day"));
    QCOMPARE(model.indexOfItem(6).parent(), model.index(1, 0));
    QCOMPARE(model.indexOfItem(6).row(), 1);
    QCOMPARE(model.columnCount(), int(GanttModel::ColumnCount));
}

void TestGanttModel::roles()
{
    GanttModel model;
    model.setPlan(GanttTestPlan::small());
    const QModelIndex build = model.indexOfItem(2);
    QCOMPARE(build.data(GanttModel::StartRole).toDate(), QDate(2026, 2, 14));
    QCOMPARE(build.data(GanttModel::EndRole).toDate(), QDate(2026, 2, 24));
    QCOMPARE(build.data(GanttModel::KindRole).toInt(), int(ItemKind::Task));
    QCOMPARE(build.data(GanttModel::ProgressRole).toDouble(), 0.5);
    QCOMPARE(build.siblingAtColumn(GanttModel::Progress).data().toString(), QStringLiteral("50%"));
    QCOMPARE(build.data(GanttModel::OwnerRole).toString(), QStringLiteral("Product team"));
    QVERIFY(!build.data(GanttModel::BaselineStartRole).toDate().isValid());
    const QModelIndex launch = model.indexOfItem(7);
    QCOMPARE(launch.data(GanttModel::KindRole).toInt(), int(ItemKind::Milestone));
    QVERIFY(launch.data(GanttModel::CriticalRole).toBool());
    QVERIFY(!model.flags(launch.siblingAtColumn(GanttModel::End)).testFlag(Qt::ItemIsEditable));
    QVERIFY(model.flags(build.siblingAtColumn(GanttModel::End)).testFlag(Qt::ItemIsEditable));
    // The chain that ends last runs through the launch week.
    QVERIFY(model.indexOfItem(4).data(GanttModel::CriticalPathRole).toBool());
}

void TestGanttModel::setDataEdits()
{
    GanttModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPlan(GanttTestPlan::small());
    QSignalSpy changed(&model, &GanttModel::dataChanged);
    const QModelIndex build = model.indexOfItem(2);
    QVERIFY(model.setData(build, QStringLiteral("  Build and test ")));
    QCOMPARE(model.plan().item(2)->name, QStringLiteral("Build and test"));
    QVERIFY(changed.count() >= 1);
    QCOMPARE(changed.first().at(0).toModelIndex().internalId(), build.internalId());

    // A new start keeps the length; a new end changes it.
    QVERIFY(model.setData(build.siblingAtColumn(GanttModel::Start), QDate(2026, 2, 16)));
    QCOMPARE(model.plan().item(2)->start, QDate(2026, 2, 16));
    QCOMPARE(model.plan().item(2)->end, QDate(2026, 2, 26));
    QVERIFY(model.setData(build.siblingAtColumn(GanttModel::End), QDate(2026, 3, 1)));
    QCOMPARE(model.plan().item(2)->end, QDate(2026, 3, 1));
    QVERIFY(model.setData(build.siblingAtColumn(GanttModel::Progress), 80));
    QCOMPARE(model.plan().item(2)->progress, 0.8);
    QVERIFY(model.setData(build.siblingAtColumn(GanttModel::Owner), QStringLiteral("Eng")));
    QCOMPARE(model.plan().item(2)->owner, QStringLiteral("Eng"));
    // Moving "Build" past "Announce"'s start breaks their timeline dependency.
    QVERIFY(!model.violations().contains(1));
    QVERIFY(model.setData(build.siblingAtColumn(GanttModel::End), QDate(2026, 3, 14)));
    QVERIFY(model.violations().contains(1));
    QVERIFY(!model.violations().value(1).isEmpty());
}

void TestGanttModel::setDataRefusesBadValues()
{
    GanttModel model;
    model.setPlan(GanttTestPlan::small());
    const Launch::LaunchPlan before = model.plan();
    const QModelIndex build = model.indexOfItem(2);
    QVERIFY(!model.setData(build, QStringLiteral("   ")));
    QVERIFY(!model.setData(build.siblingAtColumn(GanttModel::End), QDate(2026, 1, 1)));
    QVERIFY(!model.setData(build.siblingAtColumn(GanttModel::Progress), 140));
    QVERIFY(!model.setData(build.siblingAtColumn(GanttModel::Start), QDate()));
    QVERIFY(!model.setData(build, QStringLiteral("x"), Qt::DisplayRole));
    QCOMPARE(model.plan(), before);
}

void TestGanttModel::setDataGoesOnTheUndoStack()
{
    GanttModel model;
    QUndoStack undo;
    model.setUndoStack(&undo);
    model.setPlan(GanttTestPlan::small());
    const Launch::LaunchPlan original = model.plan();
    QVERIFY(model.setData(model.indexOfItem(3), QStringLiteral("Security review")));
    QCOMPARE(undo.count(), 1);
    QCOMPARE(model.plan().item(3)->name, QStringLiteral("Security review"));
    undo.undo();
    QCOMPARE(model.plan(), original);
    undo.redo();
    QCOMPARE(model.plan().item(3)->name, QStringLiteral("Security review"));
}

void TestGanttModel::applyPlanInsertsAndRemovesRows()
{
    GanttModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPlan(GanttTestPlan::small());
    QSignalSpy inserted(&model, &GanttModel::rowsInserted);
    QSignalSpy removed(&model, &GanttModel::rowsRemoved);
    QSignalSpy reset(&model, &GanttModel::modelReset);

    Launch::LaunchPlan next = model.plan();
    next.items.insert(3, GanttTestPlan::item(8, ItemKind::Task, QStringLiteral("Docs"), 1,
                                             QDate(2026, 2, 20), QDate(2026, 2, 25)));
    model.applyPlan(next);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(0).toModelIndex(), model.index(0, 0));
    QCOMPARE(inserted.first().at(1).toInt(), 2);
    QCOMPARE(model.index(2, 0, model.index(0, 0)).data().toString(), QStringLiteral("Docs"));

    // Removing a phase takes its contents along in one step.
    next = model.plan();
    next.items.removeIf([](const Launch::PlanItem &i) { return i.id == 4 || i.parentId == 4; });
    model.applyPlan(next);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.plan(), next);
}

void TestGanttModel::editorAddsAndRemovesItems()
{
    GanttModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QUndoStack undo;
    GanttEditor editor(&model, &undo);
    model.setPlan(GanttTestPlan::small());
    const Launch::LaunchPlan original = model.plan();

    const int task = editor.addItem(ItemKind::Task, 2);
    QVERIFY(task > 7);
    QCOMPARE(model.indexOfItem(task).parent(), model.index(0, 0));
    QCOMPARE(model.indexOfItem(task).row(), 1); // right after "Build"
    const int phase = editor.addItem(ItemKind::Phase, 2);
    QCOMPARE(model.indexOfItem(phase).row(), 1); // after the whole first phase
    QVERIFY(!model.indexOfItem(phase).parent().isValid());
    const int milestone = editor.addItem(ItemKind::Milestone, phase);
    QCOMPARE(model.indexOfItem(milestone).parent(), model.indexOfItem(phase));
    QCOMPARE(model.plan().item(milestone)->start, model.plan().item(milestone)->end);

    // Deleting "Build" drops its dependency too.
    QVERIFY(editor.removeItem(2));
    QVERIFY(!model.plan().item(2));
    QCOMPARE(model.plan().dependencies.size(), 1);
    QCOMPARE(undo.count(), 4);
    while (undo.canUndo())
        undo.undo();
    QCOMPARE(model.plan(), original);
}

void TestGanttModel::dependencyModelShowsViolations()
{
    GanttModel gantt;
    DependencyModel dependencies(&gantt);
    QAbstractItemModelTester tester(&dependencies,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    gantt.setPlan(GanttTestPlan::small());
    QCOMPARE(dependencies.rowCount(), 2);
    QCOMPARE(dependencies.index(0, DependencyModel::From).data().toString(),
             QStringLiteral("Build"));
    QCOMPARE(dependencies.index(0, DependencyModel::To).data().toString(),
             QStringLiteral("Announce"));
    QCOMPARE(dependencies.index(1, DependencyModel::Type).data().toString(),
             QStringLiteral("Approval"));
    QVERIFY(!dependencies.index(0, 0).data(DependencyModel::ViolatedRole).toBool());
    QCOMPARE(dependencies.violatedCount(), 0);

    QUndoStack undo;
    GanttEditor editor(&gantt, &undo);
    QVERIFY(editor.moveItem(5, -20)); // "Announce" now starts before "Build" ends
    QVERIFY(dependencies.index(0, 0).data(DependencyModel::ViolatedRole).toBool());
    QVERIFY(!dependencies.index(0, 0).data(DependencyModel::ReasonRole).toString().isEmpty());
    QVERIFY(dependencies.index(0, DependencyModel::Status)
                .data()
                .toString()
                .contains(dependencies.index(0, 0).data(DependencyModel::ReasonRole).toString()));
    QCOMPARE(dependencies.violatedCount(), 1);

    QString error;
    QCOMPARE(editor.addDependency(3, 3, Launch::DependencyType::Timeline, &error), 0);
    QVERIFY(!error.isEmpty());
    QCOMPARE(editor.addDependency(2, 5, Launch::DependencyType::Timeline, &error), 0);
    QVERIFY(error.contains(QStringLiteral("already")));
    QVERIFY(editor.addDependency(3, 5, Launch::DependencyType::Resource, &error) > 0);
    QCOMPARE(dependencies.rowCount(), 3);
    undo.undo();
    QCOMPARE(dependencies.rowCount(), 2);
    QVERIFY(editor.removeDependency(1));
    QCOMPARE(dependencies.rowCount(), 1);
    QCOMPARE(dependencies.violatedCount(), 0);
    QVERIFY(!editor.removeDependency(1));
    undo.undo();
    QCOMPARE(dependencies.rowCount(), 2);
    QCOMPARE(dependencies.violatedCount(), 1);
}

QTEST_MAIN(TestGanttModel)
#include "tst_ganttmodel.moc"
