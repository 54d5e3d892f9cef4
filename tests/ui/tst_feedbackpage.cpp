#include "banner.h"
#include "database.h"
#include "demoworkspace.h"
#include "feedback/feedbackinboxmodel.h"
#include "feedbackfilterbar.h"
#include "feedbackmorefilters.h"
#include "feedbackpage.h"
#include "feedbackreadingpane.h"
#include "feedbacktableview.h"
#include "metrics/featurecatalog.h"
#include "testworkspace.h"
#include "workspacecontroller.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QRegularExpression>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>

// The inbox on a generated demo workspace: what the page shows and what triage writes are
// checked against the feedback queries read directly.
class TestFeedbackPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void modelPassesTheTester();
    void searchAsYouTypeNarrowsAndHighlights();
    void filterCombinesWithSearch();
    void keyboardTriageWritesTheStatus();
    void undoAndRedoAStatusChange();
    void undoAndRedoAFeatureLink();
    void bulkActionAppliesToTheSelection();
    void withoutAWorkspaceItSaysWhy();
    void savedViewsKeepAndRestoreFilters();
    void moreFiltersNarrowByCompanyAndScore();
    void mergeSelectedHidesDuplicatesUntilUndone();
    void createsAFeatureFromAnItem();
    void removesATagFromTheReadingPane();
    void headerMenuChoosesColumns();

private:
    std::unique_ptr<FeedbackPage> makePage();
    FeedbackRow stored(qint64 id);
    qint64 count(const FeedbackFilter &filter);
    QString searchWord(FeedbackPage &page);
    static int rowWithStatusOtherThan(FeedbackPage &page, const QString &status);

    std::unique_ptr<TestWorkspace> m_workspace;
    std::unique_ptr<WorkspaceController> m_controller;
    const QDate m_today{2026, 4, 15};
};

void TestFeedbackPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ProductHubTest"));
    QCoreApplication::setApplicationName(QStringLiteral("product-hub-feedback-test"));
    QLocale::setDefault(QLocale::c());
    m_workspace = std::make_unique<TestWorkspace>();
    QString error;
    m_controller = DemoWorkspace::open(*m_workspace, m_today, &error);
    QVERIFY2(m_controller, qPrintable(error));
}

void TestFeedbackPage::init()
{
    QSettings().clear();
}

void TestFeedbackPage::cleanupTestCase()
{
    m_controller.reset();
    m_workspace.reset();
}

std::unique_ptr<FeedbackPage> TestFeedbackPage::makePage()
{
    auto page = std::make_unique<FeedbackPage>(m_controller.get());
    page->resize(1400, 900);
    page->show();
    if (!QTest::qWaitForWindowExposed(page.get()))
        qWarning("the page was not exposed");
    FeedbackPage *shown = page.get();
    if (!QTest::qWaitFor([shown] { return !shown->isBusy() && !shown->countText().isEmpty(); },
                         20000))
        qWarning("the page did not finish loading");
    return page;
}

FeedbackRow TestFeedbackPage::stored(qint64 id)
{
    QList<FeedbackRow> rows;
    QString error;
    if (!FeedbackQuery().rows(m_controller->database()->connection(), {id}, &rows, &error) ||
        rows.size() != 1) {
        qWarning("%s", qPrintable(error));
        return FeedbackRow();
    }
    return rows.first();
}

qint64 TestFeedbackPage::count(const FeedbackFilter &filter)
{
    QString error;
    return FeedbackQuery(filter).count(m_controller->database()->connection(), &error).value_or(-1);
}

// A word of the newest item's title long enough to be specific, so that searching for it
// narrows the inbox without emptying it.
QString TestFeedbackPage::searchWord(FeedbackPage &page)
{
    FeedbackInboxModel *model = page.model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString title = model->data(model->index(row, FeedbackInboxModel::Title)).toString();
        for (const QString &word : title.split(QRegularExpression(QStringLiteral("\\W+")))) {
            if (word.size() < 6)
                continue;
            FeedbackFilter filter;
            filter.text = word;
            const qint64 matching = count(filter);
            if (matching > 1 && matching < count(FeedbackFilter()) / 2)
                return word;
        }
    }
    return QString();
}

