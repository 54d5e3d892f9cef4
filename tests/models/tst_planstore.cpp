#include "demo/demogenerator.h"
#include "launch/launchcoordinator.h"
#include "launch/marketingalignment.h"
#include "launch/planjson.h"
#include "launch/planschedule.h"
#include "launch/planstore.h"
#include "launch/plantemplate.h"
#include "testworkspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Launch;

// Launch plans in the workspace: saving and loading, JSON review copies, templates, the
// migration of older plans and the demo plans.
class TestPlanStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void saveAndLoadGiveTheSamePlan();
    void saveReplacesAStoredPlan();
    void listAndRemove();
    void invalidPlanChangesNothing();
    void saveNestsInTheCallersTransaction();
    void jsonRoundTripIsEqual();
    void importStoresANewPlanMatchingFeaturesByName();
    void malformedImportChangesNothing_data();
    void malformedImportChangesNothing();
    void templatesAreKeptInTheWorkspace();
    void migrationGivesOlderPlansStableIds();
    void demoPlansLoadWithTheirFindings();

private:
    static qint64 scalar(const QSqlDatabase &db, const QString &sql);
    static qint64 addFeature(const QSqlDatabase &db, const QString &name);
    // A plan with every field set, including baselines and an odd progress.
    LaunchPlan richPlan() const;
    static QByteArray edited(const QByteArray &json,
                             const std::function<void(QJsonObject &root)> &edit);

    TestWorkspace m_workspace;
    std::unique_ptr<Database> m_db;
    qint64 m_featureA = 0;
    qint64 m_featureB = 0;
};

qint64 TestPlanStore::scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next()) {
        qWarning() << sql << query.lastError().text();
        return -1;
    }
    return query.value(0).toLongLong();
}

qint64 TestPlanStore::addFeature(const QSqlDatabase &db, const QString &name)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO features (source_id, external_id, name, status) "
                                 "VALUES (1, ?, ?, 'in_progress')"));
    query.addBindValue(name.toLower());
    query.addBindValue(name);
    if (!query.exec())
        qWarning() << query.lastError().text();
    return query.lastInsertId().toLongLong();
}

void TestPlanStore::initTestCase()
{
    m_db = m_workspace.open();
    QVERIFY(m_db);
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral("INSERT INTO sources (id, kind, name, created_at) VALUES "
                                      "(1, 'jira', 'Jira', '2026-01-01T00:00:00Z')")));
    m_featureA = addFeature(m_db->connection(), QStringLiteral("Smart Alerts"));
    m_featureB = addFeature(m_db->connection(), QStringLiteral("Team Spaces"));
    QVERIFY(m_featureA > 0 && m_featureB > 0);
}

LaunchPlan TestPlanStore::richPlan() const
{
    LaunchPlan plan = LaunchCoordinator::defaultPlan(QStringLiteral("Atlas"), QDate(2026, 6, 15),
                                                     {m_featureB, m_featureA});
    plan.audiences = {QStringLiteral("Admins"), QStringLiteral("Analysts")};
    plan.channels = {QStringLiteral("email"), QStringLiteral("in-app")};
    plan.status = QStringLiteral("planning");
    plan.items[1].progress = 0.375;
    plan.items[1].done = true;
    plan.items[1].baselineStart = plan.items[1].start.addDays(-2);
    plan.items[1].baselineEnd = plan.items[1].end.addDays(-1);
    plan.items[2].description = QStringLiteral("Copy, landing page, emails");
    plan.items[3].critical = true;
    // Display order is kept even when a milestone comes before tasks of its phase.
    plan.items.move(5, 2);
    plan.dependencies.move(0, 3);
    return plan;
}

void TestPlanStore::saveAndLoadGiveTheSamePlan()
{
    PlanStore store(m_db->connection());
    LaunchPlan plan = richPlan();
    QString error;
    QVERIFY2(store.save(plan, &error), qPrintable(error));
    QVERIFY(plan.id > 0);
    QVERIFY(plan.createdAt.isValid());
    QVERIFY(plan.updatedAt.isValid());
    const std::optional<LaunchPlan> loaded = store.load(plan.id, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->items.size(), plan.items.size());
    for (int i = 0; i < plan.items.size(); ++i)
        QVERIFY2(loaded->items.at(i) == plan.items.at(i), qPrintable(plan.items.at(i).name));
    QCOMPARE(loaded->dependencies, plan.dependencies);
    QCOMPARE(loaded->featureIds, plan.featureIds);
    QVERIFY(*loaded == plan);
    QVERIFY(!store.load(plan.id + 1000, &error));
    QVERIFY(error.contains(QString::number(plan.id + 1000)));
}

