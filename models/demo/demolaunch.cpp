#include "democontext.h"

#include "isodate.h"
#include "launch/launchcoordinator.h"
#include "launch/planstore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace DemoSteps {
namespace {

QString jsonList(const QStringList &items)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(items)).toJson(QJsonDocument::Compact));
}

// The two demo launches, made from the standard timeline the way a person would: a baseline
// taken when the plan was agreed, progress as of today, and (for the upcoming one) a task
// that slipped past the milestone waiting for it.
class LaunchWriter
{
public:
    explicit LaunchWriter(DemoContext &context)
        : m_context(context)
        , m_messaging(context.db, QStringLiteral("INSERT INTO feature_messaging (feature_id, "
                                                 "messaging, positioning, key_benefits, "
                                                 "updated_at) VALUES (?, ?, ?, ?, ?)"))
    {
    }

    void write(const QString &product, const QDate &launch, const QString &status,
               const QVector<const DemoFeature *> &features, int featuresWithoutMessaging,
               bool slipped)
    {
        QList<qint64> featureIds;
        for (int i = 0; i < features.size(); ++i) {
            featureIds.append(features.at(i)->id);
            if (i < features.size() - featuresWithoutMessaging)
                writeMessaging(*features.at(i));
        }
        Launch::LaunchPlan plan =
            Launch::LaunchCoordinator::defaultPlan(product, launch, featureIds);
        plan.status = status;
        plan.audiences = {QStringLiteral("Enterprise admins"), QStringLiteral("Product analysts"),
                          QStringLiteral("Existing customers")};
        plan.channels = {QStringLiteral("email"), QStringLiteral("webinar"), QStringLiteral("blog"),
                         QStringLiteral("in-app")};
        plan.createdAt = IsoDate::parse(m_context.randomTimestamp(launch.addDays(-45)));
        const QString slipping =
            QCoreApplication::translate("Launch::PlanTemplate", "Feature completion and testing");
        for (Launch::PlanItem &item : plan.items) {
            item.baselineStart = item.start;
            item.baselineEnd = item.end;
            if (slipped && item.name == slipping) {
                item.start = item.start.addDays(2);
                item.end = item.end.addDays(2);
            }
            item.progress = progress(item.start, item.end);
            item.done = item.end < m_context.today;
        }

        Launch::PlanStore store(m_context.db);
        store.setNow(IsoDate::parse(m_context.randomTimestamp(qMin(m_context.today, launch))));
        QString error;
        if (!store.save(plan, &error))
            throw DemoError(error);
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
                 upcoming, 1, true);
    writer.write(DemoContext::PastProduct, context.pastLaunch(), QStringLiteral("live"), shipped, 0,
                 false);
}

} // namespace DemoSteps
