#include "linking/featurelinker.h"
#include "testworkspace.h"
#include "upsertstatement.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

// Linking records to features by rule and by hand, and merging a feature tracked in two
// tools, in a workspace laid out like synced data.
class TestFeatureLinker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void linksByTheServicesOwnReference();
    void linksByAFeatureNamedInTheTitle();
    void mergesTheSameFeatureFromTwoTools();
    void manualLinksSurviveRulesAndSyncs();
    void manualMergesWinAndLoopsAreRefused();
    void badRequestsAreExplained();

private:
    void exec(const QString &sql);
    QVariant value(const QString &sql);
    FeatureLinker::Result runRules();

    std::unique_ptr<TestWorkspace> m_workspace;
    std::unique_ptr<Database> m_db;
};

void TestFeatureLinker::exec(const QString &sql)
{
    QSqlQuery query(m_db->connection());
    QVERIFY2(query.exec(sql), qPrintable(query.lastError().text() + QStringLiteral(": ") + sql));
}

QVariant TestFeatureLinker::value(const QString &sql)
{
    QSqlQuery query(m_db->connection());
    if (!query.exec(sql) || !query.next())
        return QStringLiteral("<no row>");
    return query.value(0);
}

FeatureLinker::Result TestFeatureLinker::runRules()
{
    FeatureLinker::Result result;
    QString error;
    QSqlDatabase db = m_db->connection();
    db.transaction();
    if (!FeatureLinker(db).run(&result, &error))
        qWarning() << error;
    db.commit();
    return result;
}

void TestFeatureLinker::init()
{
    m_workspace = std::make_unique<TestWorkspace>();
    m_db = m_workspace->open();
    QVERIFY(m_db);
    exec(QStringLiteral("INSERT INTO sources (id, kind, name, created_at) VALUES (1, 'jira', "
                        "'Jira', '2026-01-01'), (2, 'productboard', 'Board', '2026-01-01'), "
                        "(3, 'linear', 'Linear', '2026-01-01')"));
    exec(QStringLiteral(
        "INSERT INTO features (id, source_id, external_id, name) VALUES (1, 1, '10042', "
        "'Dark mode'), (2, 1, '10043', 'Bulk edit'), (3, 2, 'pb-7', 'Dark Mode'), "
        "(4, 2, 'pb-8', 'Audit log'), (5, 3, 'prj-1', 'UI'), (6, 3, 'prj-2', 'Audit Log')"));
}

void TestFeatureLinker::cleanup()
{
    m_db.reset();
    m_workspace.reset();
}

void TestFeatureLinker::linksByTheServicesOwnReference()
{
    exec(QStringLiteral(
        "INSERT INTO work_items (id, source_id, external_id, title, feature_ref) VALUES "
        "(1, 1, 'RKT-1', 'Add toggle', '10042'), (2, 1, 'RKT-2', 'Refactor', '99999'), "
        "(3, 3, 'LIN-1', 'Edit many rows', '10043')"));
    exec(QStringLiteral("INSERT INTO feedback (id, source_id, external_id, title, feature_ref) "
                        "VALUES (1, 2, 'note-1', 'Please', 'pb-8, pb-7')"));
    const FeatureLinker::Result result = runRules();
    QCOMPARE(value(QStringLiteral("SELECT feature_id FROM work_items WHERE id = 1")), 1);
    QCOMPARE(value(QStringLiteral("SELECT feature_link FROM work_items WHERE id = 1")),
             QStringLiteral("rule:ref"));
    // A reference to nothing links nothing; one to another service's feature neither.
    QVERIFY(value(QStringLiteral("SELECT feature_id FROM work_items WHERE id = 2")).isNull());
    QVERIFY(value(QStringLiteral("SELECT feature_id FROM work_items WHERE id = 3")).isNull());
    // A note about several features belongs to the first it names.
    QCOMPARE(value(QStringLiteral("SELECT feature_id FROM feedback WHERE id = 1")), 4);
    QCOMPARE(result.linked, 2);
}

void TestFeatureLinker::linksByAFeatureNamedInTheTitle()
{
    exec(QStringLiteral("INSERT INTO feedback (id, source_id, external_id, title) VALUES "
                        "(1, 2, 'a', 'Bulk-edit is slow on large boards'), "
                        "(2, 2, 'b', 'Bulk editing would help'), "
                        "(3, 2, 'c', 'The UI is confusing'), "
                        "(4, 2, 'd', 'Dark mode breaks the bulk edit dialog'), "
                        "(5, 2, 'e', 'Where is the audit log?')"));
    runRules();
    // Whole words, ignoring case and punctuation.
    QCOMPARE(value(QStringLiteral("SELECT feature_id FROM feedback WHERE id = 1")), 2);
    QCOMPARE(value(QStringLiteral("SELECT feature_link FROM feedback WHERE id = 1")),
             QStringLiteral("rule:name"));
    QVERIFY(value(QStringLiteral("SELECT feature_id FROM feedback WHERE id = 2")).isNull());
    // "UI" is too short to mean one feature; two features named is no link.
    QVERIFY(value(QStringLiteral("SELECT feature_id FROM feedback WHERE id = 3")).isNull());
    QVERIFY(value(QStringLiteral("SELECT feature_id FROM feedback WHERE id = 4")).isNull());
    // "Audit log" exists in two tools: merged, so the name means one feature, the older.
    QCOMPARE(value(QStringLiteral("SELECT feature_id FROM feedback WHERE id = 5")), 4);
}

