#include "adoptionpage.h"
#include "adoptionsummarycards.h"
#include "database.h"
#include "demoworkspace.h"
#include "drilldowndialog.h"
#include "featureadoptiontable.h"
#include "metrics/reports.h"
#include "reporttablemodel.h"
#include "roipanel.h"
#include "summarycard.h"
#include "testworkspace.h"
#include "windowselector.h"
#include "workspacecontroller.h"

#include <QAbstractItemModelTester>
#include <QBarSet>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

// The dashboard on a generated demo workspace, checked against the reports computed
// directly: what the page shows must be what `product-hub report` prints.
class TestAdoptionPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void modelPassesTheTester();
    void showsTheSameNumbersAsTheReports();
    void theWindowFilterChangesThem();
    void sortingOrdersTheRoiTable();
    void drillDownFromARowOpensItsRows();
    void drillDownFromABarOpensTheOpportunities();
    void cardsOpenTheirRows();
    void curvesHaveTheReportsPoints();
    void staleResultsDoNotOverwriteNewerOnes();
    void withoutAWorkspaceItSaysWhy();

private:
    std::unique_ptr<AdoptionPage> makePage();
    static void waitUntilLoaded(AdoptionPage &page);
    ReportTable report(Reports::Kind kind, const ReportWindow &window);

    std::unique_ptr<TestWorkspace> m_workspace;
    std::unique_ptr<WorkspaceController> m_controller;
    const QDate m_today{2026, 4, 15};
};

void TestAdoptionPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ProductHubTest"));
    QCoreApplication::setApplicationName(QStringLiteral("product-hub-adoption-test"));
    QLocale::setDefault(QLocale::c());
    m_workspace = std::make_unique<TestWorkspace>();
    QString error;
    m_controller = DemoWorkspace::open(*m_workspace, m_today, &error);
    QVERIFY2(m_controller, qPrintable(error));
}

void TestAdoptionPage::init()
{
    QSettings().clear();
}

void TestAdoptionPage::cleanupTestCase()
{
    m_controller.reset();
    m_workspace.reset();
}

std::unique_ptr<AdoptionPage> TestAdoptionPage::makePage()
{
    auto page = std::make_unique<AdoptionPage>(m_controller.get());
    page->setToday(m_today);
    page->resize(1400, 1000);
    page->show();
    page->reload();
    waitUntilLoaded(*page);
    return page;
}

void TestAdoptionPage::waitUntilLoaded(AdoptionPage &page)
{
    QTRY_VERIFY_WITH_TIMEOUT(!page.isLoading(), 20000);
}

ReportTable TestAdoptionPage::report(Reports::Kind kind, const ReportWindow &window)
{
    QString error;
    const auto table =
        Reports::run(kind, m_controller->database()->connection(), window, m_today, &error);
    if (!table)
        qWarning() << error;
    return table.value_or(ReportTable());
}

void TestAdoptionPage::modelPassesTheTester()
{
    ReportTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const ReportTable roi =
        report(Reports::Kind::AdoptionRoi, ReportWindow::lastDays(180, m_today));
    QVERIFY(roi.rows.size() > 1);
    model.setTable(roi);
    QCOMPARE(model.rowCount(), roi.rows.size());
    QCOMPARE(model.columnCount(), roi.columns.size());
    model.setHiddenKeys({QStringLiteral("feature_id")});
    QCOMPARE(model.columnCount(), roi.columns.size() - 1);
    QCOMPARE(model.keyOfColumn(0), QStringLiteral("feature"));
    const int revenue = model.columnOfKey(QStringLiteral("active_users"));
    QCOMPARE(model.data(model.index(0, revenue), ReportTableModel::RawRole),
             roi.value(0, QStringLiteral("active_users")));
    QCOMPARE(model.data(model.index(0, revenue), Qt::TextAlignmentRole).toInt(),
             int(Qt::AlignRight | Qt::AlignVCenter));
    QSortFilterProxyModel proxy;
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.sort(revenue);
    model.setTable(report(Reports::Kind::Adoption, ReportWindow::lastDays(30, m_today)));
    model.setTable({});
    QCOMPARE(model.rowCount(), 0);
}

