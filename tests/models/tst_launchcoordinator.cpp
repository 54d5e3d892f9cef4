#include "launch/launchcoordinator.h"
#include "launch/marketingalignment.h"
#include "launch/plantemplate.h"
#include "launch/successmetrics.h"

#include <QTest>

using namespace Launch;

// The launch coordinator's rules, on plans and contexts made in the test.
class TestLaunchCoordinator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultTimelineDatesFollowTheLaunchDate();
    void defaultPlanHasTheStandardShape();
    void customTemplateMakesThePlan();
    void templateJsonRoundTripAndProblems();
    void alignedLaunchIsReady();
    void featureWithoutMessaging();
    void campaignBeforeRelease();
    void campaignEndingBeforeLaunchWeek();
    void draftCampaignInLaunchWeek();
    void draftCampaignBlocksOnceLaunchWeekStarted();
    void messagingNamingAnotherFeature();
    void channelWithoutCampaign();
    void violatedDependencyPutsLaunchAtRisk();
    void startedWorkWithoutApprovalBlocks();
    void overdueCriticalMilestoneBlocks();
    void everyRecommendationPointsAtItsFinding();
    void metricsHaveTargetsAndCurrentValuesOnceLive();
    void rebasingMovesOpenItems();

private:
    static const QDate Launch;
    // A launch with two features, messaging for both, and campaigns for each channel that
    // run through launch week.
    static LaunchPlan plan();
    // The plan with everything due before today done, as a plan on track would be.
    static LaunchPlan onTrack(const QDate &today);
    static LaunchContext context();
    static QStringList rules(const Assessment &assessment);
    static const PlanItem *named(const LaunchPlan &plan, const QString &name);
};

const QDate TestLaunchCoordinator::Launch(2026, 6, 15);

LaunchPlan TestLaunchCoordinator::plan()
{
    LaunchPlan result = LaunchCoordinator::defaultPlan(QStringLiteral("Atlas"), Launch, {1, 2});
    result.channels = {QStringLiteral("email"), QStringLiteral("blog")};
    return result;
}

LaunchPlan TestLaunchCoordinator::onTrack(const QDate &today)
{
    LaunchPlan result = plan();
    for (PlanItem &item : result.items)
        item.done = item.end < today;
    return result;
}

LaunchContext TestLaunchCoordinator::context()
{
    LaunchContext c;
    c.features = {{1, QStringLiteral("Smart Alerts"), QStringLiteral("in_progress"), Launch},
                  {2, QStringLiteral("Team Spaces"), QStringLiteral("in_progress"), Launch}};
    c.messaging.insert(1, {QStringLiteral("Smart Alerts tell you first."),
                           QStringLiteral("For busy teams."),
                           {QStringLiteral("Fast")}});
    c.messaging.insert(2, {QStringLiteral("Team Spaces keep work together."),
                           QStringLiteral("For growing teams."),
                           {QStringLiteral("Shared")}});
    c.otherFeatures.insert(3, QStringLiteral("Audit Log"));
    c.campaigns = {
        {QStringLiteral("Atlas announcement email"), QStringLiteral("email"),
         QStringLiteral("scheduled"), QStringLiteral("Mailchimp"), Launch, Launch.addDays(2)},
        {QStringLiteral("Atlas blog post"), QStringLiteral("content"), QStringLiteral("scheduled"),
         QStringLiteral("HubSpot Marketing"), Launch, Launch.addDays(14)}};
    return c;
}

QStringList TestLaunchCoordinator::rules(const Assessment &assessment)
{
    QStringList names;
    for (const Finding &finding : assessment.findings)
        names.append(finding.rule);
    return names;
}

const PlanItem *TestLaunchCoordinator::named(const LaunchPlan &plan, const QString &name)
{
    for (const PlanItem &item : plan.items) {
        if (item.name == name)
            return &item;
    }
    return nullptr;
}

