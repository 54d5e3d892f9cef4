#include "database.h"
#include "databasewriter.h"
#include "eventmappingdialog.h"
#include "eventmappingmodels.h"
#include "testworkspace.h"
#include "usage/usageperiod.h"
#include "usage/usagerollup.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

// The dialog that maps analytics events to features, over a workspace with stored events.
class TestEventMappingDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void listsUnmappedEventsMostFrequentFirst();
    void mappingRecountsUsageAndUndoTakesItBack();
    void unmappingIsUndoable();
    void badEntriesAreRefusedWithTheReason();

private:
    qint64 addFeature(const QString &name);
    qint64 scalar(const QString &sql) const;
    void chooseFeature(EventMappingDialog &dialog, const QString &name);

    std::unique_ptr<TestWorkspace> m_workspace;
    std::shared_ptr<Database> m_db;
    qint64 m_reports = 0;
};

void TestEventMappingDialog::init()
{
    m_workspace = std::make_unique<TestWorkspace>();
    m_db = m_workspace->open();
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral("INSERT INTO sources (kind, name, created_at) VALUES "
                                      "('mixpanel', 'events', '2026-11-01T00:00:00Z')")));
    const qint64 source = query.lastInsertId().toLongLong();
    m_reports = addFeature(QStringLiteral("Reports"));
    QVERIFY(m_reports > 0 && addFeature(QStringLiteral("Dashboards")) > 0);

    UsagePeriod period(QStringLiteral("2026-11-03"));
    const QDateTime at = QDateTime::fromString(QStringLiteral("2026-11-03T10:00:00Z"), Qt::ISODate);
    for (int i = 0; i < 3; ++i)
        QVERIFY(period.add("u1", "report_open", at));
    QVERIFY(period.add("u2", "report_open", at));
    QVERIFY(period.add("u1", "report_export", at));
    QVERIFY(period.add("u3", "dashboard_view", at));
    QVERIFY(period.add("u3", "dashboard_view", at));
    const WriteResult result = m_db->writer()->run([&](QSqlDatabase &db, QString *error) {
        return UsageRollup::replacePeriod(db, source, period, error);
    });
    QVERIFY2(result.ok, qPrintable(result.error));
}

void TestEventMappingDialog::cleanup()
{
    m_db.reset();
    m_workspace.reset();
}

qint64 TestEventMappingDialog::addFeature(const QString &name)
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("INSERT INTO features (name) VALUES (?)"));
    query.addBindValue(name);
    return query.exec() ? query.lastInsertId().toLongLong() : 0;
}

qint64 TestEventMappingDialog::scalar(const QString &sql) const
{
    QSqlQuery query(m_db->connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestEventMappingDialog::chooseFeature(EventMappingDialog &dialog, const QString &name)
{
    auto *features = dialog.findChild<QComboBox *>();
    QVERIFY(features);
    const int index = features->findText(name);
    QVERIFY2(index >= 0, qPrintable(name));
    features->setCurrentIndex(index);
}

void TestEventMappingDialog::listsUnmappedEventsMostFrequentFirst()
{
    EventMappingDialog dialog(m_db);
    QAbstractItemModelTester mappedTester(dialog.mappedModel());
    QAbstractItemModelTester unmappedTester(dialog.unmappedModel());
    QTRY_COMPARE(dialog.unmappedModel()->rowCount(), 3);
    UnmappedEventsModel *unmapped = dialog.unmappedModel();
    QCOMPARE(unmapped->eventName(unmapped->index(0, 0)), QStringLiteral("report_open"));
    QCOMPARE(unmapped->index(0, UnmappedEventsModel::UsersColumn).data().toString(),
             QLocale().toString(2));
    QCOMPARE(unmapped->eventName(unmapped->index(1, 0)), QStringLiteral("dashboard_view"));
    QCOMPARE(dialog.mappedModel()->rowCount(), 0);

    // Choosing an unmapped event prepares it for mapping.
    const QList<QTableView *> views = dialog.findChildren<QTableView *>();
    QTableView *unmappedView = views.at(1)->model() == unmapped ? views.at(1) : views.at(0);
    unmappedView->setCurrentIndex(unmapped->index(1, 0));
    QCOMPARE(dialog.findChild<QLineEdit *>()->text(), QStringLiteral("dashboard_view"));
}

void TestEventMappingDialog::mappingRecountsUsageAndUndoTakesItBack()
{
    EventMappingDialog dialog(m_db);
    QTRY_VERIFY(!dialog.isLoading() && dialog.unmappedModel()->rowCount() == 3);
    dialog.findChild<QLineEdit *>()->setText(QStringLiteral("report_*"));
    chooseFeature(dialog, QStringLiteral("Reports"));
    QVERIFY(dialog.mapEntered());
    QTRY_VERIFY(!dialog.isLoading() && dialog.mappedModel()->rowCount() == 1);
    QTRY_COMPARE(dialog.unmappedModel()->rowCount(), 1);
    QCOMPARE(dialog.mappedModel()->index(0, MappedEventsModel::FeatureColumn).data().toString(),
             QStringLiteral("Reports"));
    QCOMPARE(dialog.mappedModel()->index(0, MappedEventsModel::KindColumn).data().toString(),
             dialog.mappedModel()->tr("Pattern"));
    // u1 opened and exported (4 events), u2 opened once.
    const QString usage = QStringLiteral("SELECT sum(usage_count) FROM feature_usage WHERE "
                                         "feature_id = %1 AND day = '2026-11-03'")
                              .arg(m_reports);
    QCOMPARE(scalar(usage), 5);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM feature_usage WHERE feature_id = %1")
                        .arg(m_reports)),
             2);

    dialog.undoStack()->undo();
    QTRY_VERIFY(!dialog.isLoading() && dialog.mappedModel()->rowCount() == 0);
    QTRY_COMPARE(dialog.unmappedModel()->rowCount(), 3);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM feature_usage")), 0);

    dialog.undoStack()->redo();
    QTRY_VERIFY(!dialog.isLoading() && dialog.mappedModel()->rowCount() == 1);
    QCOMPARE(scalar(usage), 5);
}