void TestPlanStore::saveReplacesAStoredPlan()
{
    PlanStore store(m_db->connection());
    LaunchPlan plan = richPlan();
    QString error;
    QVERIFY(store.save(plan, &error));
    const qint64 id = plan.id;
    const QDateTime created = plan.createdAt;

    plan.items.removeLast();
    PlanItem added;
    added.kind = ItemKind::Task;
    added.name = QStringLiteral("Partner briefing");
    added.parentId = plan.items.first().id;
    added.start = added.end = plan.items.first().start;
    plan.items.append(added); // id 0: the store gives it the next free one
    plan.dependencies.append({0, plan.items.at(1).id, plan.items.at(3).id, DependencyType::Resource,
                              QStringLiteral("same people")});
    store.setNow(created.addSecs(3600));
    QVERIFY2(store.save(plan, &error), qPrintable(error));
    QCOMPARE(plan.id, id);
    QCOMPARE(plan.createdAt, created);
    QCOMPARE(plan.updatedAt, created.addSecs(3600));
    QVERIFY(plan.items.last().id > 0);
    QVERIFY(plan.dependencies.last().id > 0);
    const std::optional<LaunchPlan> loaded = store.load(id, &error);
    QVERIFY(loaded);
    QVERIFY(*loaded == plan);
    QCOMPARE(
        scalar(m_db->connection(),
               QStringLiteral("SELECT count(*) FROM launch_phases WHERE plan_id = %1").arg(id)) +
            scalar(m_db->connection(),
                   QStringLiteral("SELECT count(*) FROM launch_milestones WHERE plan_id = %1")
                       .arg(id)),
        qint64(plan.items.size()));

    // A plan that is not stored cannot be replaced.
    LaunchPlan ghost = plan;
    ghost.id = 99999;
    QVERIFY(!store.save(ghost, &error));
    QVERIFY(error.contains(QStringLiteral("99999")));
}

void TestPlanStore::listAndRemove()
{
    PlanStore store(m_db->connection());
    LaunchPlan plan = richPlan();
    plan.product = QStringLiteral("Zephyr");
    QString error;
    QVERIFY(store.save(plan, &error));
    const QList<PlanSummary> plans = store.list(&error);
    const auto found = std::find_if(plans.cbegin(), plans.cend(), [&](const PlanSummary &summary) {
        return summary.id == plan.id;
    });
    QVERIFY(found != plans.cend());
    QCOMPARE(found->product, QStringLiteral("Zephyr"));
    QCOMPARE(found->launchDate, plan.launchDate);
    QCOMPARE(found->status, QStringLiteral("planning"));
    QCOMPARE(found->itemCount, int(plan.items.size()));

    QVERIFY2(store.remove(plan.id, &error), qPrintable(error));
    QVERIFY(!store.load(plan.id, &error));
    QCOMPARE(store.list(&error).size(), plans.size() - 1);
    QCOMPARE(
        scalar(
            m_db->connection(),
            QStringLiteral("SELECT count(*) FROM launch_phases WHERE plan_id = %1").arg(plan.id)),
        0);
    QVERIFY(!store.remove(plan.id, &error));
}

void TestPlanStore::invalidPlanChangesNothing()
{
    PlanStore store(m_db->connection());
    LaunchPlan plan = richPlan();
    QString error;
    QVERIFY(store.save(plan, &error));
    const std::optional<LaunchPlan> before = store.load(plan.id, &error);
    const qint64 rows =
        scalar(m_db->connection(), QStringLiteral("SELECT count(*) FROM launch_phases"));

    LaunchPlan broken = plan;
    broken.dependencies.append({0, plan.items.first().id, 4242, DependencyType::Timeline, {}});
    QVERIFY(!store.save(broken, &error));
    QVERIFY2(error.contains(QStringLiteral("not in the plan")), qPrintable(error));

    broken = plan;
    broken.items[2].end = broken.items[2].start.addDays(-1);
    QVERIFY(!store.save(broken, &error));
    QVERIFY2(error.contains(broken.items[2].name), qPrintable(error));

    // Fails in the database, half way through: an unknown feature.
    broken = plan;
    broken.featureIds.append(777777);
    QVERIFY(!store.save(broken, &error));
    QVERIFY2(error.contains(QStringLiteral("777777")), qPrintable(error));

    QVERIFY(*store.load(plan.id, &error) == *before);
    QCOMPARE(scalar(m_db->connection(), QStringLiteral("SELECT count(*) FROM launch_phases")),
             rows);
}

