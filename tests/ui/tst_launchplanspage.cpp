// The Launch plans page on the demo workspace: its two plans open in the editor with their
// findings, edits are saved as they are made, and plans go out to JSON and come back.

#include "assessmentpanel.h"
#include "banner.h"
#include "database.h"
#include "demoworkspace.h"
#include "gantteditor.h"
#include "ganttmodel.h"
#include "gantttreeview.h"
#include "ganttview.h"
#include "launch/planstore.h"
#include "launchplanspage.h"
#include "planautosaver.h"
#include "testworkspace.h"
#include "theme.h"
#include "workspacecontroller.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

class TestLaunchPlansPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void bothDemoPlansOpenWithTheirFindings();
    void editsAreSavedAndUndone();
    void keyboardZoomAndToday();
    void exportAndImportJson();
    void aBadFileChangesNothing();
    void withoutAWorkspaceItSaysWhy();

private:
    std::unique_ptr<LaunchPlansPage> makePage();
    void screenshot(LaunchPlansPage &page, const QString &name);

    std::unique_ptr<TestWorkspace> m_workspace;
    std::unique_ptr<WorkspaceController> m_controller;
    QTemporaryDir m_files;
    const QDate m_today{2026, 4, 15};
};

void TestLaunchPlansPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ProductHubTest"));
    QCoreApplication::setApplicationName(QStringLiteral("product-hub-plans-test"));
    if (!qEnvironmentVariableIsEmpty("HUB_SCREENSHOTS"))
        Theme::apply(*qobject_cast<QApplication *>(QCoreApplication::instance()));
    m_workspace = std::make_unique<TestWorkspace>();
    QString error;
    m_controller = DemoWorkspace::open(*m_workspace, m_today, &error);
    QVERIFY2(m_controller, qPrintable(error));
}

std::unique_ptr<LaunchPlansPage> TestLaunchPlansPage::makePage()
{
    auto page = std::make_unique<LaunchPlansPage>(nullptr);
    page->setToday(m_today);
    return page;
}

void TestLaunchPlansPage::screenshot(LaunchPlansPage &page, const QString &name)
{
    // Set HUB_SCREENSHOTS to a folder to look at the page.
    const QString folder = qEnvironmentVariable("HUB_SCREENSHOTS");
    if (folder.isEmpty())
        return;
    // Let the layouts settle as they would before the window is next painted.
    QTest::qWait(100);
    page.grab().save(QDir(folder).filePath(name + QStringLiteral(".png")));
}

void TestLaunchPlansPage::bothDemoPlansOpenWithTheirFindings()
{
    LaunchPlansPage page(m_controller.get());
    page.setToday(m_today);
    page.resize(1440, 860);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_COMPARE(page.plans().size(), 2);
    QCOMPARE(page.planChooser()->count(), 2);
    QTRY_VERIFY(page.currentPlanId() != 0);

    for (const Launch::PlanSummary &summary : page.plans()) {
        QSignalSpy opened(&page, &LaunchPlansPage::planOpened);
        if (page.currentPlanId() != summary.id) {
            page.openPlan(summary.id);
            QTRY_COMPARE(opened.count(), 1);
        }
        QCOMPARE(page.currentPlanId(), summary.id);
        const Launch::LaunchPlan &plan = page.model()->plan();
        QCOMPARE(plan.name, summary.name);
        QCOMPARE(int(plan.items.size()), summary.itemCount);
        QVERIFY(page.model()->rowCount() >= 3);
        // Every item has its bar, level with its row in the tree.
        for (const Launch::PlanItem &item : plan.items) {
            const QModelIndex index = page.model()->indexOfItem(item.id);
            const QRect row = page.treeView()->visualRect(index);
            const QRectF bar = page.ganttView()->barRect(item.id);
            QVERIFY(!bar.isNull());
            if (row.isValid() && row.bottom() < page.treeView()->viewport()->height())
                QVERIFY(bar.center().y() > row.top() && bar.center().y() < row.bottom());
        }
        QVERIFY(!page.assessmentPanel()->readinessText().isEmpty());
        QVERIFY2(!page.assessmentPanel()->findingMessages().isEmpty(),
                 "the demo launches have features without messaging");
        QCOMPARE(page.saveStateText(), page.tr("✔ Saved"));
        const QString tag = Theme::isDark() ? QStringLiteral("dark") : QStringLiteral("light");
        screenshot(page, QStringLiteral("plan%1-days-%2").arg(summary.id).arg(tag));
        page.ganttView()->setZoom(Launch::TimeScale::Zoom::Months);
        screenshot(page, QStringLiteral("plan%1-months-%2").arg(summary.id).arg(tag));
        page.ganttView()->setZoom(Launch::TimeScale::Zoom::Days);
    }
}

void TestLaunchPlansPage::editsAreSavedAndUndone()
{
    LaunchPlansPage page(m_controller.get());
    page.setToday(m_today);
    page.resize(1440, 860);
    page.show();
    QTRY_VERIFY(page.currentPlanId() != 0);
    const qint64 id = page.currentPlanId();
    const Launch::LaunchPlan original = page.model()->plan();
    QSignalSpy assessed(&page, &LaunchPlansPage::assessed);

    // Pull a task of the launch week to before what it depends on.
    int moved = 0;
    for (const Launch::Dependency &dependency : original.dependencies) {
        const Launch::PlanItem *to = original.item(dependency.toId);
        if (dependency.type == Launch::DependencyType::Timeline && to && !to->isMilestone())
            moved = to->id;
    }
    QVERIFY(moved);
    QVERIFY(page.editor()->moveItem(moved, -20));
    QVERIFY(!page.model()->violations().isEmpty());
    QCOMPARE(assessed.count(), 1);
    QCOMPARE(page.saveStateText(), page.tr("Saving…"));
    QTRY_COMPARE(page.saveStateText(), page.tr("✔ Saved"));
    QString error;
    std::optional<Launch::LaunchPlan> stored =
        Launch::PlanStore(m_controller->database()->connection()).load(id, &error);
    QVERIFY2(stored, qPrintable(error));
    QCOMPARE(stored->items, page.model()->plan().items);

    page.undoStack()->undo();
    QCOMPARE(page.model()->plan().items, original.items);
    QTRY_COMPARE(page.saveStateText(), page.tr("✔ Saved"));
    stored = Launch::PlanStore(m_controller->database()->connection()).load(id, &error);
    QVERIFY2(stored, qPrintable(error));
    QCOMPARE(stored->items, original.items);
}