int TestFeedbackPage::rowWithStatusOtherThan(FeedbackPage &page, const QString &status)
{
    FeedbackInboxModel *model = page.model();
    for (int row = 1; row < model->rowCount(); ++row) {
        if (model->data(model->index(row, 0), FeedbackInboxModel::StatusRole).toString() != status)
            return row;
    }
    return -1;
}

void TestFeedbackPage::modelPassesTheTester()
{
    FeedbackInboxModel model(m_controller->database()->connection());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setWindowSize(25);
    model.reload();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.canFetchMore(QModelIndex()));
    model.fetchMore(QModelIndex());
    // Whole windows (the tester may ask for more of its own accord, as a view would).
    const int first = model.rowCount();
    QVERIFY(first >= 25 && first % 25 == 0);
    model.fetchMore(QModelIndex());
    QCOMPARE(model.rowCount(), first + 25);
    model.sort(FeedbackInboxModel::Score, Qt::DescendingOrder);
    model.fetchMore(QModelIndex());
    QVERIFY(model.rowCount() >= 25);
    const double top = model.data(model.index(0, FeedbackInboxModel::Score)).toDouble();
    for (int row = 1; row < 25; ++row)
        QVERIFY(model.data(model.index(row, FeedbackInboxModel::Score)).toDouble() <= top);
    FeedbackFilter filter;
    filter.statuses = {QStringLiteral("new")};
    model.setQuery(FeedbackQuery(filter));
    model.fetchMore(QModelIndex());
    QVERIFY(model.rowCount() > 0);
    QCOMPARE(model.data(model.index(0, 0), FeedbackInboxModel::StatusRole).toString(),
             QStringLiteral("new"));
}

void TestFeedbackPage::searchAsYouTypeNarrowsAndHighlights()
{
    auto page = makePage();
    QVERIFY(page);
    const qint64 total = count(FeedbackFilter());
    QVERIFY(total > 50);
    QVERIFY2(page->countText().startsWith(QLocale().toString(total)),
             qPrintable(page->countText()));
    const QString word = searchWord(*page);
    QVERIFY(!word.isEmpty());
    FeedbackFilter filter;
    filter.text = word;
    const qint64 matching = count(filter);

    QLineEdit *search = page->filterBar()->searchField();
    search->setFocus();
    QTest::keyClicks(search, word.toLower());
    // Debounced: nothing has changed yet right after typing.
    QVERIFY(page->model()->query().filter().text.isEmpty());
    QTRY_COMPARE(page->model()->query().filter().text, word.toLower());
    QTRY_COMPARE(qint64(page->model()->rowCount()), qMin<qint64>(matching, 200));
    QTRY_VERIFY(page->countText().endsWith(
        QStringLiteral("%1 shown by this filter").arg(QLocale().toString(matching))));

    FeedbackInboxModel *model = page->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString title =
            model->data(model->index(row, 0), FeedbackInboxModel::TitleHighlightRole).toString();
        const QString body =
            model->data(model->index(row, 0), FeedbackInboxModel::BodySnippetRole).toString();
        QVERIFY2(title.contains(QStringLiteral("<b>")) || body.contains(QStringLiteral("<b>")),
                 qPrintable(title + QLatin1Char('|') + body));
    }
    // The first match is read in the pane, its words in bold.
    QCOMPARE(page->view()->currentIndex().row(), 0);
    QTRY_VERIFY(!page->isBusy());
    const QString html = page->readingPane()->text()->toHtml();
    QVERIFY2(html.contains(QStringLiteral("font-weight:")), qPrintable(html));
    QVERIFY(page->readingPane()->text()->toPlainText().contains(word, Qt::CaseInsensitive));
    QVERIFY(!page->readingPane()->text()->toPlainText().contains(QStringLiteral("Loading")));
    QVERIFY(page->readingPane()->similarList()->count() > 0);

    search->clear();
    QTRY_COMPARE(page->model()->rowCount(), 200);
}

