// The Companies page: companies with their identifiers per service, filtered as one types,
// and wrong matches split off or merged, each undone and redone from the page's undo stack.
#include "banner.h"
#include "companies/companiespage.h"
#include "companies/companytreemodel.h"
#include "companylinker.h"
#include "database.h"
#include "databasewriter.h"
#include "testworkspace.h"
#include "theme.h"
#include "workspacecontroller.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

class TestCompaniesPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void showsCompaniesWithTheirIdentifiersAndCounts();
    void searchFiltersAsOneTypes();
    void splitOffIsUndoneAndRedone();
    void mergeIsUndoneAndRedone();
    void aRefusedEditSaysWhy();
    void withoutAWorkspaceItSaysWhy();

private:
    void exec(const QString &sql, const QVariantList &binds = {});
    qint64 companyOf(const QString &externalId);
    int companyCount();
    void screenshot(CompaniesPage &page, const QString &name);

    std::unique_ptr<TestWorkspace> m_workspace;
    std::unique_ptr<WorkspaceController> m_controller;
    qint64 m_crm = 0;
    qint64 m_board = 0;
};

void TestCompaniesPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ProductHubTest"));
    QCoreApplication::setApplicationName(QStringLiteral("product-hub-companies-test"));
    if (!qEnvironmentVariableIsEmpty("HUB_SCREENSHOTS"))
        Theme::apply(*qobject_cast<QApplication *>(QCoreApplication::instance()));
}

void TestCompaniesPage::init()
{
    m_workspace = std::make_unique<TestWorkspace>();
    m_controller = std::make_unique<WorkspaceController>();
    QString error;
    QVERIFY2(m_controller->open(m_workspace->folder(), &error), qPrintable(error));
    const WriteResult written = m_controller->database()->writer()->run([this](QSqlDatabase &db,
                                                                               QString *e) {
        QSqlQuery query(db);
        for (const char *kind : {"salesforce", "productboard"}) {
            query.prepare(QStringLiteral("INSERT INTO sources (kind, name, created_at) VALUES "
                                         "(?, ?, '2026-01-01T00:00:00Z')"));
            query.addBindValue(QString::fromLatin1(kind));
            query.addBindValue(QString::fromLatin1(kind).toUpper());
            if (!query.exec()) {
                *e = query.lastError().text();
                return false;
            }
            (m_crm ? m_board : m_crm) = query.lastInsertId().toLongLong();
        }
        CompanyLinker linker(db);
        return linker.link(m_crm,
                           {QStringLiteral("001A"),
                            QStringLiteral("Acme Inc."),
                            QStringLiteral("acme.com"),
                            {},
                            {}},
                           e) &&
               linker.link(m_crm,
                           {QStringLiteral("001B"),
                            QStringLiteral("Globex"),
                            QStringLiteral("globex.io"),
                            {},
                            {}},
                           e) &&
               // Matched by name, wrongly: a different Acme.
               linker.link(m_board, {QStringLiteral("pb-7"), QStringLiteral("ACME"), {}, {}, {}},
                           e) &&
               linker.link(m_board,
                           {QStringLiteral("pb-9"), QStringLiteral("Globex Ltd"), {}, {}, {}}, e);
    });
    QVERIFY2(written.ok, qPrintable(written.error));
    exec(QStringLiteral("INSERT INTO users (source_id, external_id, company_id, company_ref) "
                        "VALUES (?, 'u1', ?, 'pb-7'), (?, 'u2', ?, '001A')"),
         {m_board, companyOf(QStringLiteral("pb-7")), m_crm, companyOf(QStringLiteral("001A"))});
    exec(QStringLiteral("INSERT INTO sales_opportunities (source_id, external_id, name, "
                        "company_id, company_ref) VALUES (?, '006A', 'Renewal', ?, '001A')"),
         {m_crm, companyOf(QStringLiteral("001A"))});
}

void TestCompaniesPage::cleanup()
{
    m_controller.reset();
    m_workspace.reset();
    m_crm = m_board = 0;
}

void TestCompaniesPage::exec(const QString &sql, const QVariantList &binds)
{
    const WriteResult written =
        m_controller->database()->writer()->run([&](QSqlDatabase &db, QString *error) {
            QSqlQuery query(db);
            query.prepare(sql);
            for (const QVariant &bind : binds)
                query.addBindValue(bind);
            if (query.exec())
                return true;
            *error = query.lastError().text();
            return false;
        });
    QVERIFY2(written.ok, qPrintable(written.error));
}