void TestLaunchCoordinator::defaultTimelineDatesFollowTheLaunchDate()
{
    const LaunchPlan p = plan();
    QCOMPARE(p.launchDate, Launch);
    QCOMPARE(p.product, QStringLiteral("Atlas"));
    QCOMPARE(p.featureIds, (QList<qint64>{1, 2}));
    const PlanItem *prep = named(p, QStringLiteral("Pre-launch preparation"));
    const PlanItem *week = named(p, QStringLiteral("Launch week"));
    const PlanItem *post = named(p, QStringLiteral("Post-launch optimisation"));
    QVERIFY(prep && week && post);
    QCOMPARE(prep->start, QDate(2026, 5, 16));
    QCOMPARE(prep->end, QDate(2026, 6, 8));
    QCOMPARE(prep->owner, QStringLiteral("Product team"));
    QCOMPARE(week->start, QDate(2026, 6, 8));
    QCOMPARE(week->end, QDate(2026, 6, 22));
    QCOMPARE(week->owner, QStringLiteral("Cross-functional team"));
    QCOMPARE(post->start, QDate(2026, 6, 22));
    QCOMPARE(post->end, QDate(2026, 7, 15));
    QCOMPARE(post->owner, QStringLiteral("Product team"));
    const PlanItem *launchDay = named(p, QStringLiteral("Launch day"));
    QVERIFY(launchDay);
    QVERIFY(launchDay->isMilestone());
    QVERIFY(launchDay->critical);
    QCOMPARE(launchDay->start, Launch);
    QCOMPARE(launchDay->end, Launch);
    QCOMPARE(launchDay->parentId, week->id);

    // Another date moves every item by the same days.
    const LaunchPlan later =
        LaunchCoordinator::defaultPlan(QStringLiteral("Atlas"), Launch.addDays(10), {});
    QCOMPARE(later.items.size(), p.items.size());
    for (int i = 0; i < p.items.size(); ++i) {
        QCOMPARE(later.items.at(i).start, p.items.at(i).start.addDays(10));
        QCOMPARE(later.items.at(i).end, p.items.at(i).end.addDays(10));
    }
}

void TestLaunchCoordinator::defaultPlanHasTheStandardShape()
{
    const LaunchPlan p = plan();
    QStringList tasks;
    QSet<int> ids;
    for (const PlanItem &item : p.items) {
        QVERIFY2(!ids.contains(item.id), qPrintable(item.name));
        ids.insert(item.id);
        if (item.kind == ItemKind::Task) {
            tasks.append(item.name);
            const PlanItem *phase = p.item(item.parentId);
            QVERIFY(phase && phase->kind == ItemKind::Phase);
            QVERIFY2(item.start >= phase->start && item.end <= phase->end, qPrintable(item.name));
        }
    }
    for (const char *name :
         {"Feature completion and testing", "Campaign development", "Sales training",
          "Customer success preparation", "Announcement", "Campaign activation",
          "Customer onboarding", "Performance monitoring", "Performance analysis",
          "Feedback collection", "Feature optimisation", "Success-metric review"})
        QVERIFY2(tasks.contains(QLatin1String(name)), name);
    QCOMPARE(tasks.size(), 12);
    // The standard plan is consistent: nothing violated, nothing flagged on its own.
    QVERIFY(!p.dependencies.isEmpty());
    QCOMPARE(LaunchCoordinator::assess(p, context(), Launch.addDays(-40)).readiness,
             Readiness::Ready);
    QVERIFY(PlanTemplate::standard().problem().isEmpty());
}