void TestFeedbackPage::filterCombinesWithSearch()
{
    auto page = makePage();
    QVERIFY(page);
    const QString word = searchWord(*page);
    QVERIFY(!word.isEmpty());
    QComboBox *status = page->filterBar()->statusBox();
    status->setCurrentIndex(status->findData(QStringLiteral("new")));
    QTRY_COMPARE(page->model()->query().filter().statuses, QStringList{QStringLiteral("new")});
    QTest::keyClicks(page->filterBar()->searchField(), word);
    QTRY_COMPARE(page->model()->query().filter().text, word);

    FeedbackFilter filter;
    filter.text = word;
    filter.statuses = {QStringLiteral("new")};
    const qint64 both = count(filter);
    filter.statuses.clear();
    QVERIFY(both < count(filter));
    QCOMPARE(qint64(page->model()->rowCount()), qMin<qint64>(both, 200));
    FeedbackInboxModel *model = page->model();
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->data(model->index(row, 0), FeedbackInboxModel::StatusRole).toString(),
                 QStringLiteral("new"));
    QTRY_VERIFY(page->countText().endsWith(
        QStringLiteral("%1 shown by this filter").arg(QLocale().toString(both))));
}

void TestFeedbackPage::keyboardTriageWritesTheStatus()
{
    auto page = makePage();
    QVERIFY(page);
    FeedbackTableView *view = page->view();
    const int target = rowWithStatusOtherThan(*page, QStringLiteral("triaged"));
    QVERIFY(target > 0);
    view->setFocus();
    view->setCurrentIndex(page->model()->index(0, FeedbackInboxModel::Title));
    for (int row = 0; row < target; ++row)
        QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(view->currentIndex().row(), target);
    const qint64 id = page->model()->feedbackId(target);
    QCOMPARE(page->readingPane()->itemId(), id);

    QTest::keyClick(view, Qt::Key_T);
    QCOMPARE(stored(id).status, QStringLiteral("triaged"));
    QCOMPARE(page->model()->feedbackId(target), id);
    QCOMPARE(
        page->model()->data(page->model()->index(target, FeedbackInboxModel::Status)).toString(),
        QStringLiteral("triaged"));
    QCOMPARE(view->currentIndex().row(), target);
    QCOMPARE(view->selectionModel()->selectedRows().size(), 1);
    QVERIFY2(page->readingPane()->text()->toPlainText().contains(QStringLiteral("Status: triaged")),
             qPrintable(page->readingPane()->text()->toPlainText()));
    QCOMPARE(page->undoStack()->count(), 1);
}

void TestFeedbackPage::undoAndRedoAStatusChange()
{
    auto page = makePage();
    QVERIFY(page);
    QVERIFY(QTest::qWaitForWindowActive(page.get()));
    FeedbackTableView *view = page->view();
    const int target = rowWithStatusOtherThan(*page, QStringLiteral("archived"));
    QVERIFY(target > 0);
    const qint64 id = page->model()->feedbackId(target);
    const QString before = stored(id).status;
    view->setFocus();
    view->setCurrentIndex(page->model()->index(target, FeedbackInboxModel::Title));
    QTest::keyClick(view, Qt::Key_A);
    QCOMPARE(stored(id).status, QStringLiteral("archived"));

    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(page->undoStack()->index(), 0);
    QCOMPARE(stored(id).status, before);
    QCOMPARE(page->model()->data(page->model()->index(target, FeedbackInboxModel::Status)),
             QVariant(before));
    QVERIFY(
        page->readingPane()->text()->toPlainText().contains(QStringLiteral("Status: ") + before));

    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(page->undoStack()->index(), 1);
    QCOMPARE(stored(id).status, QStringLiteral("archived"));
    QCOMPARE(page->model()->data(page->model()->index(target, FeedbackInboxModel::Status)),
             QVariant(QStringLiteral("archived")));
    QCOMPARE(view->currentIndex().row(), target);
}