void TestFeatureLinker::mergesTheSameFeatureFromTwoTools()
{
    const FeatureLinker::Result result = runRules();
    QCOMPARE(result.merged, 2);
    QCOMPARE(value(QStringLiteral("SELECT merged_into FROM features WHERE id = 3")), 1);
    QCOMPARE(value(QStringLiteral("SELECT merged_into FROM features WHERE id = 6")), 4);
    QVERIFY(value(QStringLiteral("SELECT merged_into FROM features WHERE id = 1")).isNull());
    // Every source keeps its own row and identifier.
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM features")), 6);
    // Running again changes nothing.
    QCOMPARE(runRules().merged, 2);
    QCOMPARE(value(QStringLiteral("SELECT merged_into FROM features WHERE id = 3")), 1);
}

void TestFeatureLinker::manualLinksSurviveRulesAndSyncs()
{
    exec(QStringLiteral("INSERT INTO work_items (id, source_id, external_id, title, feature_ref) "
                        "VALUES (1, 1, 'RKT-1', 'Add toggle', '10042'), (2, 1, 'RKT-2', 'Dark "
                        "mode contrast', NULL)"));
    runRules();
    QString error;
    QSqlDatabase db = m_db->connection();
    FeatureLinker linker(db);
    // Moved by hand to another feature; the other taken out of any feature.
    QVERIFY2(linker.link(QStringLiteral("work_items"), 1, 2, &error), qPrintable(error));
    QVERIFY2(linker.link(QStringLiteral("work_items"), 2, 0, &error), qPrintable(error));
    runRules();
    QCOMPARE(value(QStringLiteral("SELECT feature_id FROM work_items WHERE id = 1")), 2);
    QCOMPARE(value(QStringLiteral("SELECT feature_link FROM work_items WHERE id = 1")),
             QStringLiteral("manual"));
    QVERIFY(value(QStringLiteral("SELECT feature_id FROM work_items WHERE id = 2")).isNull());

    // A sync writes the record again, as a new row even (deleted and re-created upstream).
    exec(QStringLiteral("DELETE FROM work_items WHERE id = 1"));
    UpsertStatement upsert(db, QStringLiteral("work_items"),
                           {QStringLiteral("source_id"), QStringLiteral("external_id"),
                            QStringLiteral("title"), QStringLiteral("feature_ref")});
    QVERIFY(upsert.execute({1, QStringLiteral("RKT-1"), QStringLiteral("Add toggle, again"),
                            QStringLiteral("10042")}));
    QVERIFY(upsert.execute(
        {1, QStringLiteral("RKT-2"), QStringLiteral("Dark mode contrast"), QVariant()}));
    runRules();
    QCOMPARE(value(QStringLiteral("SELECT feature_id FROM work_items WHERE external_id = 'RKT-1'")),
             2);
    QVERIFY(value(QStringLiteral("SELECT feature_id FROM work_items WHERE external_id = 'RKT-2'"))
                .isNull());
}

void TestFeatureLinker::manualMergesWinAndLoopsAreRefused()
{
    runRules();
    QString error;
    QSqlDatabase db = m_db->connection();
    FeatureLinker linker(db);
    // Not the same feature after all: kept apart, and the rule does not merge it again.
    QVERIFY2(linker.merge(3, 0, &error), qPrintable(error));
    runRules();
    QVERIFY(value(QStringLiteral("SELECT merged_into FROM features WHERE id = 3")).isNull());
    // Bulk edit is what Linear calls "UI": merged by hand.
    QVERIFY2(linker.merge(5, 2, &error), qPrintable(error));
    runRules();
    QCOMPARE(value(QStringLiteral("SELECT merged_into FROM features WHERE id = 5")), 2);
    // Merging 2 into 5 now would make a loop.
    QVERIFY(!linker.merge(2, 5, &error));
    QVERIFY2(error.contains(QLatin1String("already merged")), qPrintable(error));
    QVERIFY(!linker.merge(2, 2, &error));
    QVERIFY(error.contains(QLatin1String("itself")));
}

void TestFeatureLinker::badRequestsAreExplained()
{
    QString error;
    QSqlDatabase db = m_db->connection();
    FeatureLinker linker(db);
    QVERIFY(!linker.link(QStringLiteral("users"), 1, 1, &error));
    QVERIFY2(error.contains(QLatin1String("users")) && error.contains(QLatin1String("work_items")),
             qPrintable(error));
    QVERIFY(!linker.link(QStringLiteral("feedback"), 77, 1, &error));
    QVERIFY(error.contains(QLatin1String("77")));
    exec(QStringLiteral("INSERT INTO feedback (id, source_id, external_id) VALUES (1, 2, 'n')"));
    QVERIFY(!linker.link(QStringLiteral("feedback"), 1, 404, &error));
    QVERIFY(error.contains(QLatin1String("404")));
    QVERIFY(!linker.merge(404, 1, &error));
    QVERIFY(error.contains(QLatin1String("404")));
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM feature_link_overrides")), 0);
}

QTEST_GUILESS_MAIN(TestFeatureLinker)
#include "tst_featurelinker.moc"