void TestLaunchCoordinator::customTemplateMakesThePlan()
{
    PlanTemplate t;
    t.name = QStringLiteral("Small");
    t.items = {{5, ItemKind::Phase, QStringLiteral("Ship"), QStringLiteral("Eng"), {}, 0, -3, 2},
               {9, ItemKind::Milestone, QStringLiteral("Go"), {}, {}, 5, 0, 0, true}};
    t.dependencies = {{5, 9, DependencyType::Approval, QStringLiteral("sign-off")}};
    const LaunchPlan p = LaunchCoordinator::defaultPlan(QStringLiteral("X"), Launch, {}, t);
    QCOMPARE(p.items.size(), 2);
    QCOMPARE(p.items.at(0).id, 5);
    QCOMPARE(p.items.at(0).start, Launch.addDays(-3));
    QCOMPARE(p.items.at(1).parentId, 5);
    QCOMPARE(p.dependencies.size(), 1);
    QCOMPARE(p.dependencies.at(0).fromId, 5);
    QCOMPARE(p.dependencies.at(0).toId, 9);
    QCOMPARE(p.dependencies.at(0).type, DependencyType::Approval);
}

void TestLaunchCoordinator::templateJsonRoundTripAndProblems()
{
    const PlanTemplate standard = PlanTemplate::standard();
    QString error;
    const auto back = PlanTemplate::fromJson(standard.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, standard);

    QJsonObject broken = standard.toJson();
    broken.remove(QStringLiteral("items"));
    QVERIFY(!PlanTemplate::fromJson(broken, &error));
    QVERIFY2(error.contains(QStringLiteral("items")), qPrintable(error));

    PlanTemplate bad = standard;
    bad.items[1].parentKey = 999;
    QVERIFY(!bad.problem().isEmpty());
    bad = standard;
    bad.items[2].endOffset = bad.items[2].startOffset - 1;
    QVERIFY(bad.problem().contains(bad.items[2].name));
}

void TestLaunchCoordinator::alignedLaunchIsReady()
{
    const Assessment assessment = LaunchCoordinator::assess(plan(), context(), Launch.addDays(-20));
    QVERIFY2(assessment.findings.isEmpty(), qPrintable(rules(assessment).join(u',')));
    QCOMPARE(assessment.readiness, Readiness::Ready);
    QCOMPARE(assessment.reasons.size(), 1);
}

void TestLaunchCoordinator::featureWithoutMessaging()
{
    LaunchContext c = context();
    c.messaging.remove(2);
    Assessment a = LaunchCoordinator::assess(plan(), c, Launch.addDays(-20));
    QCOMPARE(rules(a),
             QStringList{QString::fromLatin1(MarketingAlignment::FeatureWithoutMessaging)});
    QCOMPARE(a.findings.at(0).featureId, 2);
    QVERIFY(a.findings.at(0).message.contains(QStringLiteral("Team Spaces")));
    QCOMPARE(a.readiness, Readiness::AtRisk);
    QCOMPARE(a.reasons, QStringList{a.findings.at(0).message});

    // Blank messaging is no messaging.
    c.messaging.insert(2, {QStringLiteral("  "), QString(), {}});
    a = LaunchCoordinator::assess(plan(), c, Launch.addDays(-20));
    QCOMPARE(a.findings.size(), 1);
    // Once launch week has started it blocks the launch.
    a = LaunchCoordinator::assess(plan(), c, Launch.addDays(-3));
    QCOMPARE(a.findings.at(0).severity, Severity::Blocker);
    QCOMPARE(a.readiness, Readiness::Blocked);
}

void TestLaunchCoordinator::campaignBeforeRelease()
{
    LaunchContext c = context();
    c.campaigns[1].name = QStringLiteral("Team Spaces blog post");
    c.campaigns[1].start = Launch.addDays(-2);
    Assessment a = LaunchCoordinator::assess(plan(), c, Launch.addDays(-20));
    QCOMPARE(rules(a), QStringList{QString::fromLatin1(MarketingAlignment::CampaignBeforeRelease)});
    QCOMPARE(a.findings.at(0).campaign, QStringLiteral("Team Spaces blog post"));
    QVERIFY(a.findings.at(0).message.contains(QStringLiteral("Team Spaces")));

    // The feature it names shipped earlier, so the campaign is on time.
    c.features[1].releaseDate = Launch.addDays(-5);
    a = LaunchCoordinator::assess(plan(), c, Launch.addDays(-20));
    QVERIFY(a.findings.isEmpty());
}