void TestFeedbackPage::undoAndRedoAFeatureLink()
{
    auto page = makePage();
    QVERIFY(page);
    QVERIFY(QTest::qWaitForWindowActive(page.get()));
    QString error;
    const FeatureCatalog catalog =
        FeatureCatalog::load(m_controller->database()->connection(), &error);
    QVERIFY2(!catalog.features().isEmpty(), qPrintable(error));
    // A feature the item is not linked to yet.
    FeedbackTableView *view = page->view();
    FeedbackInboxModel *model = page->model();
    const int target = 1;
    const qint64 id = model->feedbackId(target);
    const QVariantList linked =
        model->data(model->index(target, 0), FeedbackInboxModel::FeatureIdsRole).toList();
    const CatalogFeature *feature = nullptr;
    for (const CatalogFeature &candidate : catalog.features()) {
        if (!linked.contains(QVariant(candidate.id))) {
            feature = &candidate;
            break;
        }
    }
    QVERIFY(feature);
    view->setFocus();
    view->setCurrentIndex(model->index(target, FeedbackInboxModel::Title));

    QTest::keyClick(view, Qt::Key_L);
    QLineEdit *field = page->readingPane()->featureField();
    QVERIFY(field->hasFocus());
    page->readingPane()->importanceBox()->setCurrentIndex(3);
    QTest::keyClicks(field, feature->name);
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY2(page->banner()->isHidden(), qPrintable(page->banner()->text()));
    auto linkedTo = [&](const FeedbackRow &row) {
        for (const FeedbackFeatureLink &link : row.features) {
            if (link.featureId == feature->id)
                return link.importance;
        }
        return -2;
    };
    QCOMPARE(linkedTo(stored(id)), 3);
    QVERIFY(model->data(model->index(target, FeedbackInboxModel::Features))
                .toString()
                .contains(feature->name));
    QVERIFY(page->readingPane()->text()->toPlainText().contains(feature->name));

    view->setFocus();
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(linkedTo(stored(id)), -2);
    QVERIFY(!model->data(model->index(target, 0), FeedbackInboxModel::FeatureIdsRole)
                 .toList()
                 .contains(QVariant(feature->id)));
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(linkedTo(stored(id)), 3);
    QVERIFY(model->data(model->index(target, 0), FeedbackInboxModel::FeatureIdsRole)
                .toList()
                .contains(QVariant(feature->id)));
}

