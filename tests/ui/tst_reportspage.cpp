#include "adoption/drilldowndialog.h"
#include "adoption/reporttablemodel.h"
#include "demoworkspace.h"
#include "metrics/reports.h"
#include "reports/reportspage.h"
#include "testworkspace.h"
#include "workspacecontroller.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// The Reports page against a small demo workspace: it must show what the command line
// shows, open rows, and export exactly the report.
class TestReportsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyKindShowsTheReportsRows_data();
    void everyKindShowsTheReportsRows();
    void aRowOpensTheRowsBehindIt();
    void exportWritesTheReportWhole();

private:
    std::unique_ptr<ReportsPage> makePage(Reports::Kind kind);

    std::unique_ptr<TestWorkspace> m_workspace;
    std::unique_ptr<WorkspaceController> m_controller;
    const QDate m_today{2026, 4, 15};
};

void TestReportsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ProductHubTest"));
    QCoreApplication::setApplicationName(QStringLiteral("product-hub-reports-test"));
    QSettings().clear();
    m_workspace = std::make_unique<TestWorkspace>();
    QString error;
    m_controller = DemoWorkspace::open(*m_workspace, m_today, &error);
    QVERIFY2(m_controller, qPrintable(error));
}

void TestReportsPage::cleanupTestCase()
{
    m_controller.reset();
    m_workspace.reset();
}

std::unique_ptr<ReportsPage> TestReportsPage::makePage(Reports::Kind kind)
{
    auto page = std::make_unique<ReportsPage>(m_controller.get());
    QSignalSpy loaded(page.get(), &ReportsPage::loaded);
    page->setKind(kind);
    page->setToday(m_today);
    page->resize(1200, 800);
    page->show();
    // The last answer is the one for this kind and day.
    if (!QTest::qWaitFor([&] { return !loaded.isEmpty() && page->model()->rowCount() > 0; }, 20000))
        qWarning() << "the report did not load";
    QTest::qWait(50);
    return page;
}

void TestReportsPage::everyKindShowsTheReportsRows_data()
{
    QTest::addColumn<int>("kind");
    for (const QString &name : Reports::kindNames())
        QTest::newRow(qPrintable(name)) << int(*Reports::kindNamed(name));
}

void TestReportsPage::everyKindShowsTheReportsRows()
{
    QFETCH(int, kind);
    auto page = makePage(Reports::Kind(kind));
    QString error;
    const auto expected = Reports::run(Reports::Kind(kind), m_controller->database()->connection(),
                                       page->window(), m_today, &error);
    QVERIFY2(expected, qPrintable(error));
    QTRY_COMPARE(page->model()->table().rows, expected->rows);
    QCOMPARE(page->model()->table().title, expected->title);
    QAbstractItemModelTester tester(page->view()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Sorting reorders the view, not the report.
    page->view()->sortByColumn(0, Qt::DescendingOrder);
    QCOMPARE(page->model()->table().rows, expected->rows);
}

void TestReportsPage::aRowOpensTheRowsBehindIt()
{
    auto page = makePage(Reports::Kind::AdoptionRoi);
    const ReportTable &table = page->model()->table();
    QVERIFY(!table.rows.isEmpty());
    page->view()->setFocus();
    page->view()->setCurrentIndex(page->view()->model()->index(0, 1));
    QTest::keyClick(page->view(), Qt::Key_Return);
    QTRY_VERIFY(page->drillDownDialog());
    QTRY_VERIFY(!page->drillDownDialog()->isLoading());
    QString error;
    const auto expected = Reports::drillDown(
        m_controller->database()->connection(), QStringLiteral("revenue"),
        QString::number(table.value(0, QStringLiteral("feature_id")).toLongLong()), page->window(),
        &error);
    QVERIFY2(expected, qPrintable(error));
    QCOMPARE(page->drillDownDialog()->model()->table().rows, expected->rows);
    page->drillDownDialog()->close();
}

void TestReportsPage::exportWritesTheReportWhole()
{
    auto page = makePage(Reports::Kind::Validation);
    QTemporaryDir dir;
    QString error;
    const QString csv = dir.filePath(QStringLiteral("validation.csv"));
    QVERIFY2(page->exportTo(csv, &error), qPrintable(error));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), ReportFormat::csv(page->model()->table()));
    const QString json = dir.filePath(QStringLiteral("validation.json"));
    QVERIFY2(page->exportTo(json, &error), qPrintable(error));
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    QCOMPARE(jsonFile.readAll(), ReportFormat::json(page->model()->table()));
    // A folder that does not exist: a clear error, and no file.
    QVERIFY(!page->exportTo(dir.filePath(QStringLiteral("missing/out.csv")), &error));
    QVERIFY2(error.contains(QLatin1String("missing/out.csv")), qPrintable(error));
}

QTEST_MAIN(TestReportsPage)
#include "tst_reportspage.moc"