void TestLaunchCoordinator::campaignEndingBeforeLaunchWeek()
{
    LaunchContext c = context();
    c.features[0].releaseDate = Launch.addDays(-30);
    c.features[1].releaseDate = Launch.addDays(-30);
    c.campaigns[0].start = Launch.addDays(-12);
    c.campaigns[0].end = Launch.addDays(-8);
    Assessment a = LaunchCoordinator::assess(plan(), c, Launch.addDays(-20));
    QCOMPARE(rules(a),
             QStringList{QString::fromLatin1(MarketingAlignment::CampaignEndsBeforeLaunchWeek)});
    // Ending on the first day of launch week is fine.
    c.campaigns[0].end = Launch.addDays(-7);
    a = LaunchCoordinator::assess(plan(), c, Launch.addDays(-20));
    QVERIFY(a.findings.isEmpty());
}

void TestLaunchCoordinator::draftCampaignInLaunchWeek()
{
    LaunchContext c = context();
    c.campaigns[0].name = QStringLiteral("Pricing page");
    c.campaigns[0].status = QStringLiteral("Draft");
    const QDate today = Launch.addDays(-12);
    const Assessment a = LaunchCoordinator::assess(onTrack(today), c, today);
    QCOMPARE(rules(a),
             QStringList{QString::fromLatin1(MarketingAlignment::CampaignDraftInLaunchWeek)});
    QCOMPARE(a.findings.at(0).severity, Severity::Warning);
    QCOMPARE(a.findings.at(0).campaign, QStringLiteral("Pricing page"));
    QCOMPARE(a.findings.at(0).message,
             QStringLiteral("\"Pricing page\" campaign is still in draft and launch week starts "
                            "in 5 days."));
    QVERIFY(a.recommendations.at(0).text.contains(QStringLiteral("Mailchimp")));

    // A draft outside launch week is not this rule's business.
    c.campaigns[0].start = Launch.addDays(20);
    c.campaigns[0].end = Launch.addDays(25);
    QVERIFY(LaunchCoordinator::assess(onTrack(today), c, today).findings.isEmpty());
}

void TestLaunchCoordinator::draftCampaignBlocksOnceLaunchWeekStarted()
{
    LaunchContext c = context();
    c.campaigns[0].status = QStringLiteral("draft");
    const Assessment a =
        LaunchCoordinator::assess(onTrack(Launch.addDays(-2)), c, Launch.addDays(-2));
    QCOMPARE(a.findings.size(), 1);
    QCOMPARE(a.findings.at(0).severity, Severity::Blocker);
    QCOMPARE(a.readiness, Readiness::Blocked);
    QCOMPARE(a.reasons, QStringList{a.findings.at(0).message});
}

void TestLaunchCoordinator::messagingNamingAnotherFeature()
{
    LaunchContext c = context();
    c.messaging[1].keyBenefits.append(QStringLiteral("Works with the audit log"));
    Assessment a = LaunchCoordinator::assess(plan(), c, Launch.addDays(-20));
    QCOMPARE(rules(a),
             QStringList{QString::fromLatin1(MarketingAlignment::MessagingNamesOtherFeature)});
    QCOMPARE(a.findings.at(0).featureId, 1);
    QVERIFY(a.findings.at(0).message.contains(QStringLiteral("Audit Log")));

    // A name inside a launch feature's own name does not count.
    c = context();
    c.otherFeatures.insert(4, QStringLiteral("Spaces"));
    a = LaunchCoordinator::assess(plan(), c, Launch.addDays(-20));
    QVERIFY2(a.findings.isEmpty(), qPrintable(rules(a).join(u',')));
}