void TestAdoptionPage::showsTheSameNumbersAsTheReports()
{
    auto page = makePage();
    const ReportWindow window = ReportWindow::lastDays(90, m_today);
    QCOMPARE(page->window().from, window.from);
    const ReportTable roi = report(Reports::Kind::AdoptionRoi, window);
    QVERIFY(!roi.rows.isEmpty());
    QCOMPARE(page->roiPanel()->model()->table().rows, roi.rows);
    const ReportTable adoption = report(Reports::Kind::Adoption, window);
    QCOMPARE(page->adoptionTable()->model()->table().rows, adoption.rows);
    // The bars are the ROI's revenue, largest at the top.
    QBarSet *bars = page->roiPanel()->bars()->barSets().first();
    const int shown = int(std::min<qsizetype>(RoiPanel::MaxBars, roi.rows.size()));
    QCOMPARE(bars->count(), shown);
    QCOMPARE(bars->at(shown - 1), roi.value(0, QStringLiteral("revenue")).toDouble());
    QCOMPARE(page->roiPanel()->barFeatures().last(),
             roi.value(0, QStringLiteral("feature_id")).toLongLong());
    // The cards show the window's own NPS and CSAT.
    const ReportTable satisfaction = report(Reports::Kind::Satisfaction, window);
    QCOMPARE(page->cards()->nps()->value(),
             QLocale().toString(satisfaction.value(0, QStringLiteral("nps")).toDouble(), 'f', 1));
    QVERIFY(page->cards()->csat()->value().startsWith(
        QLocale().toString(satisfaction.value(0, QStringLiteral("csat")).toDouble(), 'f', 1)));
    const ReportTable velocity = report(Reports::Kind::Velocity, window);
    qint64 resolved = 0;
    for (int r = 0; r < velocity.rows.size(); ++r) {
        if (velocity.value(r, QStringLiteral("period_kind")) ==
            velocity.value(0, QStringLiteral("period_kind")))
            resolved += velocity.value(r, QStringLiteral("resolved")).toLongLong();
    }
    QVERIFY(resolved > 0);
    QCOMPARE(page->cards()->throughput()->value(), QLocale().toString(resolved));
}

void TestAdoptionPage::theWindowFilterChangesThem()
{
    auto page = makePage();
    const QList<QVariantList> ninety = page->roiPanel()->model()->table().rows;
    page->windowSelector()->setLastDays(180);
    waitUntilLoaded(*page);
    const ReportTable roi180 =
        report(Reports::Kind::AdoptionRoi, ReportWindow::lastDays(180, m_today));
    QCOMPARE(page->roiPanel()->model()->table().rows, roi180.rows);
    QVERIFY(roi180.rows.size() > ninety.size());
    QCOMPARE(page->adoptionTable()->model()->table().rows,
             report(Reports::Kind::Adoption, ReportWindow::lastDays(180, m_today)).rows);

    const ReportWindow custom{QDate(2026, 1, 1), QDate(2026, 2, 28)};
    page->windowSelector()->setCustomRange(custom.from, custom.to);
    waitUntilLoaded(*page);
    QCOMPARE(page->window().from, custom.from);
    QCOMPARE(page->window().to, custom.to);
    QCOMPARE(page->roiPanel()->model()->table().rows,
             report(Reports::Kind::AdoptionRoi, custom).rows);
    // The choice is remembered.
    auto again = makePage();
    QCOMPARE(again->window().to, custom.to);
}

void TestAdoptionPage::sortingOrdersTheRoiTable()
{
    auto page = makePage();
    page->windowSelector()->setLastDays(180);
    waitUntilLoaded(*page);
    QTableView *view = page->roiPanel()->view();
    const ReportTableModel *model = page->roiPanel()->model();
    QSortFilterProxyModel *proxy = page->roiPanel()->proxy();
    QVERIFY(proxy->rowCount() > 2);
    const int users = model->columnOfKey(QStringLiteral("active_users"));
    view->sortByColumn(users, Qt::AscendingOrder);
    for (int r = 1; r < proxy->rowCount(); ++r)
        QVERIFY(proxy->index(r - 1, users).data(ReportTableModel::RawRole).toLongLong() <=
                proxy->index(r, users).data(ReportTableModel::RawRole).toLongLong());
    view->sortByColumn(users, Qt::DescendingOrder);
    QCOMPARE(proxy->index(0, users).data(ReportTableModel::RawRole).toLongLong(), [&] {
        qint64 most = 0;
        for (const QVariantList &row : model->table().rows)
            most = std::max(most, row.at(3).toLongLong());
        return most;
    }());
    const int name = model->columnOfKey(QStringLiteral("feature"));
    view->sortByColumn(name, Qt::AscendingOrder);
    for (int r = 1; r < proxy->rowCount(); ++r)
        QVERIFY(proxy->index(r - 1, name).data().toString() <=
                proxy->index(r, name).data().toString());
}

