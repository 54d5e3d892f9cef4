#include "launch/planschedule.h"

#include <QTest>

using namespace Launch;

// The schedule rules the timeline editor draws: violated dependencies and the critical path.
class TestPlanSchedule : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void timelineDependencyHoldsWhenToStartsAfterFromEnds();
    void timelineDependencyViolatedWhenToStartsEarly();
    void milestoneEndsOnItsDate();
    void approvalDependsOnDoneOrDate();
    void resourceDependenciesHaveNoDateRule();
    void missingAndSelfDependenciesAreViolations();
    void criticalPathFollowsTheLongestChain();
    void criticalPathGoesThroughPhaseContainment();
    void criticalPathSurvivesCycles();
    void emptyPlanHasNoCriticalPath();

private:
    static PlanItem task(int id, const QDate &start, const QDate &end, int parent = 0)
    {
        PlanItem item;
        item.id = id;
        item.kind = ItemKind::Task;
        item.name = QStringLiteral("Task %1").arg(id);
        item.parentId = parent;
        item.start = start;
        item.end = end;
        return item;
    }
    static PlanItem milestone(int id, const QDate &day)
    {
        PlanItem item = task(id, day, day);
        item.kind = ItemKind::Milestone;
        item.name = QStringLiteral("Milestone %1").arg(id);
        return item;
    }
    static QDate day(int n) { return QDate(2026, 6, 1).addDays(n); }
};

void TestPlanSchedule::timelineDependencyHoldsWhenToStartsAfterFromEnds()
{
    LaunchPlan plan;
    plan.items = {task(1, day(0), day(4)), task(2, day(4), day(8)), task(3, day(9), day(10))};
    plan.dependencies = {{1, 1, 2, DependencyType::Timeline, {}},
                         {2, 2, 3, DependencyType::Timeline, {}}};
    QVERIFY(dependencyViolations(plan).isEmpty());
}

void TestPlanSchedule::timelineDependencyViolatedWhenToStartsEarly()
{
    LaunchPlan plan;
    plan.items = {task(1, day(0), day(4)), task(2, day(3), day(8))};
    plan.dependencies = {{7, 1, 2, DependencyType::Timeline, {}}};
    const QList<Violation> violations = dependencyViolations(plan);
    QCOMPARE(violations.size(), 1);
    QCOMPARE(violations.first().dependencyId, 7);
    QVERIFY(violations.first().reason.contains(QStringLiteral("Task 2")));
    QVERIFY(violations.first().reason.contains(day(4).toString(Qt::ISODate)));
}

void TestPlanSchedule::milestoneEndsOnItsDate()
{
    LaunchPlan plan;
    plan.items = {milestone(1, day(5)), task(2, day(5), day(6)), task(3, day(4), day(6))};
    plan.dependencies = {{1, 1, 2, DependencyType::Timeline, {}},
                         {2, 1, 3, DependencyType::Timeline, {}}};
    const QList<Violation> violations = dependencyViolations(plan);
    QCOMPARE(violations.size(), 1);
    QCOMPARE(violations.first().dependencyId, 2);
}

void TestPlanSchedule::approvalDependsOnDoneOrDate()
{
    LaunchPlan plan;
    plan.items = {milestone(1, day(5)), task(2, day(3), day(6))};
    plan.dependencies = {{1, 1, 2, DependencyType::Approval, {}}};
    QCOMPARE(dependencyViolations(plan).size(), 1);
    // Approved early: the work may start before the approval's planned date.
    plan.items[0].done = true;
    QVERIFY(dependencyViolations(plan).isEmpty());
    // Not approved, but the work waits for the date.
    plan.items[0].done = false;
    plan.items[1].start = day(5);
    QVERIFY(dependencyViolations(plan).isEmpty());
}

void TestPlanSchedule::resourceDependenciesHaveNoDateRule()
{
    LaunchPlan plan;
    plan.items = {task(1, day(0), day(9)), task(2, day(1), day(2))};
    plan.dependencies = {{1, 1, 2, DependencyType::Resource, {}}};
    QVERIFY(dependencyViolations(plan).isEmpty());
    plan.dependencies[0].type = DependencyType::Timeline;
    QCOMPARE(dependencyViolations(plan).size(), 1);
}

void TestPlanSchedule::missingAndSelfDependenciesAreViolations()
{
    LaunchPlan plan;
    plan.items = {task(1, day(0), day(1))};
    plan.dependencies = {{1, 1, 9, DependencyType::Timeline, {}},
                         {2, 1, 1, DependencyType::Resource, {}}};
    const QList<Violation> violations = dependencyViolations(plan);
    QCOMPARE(violations.size(), 2);
    QCOMPARE(violations.at(0).dependencyId, 1);
    QCOMPARE(violations.at(1).dependencyId, 2);
}

void TestPlanSchedule::criticalPathFollowsTheLongestChain()
{
    // 1 (10 days) -> 3 and 2 (3 days) -> 3; 3 ends last; 4 stands alone.
    LaunchPlan plan;
    plan.items = {task(1, day(0), day(9)), task(2, day(7), day(9)), task(3, day(10), day(14)),
                  task(4, day(0), day(12))};
    plan.dependencies = {{1, 1, 3, DependencyType::Timeline, {}},
                         {2, 2, 3, DependencyType::Timeline, {}}};
    QCOMPARE(criticalPath(plan), (QSet<int>{1, 3}));

    // Make the other branch longer and the path moves to it.
    plan.items[1].start = day(-5);
    QCOMPARE(criticalPath(plan), (QSet<int>{2, 3}));

    // A later finish elsewhere takes the path there.
    plan.items[3].end = day(20);
    QCOMPARE(criticalPath(plan), (QSet<int>{4}));
}

void TestPlanSchedule::criticalPathGoesThroughPhaseContainment()
{
    PlanItem phaseA = task(1, day(0), day(9));
    phaseA.kind = ItemKind::Phase;
    PlanItem phaseB = task(4, day(10), day(19));
    phaseB.kind = ItemKind::Phase;
    LaunchPlan plan;
    plan.items = {phaseA, task(2, day(0), day(7), 1), task(3, day(0), day(2), 1), phaseB,
                  task(5, day(10), day(12), 4)};
    plan.dependencies = {{1, 1, 4, DependencyType::Timeline, {}}};
    // The longer task makes its phase, which leads to the next phase, which ends last.
    QCOMPARE(criticalPath(plan), (QSet<int>{2, 1, 4}));
}

void TestPlanSchedule::criticalPathSurvivesCycles()
{
    LaunchPlan plan;
    plan.items = {task(1, day(0), day(3)), task(2, day(4), day(6)), task(3, day(7), day(9))};
    plan.dependencies = {{1, 1, 2, DependencyType::Timeline, {}},
                         {2, 2, 1, DependencyType::Timeline, {}},
                         {3, 2, 3, DependencyType::Timeline, {}}};
    // 1 and 2 wait on each other: the edge back to 1 is ignored, and the chain goes on.
    QCOMPARE(criticalPath(plan), (QSet<int>{1, 2, 3}));
    plan.dependencies.removeAt(0);
    // Now 2 -> 1 only: 1 (4 days) after 2 (3 days), but 3 (after 2) ends last.
    QCOMPARE(criticalPath(plan), (QSet<int>{2, 3}));
}

void TestPlanSchedule::emptyPlanHasNoCriticalPath()
{
    QVERIFY(criticalPath(LaunchPlan()).isEmpty());
    QVERIFY(dependencyViolations(LaunchPlan()).isEmpty());
}

QTEST_GUILESS_MAIN(TestPlanSchedule)
#include "tst_planschedule.moc"