void TestEventMappingDialog::unmappingIsUndoable()
{
    EventMappingDialog dialog(m_db);
    QTRY_VERIFY(!dialog.isLoading() && dialog.unmappedModel()->rowCount() == 3);
    dialog.findChild<QLineEdit *>()->setText(QStringLiteral("dashboard_view"));
    chooseFeature(dialog, QStringLiteral("Dashboards"));
    QVERIFY(dialog.mapEntered());
    QTRY_VERIFY(!dialog.isLoading() && dialog.mappedModel()->rowCount() == 1);

    const QList<QTableView *> views = dialog.findChildren<QTableView *>();
    QTableView *mappedView =
        views.at(0)->model() == dialog.mappedModel() ? views.at(0) : views.at(1);
    mappedView->selectRow(0);
    dialog.unmapSelected();
    QTRY_VERIFY(!dialog.isLoading() && dialog.mappedModel()->rowCount() == 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM feature_usage")), 0);
    QCOMPARE(dialog.undoStack()->count(), 2);

    dialog.undoStack()->undo();
    QTRY_VERIFY(!dialog.isLoading() && dialog.mappedModel()->rowCount() == 1);
    QCOMPARE(scalar(QStringLiteral("SELECT sum(usage_count) FROM feature_usage")), 2);
    QVERIFY(dialog.message().isEmpty());
}

void TestEventMappingDialog::badEntriesAreRefusedWithTheReason()
{
    EventMappingDialog dialog(m_db);
    dialog.show();
    QTRY_VERIFY(!dialog.isLoading() && dialog.unmappedModel()->rowCount() == 3);
    auto *pattern = dialog.findChild<QLineEdit *>();
    pattern->setText(QStringLiteral("   "));
    QVERIFY(!dialog.mapEntered());
    QVERIFY(!dialog.message().isEmpty());

    pattern->setText(QStringLiteral("report_open"));
    chooseFeature(dialog, QStringLiteral("Reports"));
    QVERIFY(dialog.mapEntered());
    QTRY_VERIFY(!dialog.isLoading() && dialog.mappedModel()->rowCount() == 1);
    pattern->setText(QStringLiteral("report_open"));
    chooseFeature(dialog, QStringLiteral("Reports"));
    QVERIFY(!dialog.mapEntered());
    QVERIFY2(dialog.message().contains(QStringLiteral("already mapped")),
             qPrintable(dialog.message()));
    QCOMPARE(dialog.undoStack()->count(), 1);
}

QTEST_MAIN(TestEventMappingDialog)
#include "tst_eventmappingdialog.moc"