void TestFeedbackPage::bulkActionAppliesToTheSelection()
{
    auto page = makePage();
    QVERIFY(page);
    FeedbackTableView *view = page->view();
    FeedbackInboxModel *model = page->model();
    view->setFocus();
    view->setCurrentIndex(model->index(0, FeedbackInboxModel::Title));
    for (int i = 0; i < 4; ++i)
        QTest::keyClick(view, Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(view->selectionModel()->selectedRows().size(), 5);
    QVERIFY(
        page->readingPane()->text()->toPlainText().contains(QStringLiteral("5 items selected")));
    QList<qint64> ids;
    QStringList before;
    for (int row = 0; row < 5; ++row) {
        ids.append(model->feedbackId(row));
        before.append(stored(ids.last()).status);
    }
    // Mixed statuses, so that undo has to put back each one's own.
    before.replace(0, QStringLiteral("x"));
    QTest::keyClick(view, Qt::Key_N);
    before.replace(0, stored(ids.first()).status);
    QTest::keyClick(view, Qt::Key_T);
    QCOMPARE(page->undoStack()->count(), 2);
    QCOMPARE(view->selectionModel()->selectedRows().size(), 5);
    for (int row = 0; row < 5; ++row) {
        QCOMPARE(stored(ids.at(row)).status, QStringLiteral("triaged"));
        QCOMPARE(model->data(model->index(row, FeedbackInboxModel::Status)).toString(),
                 QStringLiteral("triaged"));
    }
    page->undoStack()->undo();
    for (int row = 0; row < 5; ++row)
        QCOMPARE(stored(ids.at(row)).status, QStringLiteral("new"));
    page->undoStack()->undo();
    QCOMPARE(stored(ids.at(0)).status, before.at(0));
}

void TestFeedbackPage::withoutAWorkspaceItSaysWhy()
{
    WorkspaceController empty;
    FeedbackPage page(&empty);
    page.show();
    QVERIFY(!page.model());
    const auto *stack = page.findChild<QStackedWidget *>();
    QVERIFY(stack);
    QCOMPARE(stack->currentIndex(), 0);
    page.setStatus(QStringLiteral("triaged"));
    QCOMPARE(page.undoStack()->count(), 0);

    QString error;
    QVERIFY2(empty.open(m_workspace->folder(), &error), qPrintable(error));
    QTRY_VERIFY(page.model());
    QCOMPARE(stack->currentIndex(), 1);
    QVERIFY(page.model()->rowCount() > 0);
    QTRY_VERIFY(!page.countText().isEmpty());
}

void TestFeedbackPage::savedViewsKeepAndRestoreFilters()
{
    auto page = makePage();
    QVERIFY(page);
    FeedbackFilterBar *bar = page->filterBar();
    QCOMPARE(bar->viewBox()->currentText(), QStringLiteral("All feedback"));
    bar->statusBox()->setCurrentIndex(bar->statusBox()->findData(QStringLiteral("new")));
    bar->unlinkedBox()->setChecked(true);
    QCOMPARE(bar->viewBox()->currentText(), QStringLiteral("Unsaved filter"));
    const FeedbackFilter wanted = bar->filter();

    page->saveView(QStringLiteral("New and unlinked"), wanted);
    QVERIFY2(page->banner()->isHidden(), qPrintable(page->banner()->text()));
    QTRY_COMPARE(bar->viewBox()->currentText(), QStringLiteral("New and unlinked"));
    QVERIFY(bar->currentViewId() > 0);

    // Back to everything, then the view again: every control shows the saved filter.
    const int all = bar->viewBox()->findData(qint64(0));
    bar->viewBox()->setCurrentIndex(all);
    Q_EMIT bar->viewBox()->activated(all);
    QCOMPARE(bar->filter(), FeedbackFilter());
    QCOMPARE(page->model()->query().filter(), FeedbackFilter());
    QVERIFY(!bar->unlinkedBox()->isChecked());
    const int saved = bar->viewBox()->findText(QStringLiteral("New and unlinked"));
    QVERIFY(saved >= 2);
    bar->viewBox()->setCurrentIndex(saved);
    Q_EMIT bar->viewBox()->activated(saved);
    QCOMPARE(bar->filter(), wanted);
    QCOMPARE(page->model()->query().filter(), wanted);
    QVERIFY(bar->unlinkedBox()->isChecked());
    QTRY_VERIFY(!page->isBusy());
    QCOMPARE(page->model()->rowCount() > 0, count(wanted) > 0);

    // Deleting it leaves the filter, now unsaved.
    Q_EMIT bar->deleteViewRequested(bar->currentViewId());
    QTRY_COMPARE(bar->viewBox()->findText(QStringLiteral("New and unlinked")), -1);
    QCOMPARE(bar->viewBox()->currentText(), QStringLiteral("Unsaved filter"));
    bar->reset();
}

void TestFeedbackPage::moreFiltersNarrowByCompanyAndScore()
{
    auto page = makePage();
    QVERIFY(page);
    FeedbackFilterBar *bar = page->filterBar();
    // A company that has feedback, from the first rows.
    FeedbackInboxModel *model = page->model();
    QString company;
    for (int row = 0; row < model->rowCount() && company.isEmpty(); ++row)
        company = model->data(model->index(row, FeedbackInboxModel::Company)).toString();
    QVERIFY(!company.isEmpty());
    QTRY_VERIFY(!page->isBusy());

    QTest::mouseClick(bar->moreButton(), Qt::LeftButton);
    QVERIFY(bar->moreFilters()->isVisible());
    FeedbackMoreFilters *more = bar->moreFilters();
    more->companyField()->setText(company);
    Q_EMIT more->companyField()->editingFinished();
    more->minScoreField()->setText(QStringLiteral("3"));
    Q_EMIT more->minScoreField()->editingFinished();
    const FeedbackFilter filter = page->model()->query().filter();
    QVERIFY(filter.companyId > 0);
    QCOMPARE(filter.minScore.value_or(-1), 3.0);
    QCOMPARE(bar->moreButton()->text(), QStringLiteral("More filters (2)"));
    QTRY_VERIFY(!page->isBusy());
    for (int row = 0; row < model->rowCount(); ++row) {
        QCOMPARE(model->data(model->index(row, FeedbackInboxModel::Company)).toString(), company);
        QVERIFY(model->data(model->index(row, FeedbackInboxModel::Score)).toDouble() >= 3);
    }

    // A name that is no company says so, and does not filter by a wrong one.
    more->companyField()->setText(QStringLiteral("No Such Company Ltd"));
    Q_EMIT more->companyField()->editingFinished();
    QCOMPARE(page->model()->query().filter().companyId, 0);
    const QLabel *problem = more->findChild<QLabel *>();
    bool said = false;
    for (const QLabel *label : more->findChildren<QLabel *>())
        said = said || (label->isVisible() && label->text().contains(QLatin1String("No Such")));
    QVERIFY(problem);
    QVERIFY(said);
    bar->reset();
}

void TestFeedbackPage::mergeSelectedHidesDuplicatesUntilUndone()
{
    auto page = makePage();
    QVERIFY(page);
    FeedbackTableView *view = page->view();
    FeedbackInboxModel *model = page->model();
    const qint64 before = count(FeedbackFilter());
    view->setFocus();
    view->setCurrentIndex(model->index(2, FeedbackInboxModel::Title));
    QTest::keyClick(view, Qt::Key_Down, Qt::ShiftModifier);
    // The current item (row 3) is kept; row 2 is merged into it.
    const qint64 duplicate = model->feedbackId(2);
    const qint64 primary = model->feedbackId(3);
    QTest::keyClick(view, Qt::Key_M, Qt::ControlModifier);
    QVERIFY2(page->banner()->isHidden(), qPrintable(page->banner()->text()));
    QCOMPARE(count(FeedbackFilter()), before - 1);
    QCOMPARE(model->feedbackId(2), primary);
    QCOMPARE(model->feedbackId(view->currentIndex().row()), primary);
    QTRY_VERIFY(
        page->readingPane()->text()->toPlainText().contains(QStringLiteral("Merged duplicates")));

    // The merged item opens from the pane, though the list no longer shows it.
    QString error;
    const QList<DuplicateItem> merged =
        FeedbackTriage::duplicates(m_controller->database()->connection(), primary, &error);
    QCOMPARE(merged.size(), 1);
    QCOMPARE(merged.first().id, duplicate);

    page->undoStack()->undo();
    QCOMPARE(count(FeedbackFilter()), before);
    QCOMPARE(model->feedbackId(2), duplicate);
    page->undoStack()->redo();
    QCOMPARE(count(FeedbackFilter()), before - 1);
    // Unmerge through the pane's link.
    Q_EMIT page->readingPane()->text()->anchorClicked(
        QUrl(QStringLiteral("hub-unmerge:%1").arg(duplicate)));
    QCOMPARE(count(FeedbackFilter()), before);
}

void TestFeedbackPage::createsAFeatureFromAnItem()
{
    auto page = makePage();
    QVERIFY(page);
    FeedbackTableView *view = page->view();
    FeedbackInboxModel *model = page->model();
    view->setFocus();
    view->setCurrentIndex(model->index(4, FeedbackInboxModel::Title));
    const qint64 id = model->feedbackId(4);
    const QString name = QStringLiteral("Offline review mode");
    QVERIFY(page->createFeature(name, QStringLiteral("From the inbox"), 3));
    const auto linkedTo = [&] {
        for (const FeedbackFeatureLink &link : stored(id).features) {
            if (link.name == name)
                return link.importance;
        }
        return -2;
    };
    QCOMPARE(linkedTo(), 3);
    QVERIFY(model->data(model->index(4, FeedbackInboxModel::Features)).toString().contains(name));
    // The new feature can be linked from the completer at once.
    QTRY_VERIFY(page->readingPane()
                    ->featureField()
                    ->completer()
                    ->model()
                    ->match(page->readingPane()->featureField()->completer()->model()->index(0, 0),
                            Qt::DisplayRole, name, 1, Qt::MatchExactly)
                    .size() == 1);
    // Making it twice is refused with the reason.
    QVERIFY(!page->createFeature(name, QString(), 1));
    QVERIFY(page->banner()->text().contains(QLatin1String("already")));

    page->undoStack()->undo();
    QCOMPARE(linkedTo(), -2);
    QString error;
    const FeatureCatalog catalog =
        FeatureCatalog::load(m_controller->database()->connection(), &error);
    for (const CatalogFeature &feature : catalog.features())
        QVERIFY(feature.name != name);
}

void TestFeedbackPage::removesATagFromTheReadingPane()
{
    auto page = makePage();
    QVERIFY(page);
    FeedbackTableView *view = page->view();
    FeedbackInboxModel *model = page->model();
    view->setFocus();
    view->setCurrentIndex(model->index(5, FeedbackInboxModel::Title));
    const qint64 id = model->feedbackId(5);
    page->addTag(QStringLiteral("follow up/Q3"));
    QVERIFY(stored(id).tags.contains(QStringLiteral("follow up/Q3")));
    QVERIFY(page->readingPane()->text()->toHtml().contains(QLatin1String("hub-untag:")));
    // The link the pane shows for the tag, followed as a click would.
    Q_EMIT page->readingPane()->text()->anchorClicked(
        QUrl(QStringLiteral("hub-untag:") +
             QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("follow up/Q3")))));
    QVERIFY(!stored(id).tags.contains(QStringLiteral("follow up/Q3")));
    page->undoStack()->undo();
    QVERIFY(stored(id).tags.contains(QStringLiteral("follow up/Q3")));
    page->undoStack()->undo();
    QVERIFY(stored(id).tags.isEmpty());
}

void TestFeedbackPage::headerMenuChoosesColumns()
{
    auto page = makePage();
    QVERIFY(page);
    FeedbackTableView *view = page->view();
    QVERIFY(view->isColumnHidden(FeedbackInboxModel::Channel));
    // Tick "Channel" in the header's menu when it opens.
    QTimer::singleShot(0, this, [] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        for (QAction *action : menu->actions()) {
            if (action->text() == QStringLiteral("Channel"))
                action->trigger();
        }
        menu->close();
    });
    Q_EMIT view->horizontalHeader()->customContextMenuRequested(QPoint(10, 5));
    QVERIFY(!view->isColumnHidden(FeedbackInboxModel::Channel));
    // Remembered for the next time the page opens.
    page.reset();
    auto again = makePage();
    QVERIFY(!again->view()->isColumnHidden(FeedbackInboxModel::Channel));
}

QTEST_MAIN(TestFeedbackPage)
#include "tst_feedbackpage.moc"