void TestAdoptionPage::drillDownFromARowOpensItsRows()
{
    auto page = makePage();
    QTableView *view = page->roiPanel()->view();
    const ReportTableModel *model = page->roiPanel()->model();
    const int power = model->columnOfKey(QStringLiteral("power_users"));
    // The second row by revenue, reached by keyboard.
    view->sortByColumn(-1, Qt::AscendingOrder);
    view->setFocus();
    view->setCurrentIndex(view->model()->index(1, power));
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_VERIFY(page->drillDownDialog());
    DrillDownDialog *dialog = page->drillDownDialog();
    QTRY_VERIFY(!dialog->isLoading());
    QVERIFY(dialog->isVisible());
    const qint64 feature = model->table().value(1, QStringLiteral("feature_id")).toLongLong();
    QString error;
    const auto expected =
        Reports::drillDown(m_controller->database()->connection(), QStringLiteral("power-users"),
                           QString::number(feature), page->window(), &error);
    QVERIFY2(expected, qPrintable(error));
    QCOMPARE(dialog->model()->table().rows, expected->rows);
    QCOMPARE(dialog->model()->rowCount(),
             model->table().value(1, QStringLiteral("power_users")).toLongLong());
    dialog->close();
}

// The velocity and validation cards open what they summarise, by keyboard as by mouse.
void TestAdoptionPage::cardsOpenTheirRows()
{
    auto page = makePage();
    AdoptionSummaryCards *cards = page->cards();
    QTRY_VERIFY(cards->throughput()->focusPolicy() == Qt::StrongFocus);
    cards->throughput()->setFocus();
    QTest::keyClick(cards->throughput(), Qt::Key_Return);
    QTRY_VERIFY(page->drillDownDialog());
    QTRY_VERIFY(!page->drillDownDialog()->isLoading());
    QString error;
    const auto items =
        Reports::drillDown(m_controller->database()->connection(), QStringLiteral("work-items"),
                           QStringLiteral("Jira"), page->window(), &error);
    QVERIFY2(items, qPrintable(error));
    QVERIFY(!items->rows.isEmpty());
    QCOMPARE(page->drillDownDialog()->model()->table().rows, items->rows);

    QTest::mouseClick(cards->validation(), Qt::LeftButton);
    QTRY_VERIFY(!page->drillDownDialog()->isLoading());
    QVERIFY(
        page->drillDownDialog()->model()->table().title.startsWith(QLatin1String("Feedback on")));
    QVERIFY(page->drillDownDialog()->model()->rowCount() > 0);
    page->drillDownDialog()->close();
}

void TestAdoptionPage::drillDownFromABarOpensTheOpportunities()
{
    auto page = makePage();
    RoiPanel *roi = page->roiPanel();
    const int top = int(roi->barFeatures().size()) - 1;
    Q_EMIT roi->bars()->barSets().first()->clicked(top);
    QTRY_VERIFY(page->drillDownDialog());
    QTRY_VERIFY(!page->drillDownDialog()->isLoading());
    QString error;
    const auto expected =
        Reports::drillDown(m_controller->database()->connection(), QStringLiteral("revenue"),
                           QString::number(roi->barFeatures().at(top)), page->window(), &error);
    QVERIFY2(expected, qPrintable(error));
    QVERIFY(!expected->rows.isEmpty());
    QCOMPARE(page->drillDownDialog()->model()->table().rows, expected->rows);
    // The deals add up to the bar (the demo has one currency or rates for all).
    double sum = 0;
    for (int r = 0; r < expected->rows.size(); ++r)
        sum += expected->value(r, QStringLiteral("deal_size")).toDouble();
    if (!roi->model()->table().value(0, QStringLiteral("revenue")).isNull() &&
        roi->model()
                ->table()
                .value(0, QStringLiteral("revenue_by_currency"))
                .toString()
                .count(QLatin1Char(';')) == 0)
        QCOMPARE(qRound64(sum),
                 qRound64(roi->model()->table().value(0, QStringLiteral("revenue")).toDouble()));
}

