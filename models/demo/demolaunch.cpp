#include "democontext.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace DemoSteps {
namespace {

QString jsonList(const QStringList &items)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(items)).toJson(QJsonDocument::Compact));
}

struct PhaseTemplate
{
    const char *name;
    const char *owner;
    int start; // days from launch
    int end;
    const char *tasks[4];
};

// The default shape of a launch: preparation, launch week, then follow-through.
constexpr PhaseTemplate phaseTemplates[] = {
    {"Pre-launch preparation",
     "Product team",
     -30,
     -7,
     {"Feature completion and testing", "Campaign development", "Sales training",
      "Customer success preparation"}},
    {"Launch week",
     "Cross-functional team",
     -7,
     7,
     {"Announcement", "Campaign activation", "Customer onboarding", "Performance monitoring"}},
    {"Post-launch optimization",
     "Product and Customer Success",
     7,
     30,
     {"Adoption analysis", "Feedback review", "Iteration planning", nullptr}},
};

struct MilestoneTemplate
{
    const char *name;
    int offset;
    bool critical;
};

constexpr MilestoneTemplate milestoneTemplates[] = {
    {"Feature freeze", -14, true},         {"Sales enablement complete", -8, false},
    {"Launch approval", -3, true},         {"Launch day", 0, true},
    {"30-day adoption review", 30, false},
};