void TestPlanStore::saveNestsInTheCallersTransaction()
{
    QSqlDatabase db = m_db->connection();
    const qint64 plans = scalar(db, QStringLiteral("SELECT count(*) FROM launch_plans"));
    QVERIFY(db.transaction());
    LaunchPlan plan = richPlan();
    QString error;
    QVERIFY2(PlanStore(db).save(plan, &error), qPrintable(error));
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM launch_plans")), plans + 1);
    QVERIFY(db.rollback());
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM launch_plans")), plans);
}

void TestPlanStore::jsonRoundTripIsEqual()
{
    LaunchPlan plan = richPlan();
    QString error;
    QVERIFY(PlanStore(m_db->connection()).save(plan, &error));
    const std::optional<LaunchContext> context =
        LaunchCoordinator::loadContext(m_db->connection(), plan, QDate(2026, 5, 1), &error);
    QVERIFY2(context, qPrintable(error));
    const QByteArray json = PlanJson::toJson(plan, &*context);

    const QJsonObject root = QJsonDocument::fromJson(json).object();
    QCOMPARE(root.value(QStringLiteral("format")).toString(), QLatin1String(PlanJson::FormatName));
    QCOMPARE(root.value(QStringLiteral("version")).toInt(), PlanJson::FormatVersion);
    const QJsonArray features =
        root.value(QStringLiteral("plan")).toObject().value(QStringLiteral("features")).toArray();
    QCOMPARE(features.size(), 2);
    QCOMPARE(features.at(0).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("Team Spaces"));

    const std::optional<LaunchPlan> back = PlanJson::fromJson(json, &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(*back == plan);
    QCOMPARE(PlanJson::featureNames(json).value(m_featureA), QStringLiteral("Smart Alerts"));
}

void TestPlanStore::importStoresANewPlanMatchingFeaturesByName()
{
    TestWorkspace other;
    const auto otherDb = other.open();
    QVERIFY(otherDb);
    QSqlQuery query(otherDb->connection());
    QVERIFY(query.exec(QStringLiteral("INSERT INTO sources (id, kind, name, created_at) VALUES "
                                      "(1, 'jira', 'Jira', '2026-01-01T00:00:00Z')")));
    addFeature(otherDb->connection(), QStringLiteral("Unrelated"));
    addFeature(otherDb->connection(), QStringLiteral("Unrelated too"));
    addFeature(otherDb->connection(), QStringLiteral("Something"));
    const qint64 spaces = addFeature(otherDb->connection(), QStringLiteral("team spaces"));

    const LaunchPlan plan = richPlan();
    LaunchContext context;
    context.features = {{m_featureA, QStringLiteral("Smart Alerts"), {}, {}},
                        {m_featureB, QStringLiteral("Team Spaces"), {}, {}}};
    QString error;
    const auto imported =
        PlanJson::importPlan(otherDb->connection(), PlanJson::toJson(plan, &context), &error);
    QVERIFY2(imported, qPrintable(error));
    QVERIFY(imported->plan.id > 0);
    QCOMPARE(imported->plan.featureIds, QList<qint64>{spaces});
    QCOMPARE(imported->notes.size(), 1);
    QVERIFY(imported->notes.first().contains(QStringLiteral("Smart Alerts")));
    const auto stored = PlanStore(otherDb->connection()).load(imported->plan.id, &error);
    QVERIFY(stored);
    QCOMPARE(stored->items, plan.items);
    QCOMPARE(stored->dependencies, plan.dependencies);
    QCOMPARE(stored->name, plan.name);
}

QByteArray TestPlanStore::edited(const QByteArray &json,
                                 const std::function<void(QJsonObject &root)> &edit)
{
    QJsonObject root = QJsonDocument::fromJson(json).object();
    edit(root);
    return QJsonDocument(root).toJson();
}

void TestPlanStore::malformedImportChangesNothing_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expected");
    LaunchPlan plan =
        LaunchCoordinator::defaultPlan(QStringLiteral("Atlas"), QDate(2026, 6, 15), {});
    const QByteArray good = PlanJson::toJson(plan);

    QByteArray cut = good.left(good.size() / 2);
    QTest::newRow("truncated") << cut << QStringLiteral("at character");
    QTest::newRow("not an object") << QByteArray("[1, 2]") << QStringLiteral("no JSON object");
    QTest::newRow("other format") << edited(good, [](QJsonObject &root) {
        root.insert(QStringLiteral("format"), QStringLiteral("spreadsheet"));
    }) << QStringLiteral("spreadsheet");
    QTest::newRow("newer version") << edited(good, [](QJsonObject &root) {
        root.insert(QStringLiteral("version"), PlanJson::FormatVersion + 1);
    }) << QStringLiteral("version %1").arg(PlanJson::FormatVersion + 1);
    QTest::newRow("no version") << edited(good, [](QJsonObject &root) {
        root.remove(QStringLiteral("version"));
    }) << QStringLiteral("\"version\"");
    QTest::newRow("no launch date") << edited(good, [](QJsonObject &root) {
        QJsonObject p = root.value(QStringLiteral("plan")).toObject();
        p.remove(QStringLiteral("launchDate"));
        root.insert(QStringLiteral("plan"), p);
    }) << QStringLiteral("plan.launchDate");
    QTest::newRow("item without start") << edited(good, [](QJsonObject &root) {
        QJsonObject p = root.value(QStringLiteral("plan")).toObject();
        QJsonArray items = p.value(QStringLiteral("items")).toArray();
        QJsonObject item = items.at(3).toObject();
        item.remove(QStringLiteral("start"));
        items.replace(3, item);
        p.insert(QStringLiteral("items"), items);
        root.insert(QStringLiteral("plan"), p);
    }) << QStringLiteral("plan.items[3].start");
    QTest::newRow("bad date") << edited(good, [](QJsonObject &root) {
        QJsonObject p = root.value(QStringLiteral("plan")).toObject();
        QJsonArray items = p.value(QStringLiteral("items")).toArray();
        QJsonObject item = items.at(0).toObject();
        item.insert(QStringLiteral("end"), QStringLiteral("soon"));
        items.replace(0, item);
        p.insert(QStringLiteral("items"), items);
        root.insert(QStringLiteral("plan"), p);
    }) << QStringLiteral("plan.items[0].end");
    QTest::newRow("dangling dependency") << edited(good, [](QJsonObject &root) {
        QJsonObject p = root.value(QStringLiteral("plan")).toObject();
        QJsonArray deps = p.value(QStringLiteral("dependencies")).toArray();
        QJsonObject dep = deps.at(0).toObject();
        dep.insert(QStringLiteral("to"), 5000);
        deps.replace(0, dep);
        p.insert(QStringLiteral("dependencies"), deps);
        root.insert(QStringLiteral("plan"), p);
    }) << QStringLiteral("not in the plan");
}