void TestAdoptionPage::curvesHaveTheReportsPoints()
{
    auto page = makePage();
    const QList<qint64> chosen = page->adoptionTable()->chosenFeatures();
    QCOMPARE(chosen.size(), FeatureAdoptionTable::DefaultChoice);
    QTRY_VERIFY(page->curveChart()->completeSeries(chosen.first()));
    QString error;
    const auto curve = Reports::adoptionCurve(m_controller->database()->connection(),
                                              chosen.first(), false, m_today, &error);
    QVERIFY2(curve, qPrintable(error));
    QLineSeries *complete = page->curveChart()->completeSeries(chosen.first());
    QLineSeries *incomplete = page->curveChart()->incompleteSeries(chosen.first());
    QVERIFY(incomplete);
    // Every complete day solid; the last, running day dashed from the day before.
    QCOMPARE(complete->count(), curve->rows.size() - 1);
    QCOMPARE(incomplete->count(), 2);
    QCOMPARE(incomplete->pen().style(), Qt::DashLine);
    for (int i = 0; i < complete->count(); ++i) {
        QCOMPARE(complete->at(i).x(), qreal(i));
        QCOMPARE(complete->at(i).y(), curve->value(i, QStringLiteral("adoption_rate")).toDouble());
    }
    QCOMPARE(incomplete->at(1).y(),
             curve->value(int(curve->rows.size()) - 1, QStringLiteral("adoption_rate")).toDouble());

    page->setXAxis(AdoptionCurveChart::XAxis::CalendarDate);
    complete = page->curveChart()->completeSeries(chosen.first());
    const QDate first =
        QDate::fromString(curve->value(0, QStringLiteral("period")).toString(), Qt::ISODate);
    QCOMPARE(complete->at(0).x(), qreal(first.startOfDay(Qt::UTC).toMSecsSinceEpoch()));

    page->setWeekly(true);
    waitUntilLoaded(*page);
    const auto weekly = Reports::adoptionCurve(m_controller->database()->connection(),
                                               chosen.first(), true, m_today, &error);
    QVERIFY2(weekly, qPrintable(error));
    QTRY_COMPARE(page->curveChart()->completeSeries(chosen.first())->count() +
                     page->curveChart()->incompleteSeries(chosen.first())->count() - 1,
                 weekly->rows.size());

    // A point opens the users counted at it.
    QSignalSpy clicked(page->curveChart(), &AdoptionCurveChart::pointClicked);
    complete = page->curveChart()->completeSeries(chosen.first());
    Q_EMIT complete->clicked(complete->at(1));
    QCOMPARE(clicked.size(), 1);
    QTRY_VERIFY(page->drillDownDialog());
    QTRY_VERIFY(!page->drillDownDialog()->isLoading());
    QCOMPARE(page->drillDownDialog()->model()->rowCount(),
             weekly->value(1, QStringLiteral("users")).toLongLong());
}

void TestAdoptionPage::staleResultsDoNotOverwriteNewerOnes()
{
    auto page = makePage();
    page->windowSelector()->setLastDays(180);
    page->windowSelector()->setLastDays(30);
    QVERIFY(page->isLoading());
    waitUntilLoaded(*page);
    // Give any older result time to arrive; it must be dropped.
    QTest::qWait(200);
    QCOMPARE(page->roiPanel()->model()->table().rows,
             report(Reports::Kind::AdoptionRoi, ReportWindow::lastDays(30, m_today)).rows);
    QCOMPARE(page->adoptionTable()->model()->table().rows,
             report(Reports::Kind::Adoption, ReportWindow::lastDays(30, m_today)).rows);
}

void TestAdoptionPage::withoutAWorkspaceItSaysWhy()
{
    WorkspaceController empty;
    AdoptionPage page(&empty);
    page.show();
    QVERIFY(!page.isLoading());
    bool said = false;
    for (const QLabel *label : page.findChildren<QLabel *>())
        said =
            said || (label->isVisible() && label->text().contains(QLatin1String("No workspace")));
    QVERIFY(said);
}

QTEST_MAIN(TestAdoptionPage)
#include "tst_adoptionpage.moc"