class LaunchWriter
{
public:
    explicit LaunchWriter(DemoContext &context)
        : m_context(context)
        , m_plans(context.db,
                  QStringLiteral("INSERT INTO launch_plans (product, name, launch_date, "
                                 "audiences, channels, status, created_at, updated_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"))
        , m_features(context.db, QStringLiteral("INSERT INTO launch_plan_features (plan_id, "
                                                "feature_id) VALUES (?, ?)"))
        , m_phases(context.db, QStringLiteral("INSERT INTO launch_phases (plan_id, name, kind, "
                                              "parent_id, owner, start_date, end_date, progress, "
                                              "position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        , m_milestones(context.db, QStringLiteral("INSERT INTO launch_milestones (plan_id, "
                                                  "phase_id, name, due_date, critical, done) "
                                                  "VALUES (?, ?, ?, ?, ?, ?)"))
        , m_dependencies(context.db,
                         QStringLiteral("INSERT INTO launch_dependencies (plan_id, from_kind, "
                                        "from_id, to_kind, to_id, type, description) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?)"))
        , m_messaging(context.db, QStringLiteral("INSERT INTO feature_messaging (feature_id, "
                                                 "messaging, positioning, key_benefits, "
                                                 "updated_at) VALUES (?, ?, ?, ?, ?)"))
    {
    }

    void write(const QString &product, const QDate &launch, const QString &status,
               const QVector<const DemoFeature *> &features, int featuresWithoutMessaging)
    {
        const auto day = [](const QDate &date) {
            return date.toString(Qt::ISODate);
        };
        const QString created = m_context.randomTimestamp(launch.addDays(-45));
        const qint64 plan = m_plans.insert(
            {product, QObject::tr("%1 launch").arg(product), day(launch),
             jsonList({QStringLiteral("Enterprise admins"), QStringLiteral("Product analysts"),
                       QStringLiteral("Existing customers")}),
             jsonList({QStringLiteral("email"), QStringLiteral("webinar"), QStringLiteral("blog"),
                       QStringLiteral("in-app")}),
             status, created, m_context.randomTimestamp(qMin(m_context.today, launch))});

        for (int i = 0; i < features.size(); ++i) {
            m_features.insert({plan, features.at(i)->id});
            if (i < features.size() - featuresWithoutMessaging)
                writeMessaging(*features.at(i));
        }

        QHash<QString, qint64> taskIds;
        int position = 0;
        for (const PhaseTemplate &phase : phaseTemplates) {
            const QDate start = launch.addDays(phase.start);
            const QDate end = launch.addDays(phase.end);
            const qint64 phaseId =
                m_phases.insert({plan, QString::fromLatin1(phase.name), QStringLiteral("phase"),
                                 QVariant(), QString::fromLatin1(phase.owner), day(start), day(end),
                                 progress(start, end), position++});
            int taskIndex = 0;
            for (const char *task : phase.tasks) {
                if (!task)
                    continue;
                // Tasks overlap inside their phase, the way real launch work does.
                const qint64 span = start.daysTo(end);
                const QDate taskStart = start.addDays(span * taskIndex / 5);
                const QDate taskEnd = qMin(end, taskStart.addDays(qMax<qint64>(2, span * 2 / 5)));
                taskIds.insert(
                    QString::fromLatin1(task),
                    m_phases.insert({plan, QString::fromLatin1(task), QStringLiteral("task"),
                                     phaseId, QString::fromLatin1(phase.owner), day(taskStart),
                                     day(taskEnd), progress(taskStart, taskEnd), position++}));
                ++taskIndex;
            }
        }

        QHash<QString, qint64> milestoneIds;
        for (const MilestoneTemplate &milestone : milestoneTemplates) {
            const QDate due = launch.addDays(milestone.offset);
            milestoneIds.insert(
                QString::fromLatin1(milestone.name),
                m_milestones.insert({plan, QVariant(), QString::fromLatin1(milestone.name),
                                     day(due), milestone.critical ? 1 : 0,
                                     due < m_context.today ? 1 : 0}));
        }

        const auto phase = [&](const char *name) {
            return taskIds.value(QString::fromLatin1(name));
        };
        const auto milestone = [&](const char *name) {
            return milestoneIds.value(QString::fromLatin1(name));
        };
        m_dependencies.insert({plan, QStringLiteral("phase"),
                               phase("Feature completion and testing"), QStringLiteral("milestone"),
                               milestone("Feature freeze"), QStringLiteral("timeline"),
                               QObject::tr("Testing ends at the freeze")});
        m_dependencies.insert({plan, QStringLiteral("milestone"), milestone("Launch approval"),
                               QStringLiteral("milestone"), milestone("Launch day"),
                               QStringLiteral("approval"),
                               QObject::tr("Leadership approves the launch")});
        m_dependencies.insert({plan, QStringLiteral("phase"), phase("Sales training"),
                               QStringLiteral("milestone"), milestone("Sales enablement complete"),
                               QStringLiteral("resource"),
                               QObject::tr("Needs the solution engineers for two days")});
        m_dependencies.insert({plan, QStringLiteral("phase"), phase("Campaign development"),
                               QStringLiteral("phase"), phase("Campaign activation"),
                               QStringLiteral("timeline"), QString()});
    }

private:
    double progress(const QDate &start, const QDate &end) const
    {
        if (m_context.today >= end)
            return 1.0;
        if (m_context.today <= start)
            return 0.0;
        return double(start.daysTo(m_context.today)) / double(start.daysTo(end));
    }

    void writeMessaging(const DemoFeature &feature)
    {
        m_messaging.insert(
            {feature.id,
             QObject::tr("%1 helps teams move faster without leaving their workflow.")
                 .arg(feature.name),
             QObject::tr("The %1 capability for teams that have outgrown spreadsheets.")
                 .arg(feature.area.toLower()),
             jsonList({QObject::tr("Saves time every week"),
                       QObject::tr("Works with existing tools"),
                       QObject::tr("Enterprise-ready security")}),
             m_context.randomTimestamp(m_context.daysAgo(m_context.random.between(1, 30)))});
    }

    DemoContext &m_context;
    DemoRows m_plans;
    DemoRows m_features;
    DemoRows m_phases;
    DemoRows m_milestones;
    DemoRows m_dependencies;
    DemoRows m_messaging;
};

} // namespace

void launchPlans(DemoContext &context)
{
    // The upcoming launch ships what is in progress; the past one what shipped last.
    QVector<const DemoFeature *> upcoming;
    QVector<const DemoFeature *> shipped;
    for (const DemoFeature &feature : std::as_const(context.features)) {
        if (feature.status == QLatin1String("in_progress") && upcoming.size() < 3)
            upcoming.append(&feature);
    }
    for (auto it = context.features.crbegin(); it != context.features.crend(); ++it) {
        if (it->releaseDate.isValid() && shipped.size() < 2)
            shipped.append(&*it);
    }
    LaunchWriter writer(context);
    writer.write(DemoContext::UpcomingProduct, context.upcomingLaunch(), QStringLiteral("planning"),
                 upcoming, 1);
    writer.write(DemoContext::PastProduct, context.pastLaunch(), QStringLiteral("live"), shipped,
                 0);
}

} // namespace DemoSteps