void TestPlanStore::malformedImportChangesNothing()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);
    const QSqlDatabase db = m_db->connection();
    const QByteArray before = TestWorkspace::tableDigest(db, QStringLiteral("launch_plans")) +
                              TestWorkspace::tableDigest(db, QStringLiteral("launch_phases")) +
                              TestWorkspace::tableDigest(db, QStringLiteral("launch_milestones"));
    QString error;
    QVERIFY(!PlanJson::fromJson(data, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY(!PlanJson::importPlan(db, data, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    const QByteArray after = TestWorkspace::tableDigest(db, QStringLiteral("launch_plans")) +
                             TestWorkspace::tableDigest(db, QStringLiteral("launch_phases")) +
                             TestWorkspace::tableDigest(db, QStringLiteral("launch_milestones"));
    QCOMPARE(after, before);
}

void TestPlanStore::templatesAreKeptInTheWorkspace()
{
    TemplateStore store(m_db->connection());
    QString error;
    QCOMPARE(store.names(&error), QStringList{PlanTemplate::standardName()});
    QCOMPARE(*store.load(PlanTemplate::standardName(), &error), PlanTemplate::standard());

    PlanTemplate quick = PlanTemplate::standard();
    quick.name = QStringLiteral("Quick launch");
    quick.items[0].startOffset = -45;
    QVERIFY2(store.save(quick, &error), qPrintable(error));
    QCOMPARE(*store.load(QStringLiteral("quick launch"), &error), quick);
    QCOMPARE(store.names(&error).size(), 2);

    // Editing the standard one changes new plans; removing it brings the built-in one back.
    PlanTemplate standard = PlanTemplate::standard();
    standard.items[0].owner = QStringLiteral("Launch office");
    QVERIFY(store.save(standard, &error));
    QCOMPARE(store.load(PlanTemplate::standardName(), &error)->items.at(0).owner,
             QStringLiteral("Launch office"));
    QVERIFY(store.remove(PlanTemplate::standardName(), &error));
    QCOMPARE(*store.load(PlanTemplate::standardName(), &error), PlanTemplate::standard());

    QVERIFY(store.remove(QStringLiteral("Quick launch"), &error));
    QVERIFY(!store.load(QStringLiteral("Quick launch"), &error));
    QVERIFY(error.contains(QStringLiteral("Quick launch")));

    PlanTemplate broken = quick;
    broken.items[3].parentKey = 4242;
    QVERIFY(!store.save(broken, &error));
}

void TestPlanStore::migrationGivesOlderPlansStableIds()
{
    TestWorkspace workspace;
    {
        Database::Options options;
        options.targetVersion = 6;
        Database::OpenResult old = Database::open(Workspace(workspace.folder()), options);
        QVERIFY2(old.database, qPrintable(old.message));
        QSqlQuery q(old.database->connection());
        // A plan as version 6 wrote it: row ids shared by phases and tasks, milestones apart.
        const QStringList statements = {
            QStringLiteral("INSERT INTO launch_plans (id, product, name, launch_date, "
                           "created_at, updated_at) VALUES (1, 'Atlas', 'Atlas launch', "
                           "'2026-06-15', '2026-05-01T00:00:00Z', '2026-05-02T00:00:00Z')"),
            QStringLiteral("INSERT INTO launch_phases (id, plan_id, name, kind, parent_id, "
                           "start_date, end_date, position) VALUES (10, 1, 'Prepare', 'phase', "
                           "NULL, '2026-05-16', '2026-06-08', 0)"),
            QStringLiteral("INSERT INTO launch_phases (id, plan_id, name, kind, parent_id, "
                           "start_date, end_date, position) VALUES (11, 1, 'Test', 'task', 10, "
                           "'2026-05-16', '2026-05-30', 1)"),
            QStringLiteral("INSERT INTO launch_phases (id, plan_id, name, kind, parent_id, "
                           "start_date, end_date, position) VALUES (12, 1, 'Launch week', "
                           "'phase', NULL, '2026-06-08', '2026-06-22', 2)"),
            QStringLiteral("INSERT INTO launch_milestones (id, plan_id, phase_id, name, "
                           "due_date, critical) VALUES (20, 1, NULL, 'Launch day', "
                           "'2026-06-15', 1)"),
            QStringLiteral("INSERT INTO launch_milestones (id, plan_id, phase_id, name, "
                           "due_date, critical) VALUES (21, 1, 10, 'Freeze', '2026-06-01', 1)"),
            QStringLiteral("INSERT INTO launch_dependencies (plan_id, from_kind, from_id, "
                           "to_kind, to_id, type) VALUES (1, 'phase', 11, 'milestone', 21, "
                           "'timeline')"),
            QStringLiteral("INSERT INTO launch_dependencies (plan_id, from_kind, from_id, "
                           "to_kind, to_id, type) VALUES (1, 'milestone', 21, 'phase', 12, "
                           "'approval')")};
        for (const QString &statement : statements)
            QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
    }
    const auto db = workspace.open();
    QVERIFY(db);
    QString error;
    const std::optional<LaunchPlan> plan = PlanStore(db->connection()).load(1, &error);
    QVERIFY2(plan, qPrintable(error));
    QStringList names;
    QSet<int> ids;
    for (const PlanItem &item : plan->items) {
        names.append(item.name);
        ids.insert(item.id);
    }
    // Phases and tasks in their order, then milestones by date; ids unique across kinds.
    QCOMPARE(names, (QStringList{QStringLiteral("Prepare"), QStringLiteral("Test"),
                                 QStringLiteral("Launch week"), QStringLiteral("Freeze"),
                                 QStringLiteral("Launch day")}));
    QCOMPARE(ids.size(), 5);
    QCOMPARE(plan->items.at(1).parentId, plan->items.at(0).id);
    QCOMPARE(plan->items.at(3).parentId, plan->items.at(0).id);
    QVERIFY(plan->items.at(3).isMilestone());
    QCOMPARE(plan->items.at(3).start, QDate(2026, 6, 1));
    QCOMPARE(plan->dependencies.size(), 2);
    QCOMPARE(plan->dependencies.at(0).fromId, plan->items.at(1).id);
    QCOMPARE(plan->dependencies.at(0).toId, plan->items.at(3).id);
    QCOMPARE(plan->dependencies.at(1).fromId, plan->items.at(3).id);
    QCOMPARE(plan->dependencies.at(1).toId, plan->items.at(2).id);
    QCOMPARE(plan->dependencies.at(1).type, DependencyType::Approval);
    QVERIFY(plan->dependencies.at(0).id != plan->dependencies.at(1).id);

    // Saved again, the ids stay.
    LaunchPlan copy = *plan;
    QVERIFY2(PlanStore(db->connection()).save(copy, &error), qPrintable(error));
    const auto again = PlanStore(db->connection()).load(1, &error);
    QCOMPARE(again->items, plan->items);
    QCOMPARE(again->dependencies, plan->dependencies);
}

void TestPlanStore::demoPlansLoadWithTheirFindings()
{
    TestWorkspace workspace;
    const auto db = workspace.open();
    QVERIFY(db);
    const QDate today(2026, 11, 28);
    DemoGenerator::Options options;
    options.scale = DemoGenerator::Scale::Small;
    options.seed = 3;
    options.today = today;
    QString error;
    QSqlDatabase connection = db->connection();
    QVERIFY2(DemoGenerator(options).generate(connection, &error), qPrintable(error));

    PlanStore store(connection);
    const QList<PlanSummary> plans = store.list(&error);
    QCOMPARE(plans.size(), 2);
    // By launch date: the past launch, then the upcoming one.
    QCOMPARE(plans.at(0).launchDate, today.addDays(-20));
    QCOMPARE(plans.at(1).launchDate, today.addDays(21));

    const auto past = store.load(plans.at(0).id, &error);
    const auto upcoming = store.load(plans.at(1).id, &error);
    QVERIFY(past && upcoming);
    QCOMPARE(past->status, QStringLiteral("live"));
    QVERIFY(upcoming->featureIds.size() >= 2);

    const auto upcomingContext =
        LaunchCoordinator::loadContext(connection, *upcoming, today, &error);
    QVERIFY2(upcomingContext, qPrintable(error));
    // One feature of the upcoming launch has no messaging yet.
    QCOMPARE(upcomingContext->features.size(), upcoming->featureIds.size());
    QCOMPARE(upcomingContext->messaging.size(), upcoming->featureIds.size() - 1);
    QCOMPARE(upcomingContext->campaigns.size(), 6);
    const Assessment upcomingAssessment =
        LaunchCoordinator::assess(*upcoming, *upcomingContext, today);
    QStringList rules;
    for (const Finding &finding : upcomingAssessment.findings)
        rules.append(finding.rule);
    for (const char *rule :
         {MarketingAlignment::FeatureWithoutMessaging,
          MarketingAlignment::CampaignDraftInLaunchWeek,
          MarketingAlignment::CampaignEndsBeforeLaunchWeek,
          MarketingAlignment::ChannelWithoutCampaign, LaunchCoordinator::DependencyViolated})
        QVERIFY2(rules.contains(QLatin1String(rule)), rule);
    QCOMPARE(upcomingAssessment.readiness, Readiness::AtRisk);
    QCOMPARE(upcomingAssessment.recommendations.size(), upcomingAssessment.findings.size());
    // The slipped task shows against its baseline.
    bool slipped = false;
    for (const PlanItem &item : upcoming->items)
        slipped = slipped || (item.baselineStart.isValid() && item.baselineStart != item.start);
    QVERIFY(slipped);

    const auto pastContext = LaunchCoordinator::loadContext(connection, *past, today, &error);
    QVERIFY2(pastContext, qPrintable(error));
    const Assessment pastAssessment = LaunchCoordinator::assess(*past, *pastContext, today);
    QVERIFY(!pastAssessment.findings.isEmpty());
    // Live: the 30-day adoption figures are measured.
    QVERIFY(!pastAssessment.metrics.isEmpty());
    QVERIFY(pastAssessment.metrics.first().current.has_value());
    QVERIFY(dependencyViolations(*past).isEmpty());
}

QTEST_GUILESS_MAIN(TestPlanStore)
#include "tst_planstore.moc"