void TestLaunchCoordinator::channelWithoutCampaign()
{
    LaunchPlan p = plan();
    p.channels.append(QStringLiteral("webinar"));
    Assessment a = LaunchCoordinator::assess(p, context(), Launch.addDays(-20));
    QCOMPARE(rules(a),
             QStringList{QString::fromLatin1(MarketingAlignment::ChannelWithoutCampaign)});
    QVERIFY(a.findings.at(0).message.contains(QStringLiteral("webinar")));

    LaunchContext c = context();
    c.campaigns.append({QStringLiteral("Atlas live demo"),
                        QStringLiteral("webinar"),
                        QStringLiteral("scheduled"),
                        {},
                        Launch.addDays(2),
                        Launch.addDays(2)});
    a = LaunchCoordinator::assess(p, c, Launch.addDays(-20));
    QVERIFY(a.findings.isEmpty());
}

void TestLaunchCoordinator::violatedDependencyPutsLaunchAtRisk()
{
    LaunchPlan p = plan();
    const PlanItem *completion = named(p, QStringLiteral("Feature completion and testing"));
    QVERIFY(completion);
    const int index = int(completion - p.items.constData());
    p.items[index].end = p.items[index].end.addDays(3); // past the feature freeze
    const Assessment a = LaunchCoordinator::assess(p, context(), Launch.addDays(-40));
    QCOMPARE(rules(a), QStringList{QString::fromLatin1(LaunchCoordinator::DependencyViolated)});
    QCOMPARE(a.findings.at(0).itemId, named(p, QStringLiteral("Feature freeze"))->id);
    QCOMPARE(a.readiness, Readiness::AtRisk);
}

void TestLaunchCoordinator::startedWorkWithoutApprovalBlocks()
{
    LaunchPlan p = plan();
    const PlanItem *approval = named(p, QStringLiteral("Launch approval"));
    QVERIFY(approval);
    const int index = int(approval - p.items.constData());
    p.items[index].start = p.items[index].end = Launch.addDays(1); // after the launch day
    Assessment a = LaunchCoordinator::assess(p, context(), Launch.addDays(-20));
    QVERIFY(rules(a).contains(QString::fromLatin1(LaunchCoordinator::DependencyViolated)));
    QCOMPARE(a.readiness, Readiness::AtRisk);
    // On launch day, still without the approval: blocked (by that alone; the rest is done).
    for (PlanItem &item : p.items) {
        if (item.end < Launch)
            item.done = true;
    }
    a = LaunchCoordinator::assess(p, context(), Launch);
    QCOMPARE(rules(a), QStringList{QString::fromLatin1(LaunchCoordinator::DependencyViolated)});
    QCOMPARE(a.readiness, Readiness::Blocked);
    // Approved: nothing to say about it.
    p.items[index].done = true;
    a = LaunchCoordinator::assess(p, context(), Launch.addDays(-20));
    QVERIFY(!rules(a).contains(QString::fromLatin1(LaunchCoordinator::DependencyViolated)));
}

void TestLaunchCoordinator::overdueCriticalMilestoneBlocks()
{
    LaunchPlan p = plan();
    const QDate today = Launch.addDays(-10); // the feature freeze (-14) has passed
    Assessment a = LaunchCoordinator::assess(p, context(), today);
    QCOMPARE(rules(a),
             QStringList{QString::fromLatin1(LaunchCoordinator::CriticalMilestoneOverdue)});
    QCOMPARE(a.findings.at(0).itemId, named(p, QStringLiteral("Feature freeze"))->id);
    QVERIFY(a.findings.at(0).message.contains(QStringLiteral("4 days")));
    QCOMPARE(a.readiness, Readiness::Blocked);

    for (PlanItem &item : p.items) {
        if (item.end < today)
            item.done = true;
    }
    a = LaunchCoordinator::assess(p, context(), today);
    QVERIFY(a.findings.isEmpty());
    QCOMPARE(a.readiness, Readiness::Ready);
}