qint64 TestCompaniesPage::companyOf(const QString &externalId)
{
    QSqlQuery query(m_controller->database()->connection());
    query.prepare(QStringLiteral("SELECT company_id FROM company_sources WHERE external_id = ?"));
    query.addBindValue(externalId);
    return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
}

int TestCompaniesPage::companyCount()
{
    QSqlQuery query(m_controller->database()->connection());
    return query.exec(QStringLiteral("SELECT count(*) FROM companies")) && query.next()
               ? query.value(0).toInt()
               : -1;
}

void TestCompaniesPage::screenshot(CompaniesPage &page, const QString &name)
{
    // Set HUB_SCREENSHOTS to a folder to look at the page.
    const QString folder = qEnvironmentVariable("HUB_SCREENSHOTS");
    if (folder.isEmpty())
        return;
    QTest::qWait(100);
    const QString tag = Theme::isDark() ? QStringLiteral("dark") : QStringLiteral("light");
    page.grab().save(QDir(folder).filePath(name + QLatin1Char('-') + tag + QStringLiteral(".png")));
}

void TestCompaniesPage::showsCompaniesWithTheirIdentifiersAndCounts()
{
    CompaniesPage page(m_controller.get());
    page.resize(1200, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_COMPARE(page.model()->rowCount(), 2);
    const QModelIndex acme = page.model()->indexOfCompany(companyOf(QStringLiteral("001A")));
    QVERIFY(acme.isValid());
    QCOMPARE(page.model()->rowCount(acme), 2);
    const auto cell = [&](int column) {
        return page.model()->index(acme.row(), column).data();
    };
    QCOMPARE(cell(CompanyTreeModel::DomainColumn).toString(), QStringLiteral("acme.com"));
    QCOMPARE(cell(CompanyTreeModel::UsersColumn).toInt(), 2);
    QCOMPARE(cell(CompanyTreeModel::OpportunitiesColumn).toInt(), 1);
    QCOMPARE(cell(CompanyTreeModel::FeedbackColumn).toInt(), 0);
    QVERIFY2(page.countLabel()->text().contains(QLatin1String("2 companies")),
             qPrintable(page.countLabel()->text()));
    QVERIFY2(page.countLabel()->text().contains(QLatin1String("4 identifiers")),
             qPrintable(page.countLabel()->text()));
    // Splitting needs an identifier; merging a company.
    page.selectCompany(companyOf(QStringLiteral("001A")));
    QVERIFY(!page.splitAction()->isEnabled());
    QVERIFY(page.mergeAction()->isEnabled());
    page.treeView()->expandAll();
    screenshot(page, QStringLiteral("companies"));
}

void TestCompaniesPage::searchFiltersAsOneTypes()
{
    CompaniesPage page(m_controller.get());
    QTRY_COMPARE(page.model()->rowCount(), 2);
    QTest::keyClicks(page.searchField(), QStringLiteral("pb-9"));
    QTRY_COMPARE(page.model()->rowCount(), 1);
    QCOMPARE(page.model()->index(0, CompanyTreeModel::NameColumn).data().toString(),
             QStringLiteral("Globex"));
    page.searchField()->setText(QStringLiteral("nothing like it"));
    QTRY_COMPARE(page.model()->rowCount(), 0);
    QVERIFY(page.countLabel()->text().isEmpty());
    page.searchField()->clear();
    QTRY_COMPARE(page.model()->rowCount(), 2);
}

void TestCompaniesPage::splitOffIsUndoneAndRedone()
{
    CompaniesPage page(m_controller.get());
    page.show();
    QTRY_COMPARE(page.model()->rowCount(), 2);
    const qint64 acme = companyOf(QStringLiteral("001A"));
    QCOMPARE(companyOf(QStringLiteral("pb-7")), acme);
    // Select the board's identifier under Acme, as a person would.
    page.selectCompany(acme);
    const QModelIndex company = page.treeView()->currentIndex();
    QModelIndex board;
    for (int row = 0; row < page.treeView()->model()->rowCount(company); ++row) {
        const QModelIndex child = page.treeView()->model()->index(row, 0, company);
        if (child.data(CompanyTreeModel::ExternalIdRole).toString() == QLatin1String("pb-7"))
            board = child;
    }
    QVERIFY(board.isValid());
    page.treeView()->setCurrentIndex(board);
    QVERIFY(page.splitAction()->isEnabled());

    QSignalSpy edited(&page, &CompaniesPage::edited);
    page.splitAction()->trigger();
    QTRY_COMPARE(edited.count(), 1);
    QVERIFY(edited.at(0).at(0).toBool());
    QTRY_COMPARE(page.model()->rowCount(), 3);
    const qint64 split = companyOf(QStringLiteral("pb-7"));
    QVERIFY(split != acme);
    QTRY_COMPARE(page.selectedCompanyId(), split);
    QCOMPARE(page.undoStack()->count(), 1);
    QCOMPARE(page.undoStack()->undoText(), QStringLiteral("Split pb-7 off"));
    // The board's user went with its identifier; the CRM's stayed.
    const QModelIndex splitRow = page.model()->indexOfCompany(split);
    QCOMPARE(page.model()->index(splitRow.row(), CompanyTreeModel::UsersColumn).data().toInt(), 1);

    // Ctrl+Z on the page undoes, Ctrl+Shift+Z redoes, with the same company id.
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    page.treeView()->setFocus();
    QTest::keyClick(page.treeView(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(edited.count(), 2);
    QTRY_COMPARE(page.model()->rowCount(), 2);
    QCOMPARE(companyOf(QStringLiteral("pb-7")), acme);
    QCOMPARE(companyCount(), 2);
    QTest::keyClick(page.treeView(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(edited.count(), 3);
    QTRY_COMPARE(page.model()->rowCount(), 3);
    QCOMPARE(companyOf(QStringLiteral("pb-7")), split);
    QVERIFY(!page.banner()->isVisible());
}

void TestCompaniesPage::mergeIsUndoneAndRedone()
{
    CompaniesPage page(m_controller.get());
    page.show();
    QTRY_COMPARE(page.model()->rowCount(), 2);
    const qint64 acme = companyOf(QStringLiteral("001A"));
    const qint64 globex = companyOf(QStringLiteral("001B"));
    QSignalSpy edited(&page, &CompaniesPage::edited);
    page.mergeInto(globex, acme);
    QTRY_COMPARE(edited.count(), 1);
    QTRY_COMPARE(page.model()->rowCount(), 1);
    QCOMPARE(page.model()->rowCount(page.model()->index(0, 0)), 4);
    QCOMPARE(companyOf(QStringLiteral("pb-9")), acme);
    QCOMPARE(page.undoStack()->undoText(), QStringLiteral("Merge Globex into Acme Inc."));
    page.undoStack()->undo();
    QTRY_COMPARE(edited.count(), 2);
    QTRY_COMPARE(page.model()->rowCount(), 2);
    QCOMPARE(companyOf(QStringLiteral("pb-9")), globex);
    QCOMPARE(companyOf(QStringLiteral("001B")), globex);
    page.undoStack()->redo();
    QTRY_COMPARE(edited.count(), 3);
    QTRY_COMPARE(page.model()->rowCount(), 1);
    QCOMPARE(companyOf(QStringLiteral("001B")), acme);
}

void TestCompaniesPage::aRefusedEditSaysWhy()
{
    CompaniesPage page(m_controller.get());
    page.show();
    QTRY_COMPARE(page.model()->rowCount(), 2);
    QSignalSpy edited(&page, &CompaniesPage::edited);
    page.splitOff(m_crm, QStringLiteral("no-such-id"));
    QTRY_COMPARE(edited.count(), 1);
    QVERIFY(!edited.at(0).at(0).toBool());
    QVERIFY(page.banner()->isVisible());
    QVERIFY2(page.banner()->text().contains(QLatin1String("no-such-id")),
             qPrintable(page.banner()->text()));
    QCOMPARE(page.undoStack()->count(), 0);
    QCOMPARE(companyCount(), 2);
}

void TestCompaniesPage::withoutAWorkspaceItSaysWhy()
{
    CompaniesPage page(nullptr);
    page.show();
    QCOMPARE(page.model()->rowCount(), 0);
    QVERIFY(!page.splitAction()->isEnabled());
    QVERIFY(!page.mergeAction()->isEnabled());
    QVERIFY(page.findChildren<QLabel *>().size() > 1);
    bool explained = false;
    for (const QLabel *label : page.findChildren<QLabel *>())
        explained = explained || label->text().contains(QLatin1String("Open a workspace"));
    QVERIFY(explained);
}

QTEST_MAIN(TestCompaniesPage)
#include "tst_companiespage.moc"
