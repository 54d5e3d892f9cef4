#include "demo/demogenerator.h"
#include "mainwindow.h"
#include "overviewpage.h"
#include "recentworkspaces.h"
#include "testworkspace.h"
#include "welcomepage.h"
#include "workspacecontroller.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>

#include "banner.h"

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void firstRunShowsTheWelcomePage();
    void openingAWorkspaceShowsItsSummary();
    void anEmptyWorkspaceSaysWhatToDo();
    void aBrokenWorkspaceIsExplainedInline();
    void remembersTheLastWorkspaceAndGeometry();
    void createsTheDemoWorkspaceInTheBackground();

private:
    static QWidget *currentPage(const MainWindow &window) { return window.currentPage(); }
    static QString visibleBannerText(QWidget *page)
    {
        for (const Banner *banner : page->findChildren<Banner *>()) {
            if (banner->isVisible())
                return banner->text();
        }
        return {};
    }
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ProductHubTest"));
    QCoreApplication::setApplicationName(QStringLiteral("product-hub-test"));
}

void TestMainWindow::init()
{
    QSettings().clear();
}

void TestMainWindow::firstRunShowsTheWelcomePage()
{
    MainWindow window;
    window.restoreLastWorkspace();
    window.show();
    QCOMPARE(currentPage(window), window.welcomePage());
    QVERIFY(window.welcomePage()->findChild<QPushButton *>() != nullptr);
}

void TestMainWindow::openingAWorkspaceShowsItsSummary()
{
    TestWorkspace workspace;
    {
        const auto db = workspace.open();
        DemoGenerator::Options options;
        options.today = QDate(2026, 11, 28);
        QString error;
        QSqlDatabase connection = db->connection();
        QVERIFY2(DemoGenerator(options).generate(connection, &error), qPrintable(error));
    }
    MainWindow window;
    window.show();
    QSignalSpy loaded(window.controller(), &WorkspaceController::summaryLoaded);
    QVERIFY(window.openWorkspace(workspace.folder()));
    QCOMPARE(currentPage(window), window.overviewPage());
    QVERIFY(loaded.wait(10000));
    QCOMPARE(window.overviewPage()->cardValue(QStringLiteral("Features")), QLocale().toString(12));
    QCOMPARE(window.overviewPage()->cardValue(QStringLiteral("Feedback")), QLocale().toString(600));
    QCOMPARE(window.overviewPage()->cardValue(QStringLiteral("Launch plans")), QStringLiteral("2"));
    QVERIFY(window.windowTitle().contains(QFileInfo(workspace.folder()).fileName()));
}

void TestMainWindow::anEmptyWorkspaceSaysWhatToDo()
{
    TestWorkspace workspace;
    MainWindow window;
    window.show();
    QSignalSpy loaded(window.controller(), &WorkspaceController::summaryLoaded);
    QVERIFY(window.openWorkspace(workspace.folder()));
    QVERIFY(loaded.wait(10000));
    bool explained = false;
    for (const QLabel *label : window.overviewPage()->findChildren<QLabel *>()) {
        if (label->isVisible() && label->text().contains(QStringLiteral("This workspace is empty")))
            explained = true;
    }
    QVERIFY(explained);
}

void TestMainWindow::aBrokenWorkspaceIsExplainedInline()
{
    TestWorkspace workspace;
    QFile file(workspace.databasePath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("definitely not sqlite");
    file.close();
    MainWindow window;
    window.show();
    QVERIFY(!window.openWorkspace(workspace.folder()));
    QCOMPARE(currentPage(window), window.welcomePage());
    QVERIFY2(visibleBannerText(window.welcomePage())
                 .contains(QStringLiteral("not a workspace database")),
             qPrintable(visibleBannerText(window.welcomePage())));
}

void TestMainWindow::remembersTheLastWorkspaceAndGeometry()
{
    TestWorkspace workspace;
    {
        MainWindow window;
        window.show();
        QVERIFY(window.openWorkspace(workspace.folder()));
        window.resize(900, 640);
        window.close();
    }
    QCOMPARE(RecentWorkspaces::last(), Workspace(workspace.folder()).folder());
    MainWindow again;
    again.restoreLastWorkspace();
    QCOMPARE(currentPage(again), again.overviewPage());
    QCOMPARE(again.controller()->folder(), Workspace(workspace.folder()).folder());
    QCOMPARE(again.size(), QSize(900, 640));
}

void TestMainWindow::createsTheDemoWorkspaceInTheBackground()
{
    QFile::remove(WorkspaceController::demoFolder() + QStringLiteral("/workspace.sqlite"));
    MainWindow window;
    window.show();
    QSignalSpy progress(window.controller(), &WorkspaceController::demoProgress);
    QSignalSpy opened(window.controller(), &WorkspaceController::opened);
    window.controller()->createDemo(WorkspaceController::demoFolder());
    // The UI thread is free while the writer works: the progress arrives as events.
    QVERIFY(opened.wait(120000));
    QVERIFY(progress.size() > 5);
    QCOMPARE(currentPage(window), window.overviewPage());
    QSqlQuery query(window.controller()->database()->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM feature_usage")) && query.next());
    QVERIFY(query.value(0).toLongLong() > 0);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