void TestLaunchCoordinator::everyRecommendationPointsAtItsFinding()
{
    LaunchPlan p = plan();
    p.channels.append(QStringLiteral("in-app"));
    LaunchContext c = context();
    c.messaging.remove(1);
    c.campaigns[0].status = QStringLiteral("draft");
    const Assessment a = LaunchCoordinator::assess(p, c, Launch.addDays(-20));
    QCOMPARE(a.findings.size(), 3);
    QCOMPARE(a.recommendations.size(), a.findings.size());
    for (int i = 0; i < a.recommendations.size(); ++i) {
        QCOMPARE(a.recommendations.at(i).finding, i);
        QVERIFY(!a.recommendations.at(i).text.isEmpty());
    }
    QVERIFY(a.recommendations.at(0).text.contains(QStringLiteral("Smart Alerts")));
}

void TestLaunchCoordinator::metricsHaveTargetsAndCurrentValuesOnceLive()
{
    LaunchContext c = context();
    c.metrics.adoption30.insert(1, 12.5);
    c.metrics.adoption90.insert(1, 20.0);
    c.metrics.nps = 41;
    c.metrics.pipeline = 90000;
    c.metrics.pipelineBaseline = 80000;
    c.metrics.currency = QStringLiteral("USD");

    // Two adoption targets per feature, then satisfaction and pipeline.
    Assessment before = LaunchCoordinator::assess(plan(), c, Launch.addDays(-1));
    QCOMPARE(before.metrics.size(), 6);
    for (const SuccessMetric &metric : before.metrics)
        QVERIFY2(!metric.current, qPrintable(metric.name));
    QCOMPARE(before.metrics.at(0).featureId, 1);
    QCOMPARE(before.metrics.at(0).dayOffset, 30);
    QCOMPARE(before.metrics.at(0).target, SuccessMetrics::Adoption30Target);
    QCOMPARE(before.metrics.at(1).dayOffset, 90);
    QCOMPARE(before.metrics.at(1).target, SuccessMetrics::Adoption90Target);
    QCOMPARE(before.metrics.at(4).unit, QStringLiteral("NPS"));
    QCOMPARE(before.metrics.at(5).target, 80000 * SuccessMetrics::PipelineGrowth);
    QCOMPARE(before.metrics.at(5).unit, QStringLiteral("USD"));

    const Assessment live = LaunchCoordinator::assess(plan(), c, Launch.addDays(5));
    QCOMPARE(live.metrics.at(0).current, std::optional<double>(12.5));
    QCOMPARE(live.metrics.at(1).current, std::optional<double>(20.0));
    QVERIFY(!live.metrics.at(2).current); // feature 2 has no measurement
    QCOMPARE(live.metrics.at(4).current, std::optional<double>(41));
    QCOMPARE(live.metrics.at(5).current, std::optional<double>(90000));
}

void TestLaunchCoordinator::rebasingMovesOpenItems()
{
    LaunchPlan p = plan();
    p.items[1].done = true;
    p.items[1].baselineStart = p.items[1].start;
    p.items[2].baselineStart = p.items[2].start;
    const QDate newDate = Launch.addDays(14);
    const LaunchPlan moved = LaunchCoordinator::rebased(p, newDate);
    QCOMPARE(moved.launchDate, newDate);
    QCOMPARE(moved.items.size(), p.items.size());
    QCOMPARE(moved.items.at(1).start, p.items.at(1).start); // done: stays
    QCOMPARE(moved.items.at(1).end, p.items.at(1).end);
    for (int i = 0; i < p.items.size(); ++i) {
        if (i == 1)
            continue;
        QCOMPARE(moved.items.at(i).start, p.items.at(i).start.addDays(14));
        QCOMPARE(moved.items.at(i).end, p.items.at(i).end.addDays(14));
    }
    // The baseline shows the move.
    QCOMPARE(moved.items.at(2).baselineStart, p.items.at(2).start);
    QCOMPARE(moved.dependencies, p.dependencies);
    // Earlier works too, and back again gives the original.
    QCOMPARE(LaunchCoordinator::rebased(moved, Launch), p);
}

QTEST_GUILESS_MAIN(TestLaunchCoordinator)
#include "tst_launchcoordinator.moc"