void TestLaunchPlansPage::keyboardZoomAndToday()
{
    LaunchPlansPage page(m_controller.get());
    page.setToday(m_today);
    page.resize(1440, 860);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_VERIFY(page.currentPlanId() != 0);
    page.ganttView()->setZoom(Launch::TimeScale::Zoom::Days);
    page.ganttView()->setFocus();
    QTest::keyClick(page.ganttView(), Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(page.ganttView()->zoom(), Launch::TimeScale::Zoom::Weeks);
    QTest::keyClick(page.ganttView(), Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(page.ganttView()->zoom(), Launch::TimeScale::Zoom::Days);
    page.ganttView()->scrollToDate(m_today.addDays(-200));
    QTest::keyClick(page.ganttView(), Qt::Key_T);
    const double x =
        page.ganttView()->timeScale().x(m_today) - page.ganttView()->horizontalScrollBar()->value();
    QVERIFY(x >= 0 && x < page.ganttView()->viewport()->width());

    // Insert adds a task beside the selected one, Delete removes it: two steps to undo.
    const int items = int(page.model()->plan().items.size());
    page.treeView()->setCurrentIndex(page.model()->index(0, 0));
    page.treeView()->setFocus();
    QTest::keyClick(page.treeView(), Qt::Key_Insert);
    QCOMPARE(int(page.model()->plan().items.size()), items + 1);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    page.treeView()->setFocus();
    QTest::keyClick(page.treeView(), Qt::Key_Delete);
    QCOMPARE(int(page.model()->plan().items.size()), items);
    page.undoStack()->undo();
    page.undoStack()->undo();
    QCOMPARE(int(page.model()->plan().items.size()), items);
    QTRY_COMPARE(page.saveStateText(), page.tr("✔ Saved"));
}

void TestLaunchPlansPage::exportAndImportJson()
{
    LaunchPlansPage page(m_controller.get());
    page.setToday(m_today);
    QTRY_VERIFY(page.currentPlanId() != 0);
    const Launch::LaunchPlan original = page.model()->plan();
    const int plans = int(page.plans().size());
    const QString path = m_files.filePath(QStringLiteral("plan.json"));
    QString error;
    QVERIFY2(page.exportJson(path, &error), qPrintable(error));
    QVERIFY(QFile::exists(path));

    QSignalSpy imported(&page, &LaunchPlansPage::planImported);
    QSignalSpy opened(&page, &LaunchPlansPage::planOpened);
    QVERIFY2(page.importJson(path, &error), qPrintable(error));
    QTRY_COMPARE(imported.count(), 1);
    const qint64 id = imported.first().first().toLongLong();
    QVERIFY(id != original.id);
    QTRY_COMPARE(page.plans().size(), plans + 1);
    QTRY_COMPARE(page.currentPlanId(), id);
    const Launch::LaunchPlan &copy = page.model()->plan();
    QCOMPARE(copy.name, original.name);
    QCOMPARE(copy.launchDate, original.launchDate);
    QCOMPARE(copy.items, original.items);
    QCOMPARE(copy.dependencies, original.dependencies);

    // Leave the workspace as it was for the other tests.
    QVERIFY(Launch::PlanStore(m_controller->database()->connection()).remove(id, &error));
}

void TestLaunchPlansPage::aBadFileChangesNothing()
{
    LaunchPlansPage page(m_controller.get());
    page.setToday(m_today);
    QTRY_VERIFY(page.currentPlanId() != 0);
    const int plans = int(page.plans().size());
    const QString path = m_files.filePath(QStringLiteral("broken.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"product-hub.launch-plan\", \"version\": 1, \"plan\": [");
    file.close();
    QString error;
    QVERIFY(!page.importJson(path, &error));
    QVERIFY(error.contains(QDir::toNativeSeparators(path)));
    QVERIFY(!page.importJson(m_files.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY(error.contains(QStringLiteral("missing.json")));
    QString listError;
    QCOMPARE(Launch::PlanStore(m_controller->database()->connection()).list(&listError).size(),
             plans);
}

void TestLaunchPlansPage::withoutAWorkspaceItSaysWhy()
{
    const std::unique_ptr<LaunchPlansPage> page = makePage();
    QCOMPARE(page->currentPlanId(), 0);
    QCOMPARE(page->model()->rowCount(), 0);
    auto *stack = page->findChild<QStackedWidget *>();
    QVERIFY(stack);
    QCOMPARE(stack->currentWidget()->accessibleName(), page->tr("No workspace is open"));
    QString error;
    QVERIFY(!page->exportJson(m_files.filePath(QStringLiteral("none.json")), &error));
    QVERIFY(!error.isEmpty());
}

QTEST_MAIN(TestLaunchPlansPage)
#include "tst_launchplanspage.moc"
