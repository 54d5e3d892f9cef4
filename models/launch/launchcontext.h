#pragma once

#include <QDate>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

// What the workspace knows around a launch plan: its features, their messaging, the
// campaigns tied to the launch and the metric values so far. Loaded once (off the UI thread)
// so that the coordinator's rules stay pure and fast.
namespace Launch {

struct LaunchPlan;

struct LaunchFeature
{
    qint64 id = 0;
    QString name;
    QString status;
    QDate releaseDate;
};

struct FeatureMessaging
{
    QString messaging;
    QString positioning;
    QStringList keyBenefits;

    bool isEmpty() const
    {
        return messaging.trimmed().isEmpty() && positioning.trimmed().isEmpty();
    }
    friend bool operator==(const FeatureMessaging &, const FeatureMessaging &) = default;
};

struct Campaign
{
    QString name;
    // email, webinar, content, ...: as the service calls it.
    QString type;
    // draft, scheduled, active, completed, ...
    QString status;
    // The service it comes from (Mailchimp, HubSpot Marketing, ...).
    QString source;
    QDate start;
    QDate end;
};

// Measured values of the launch's success metrics, where the workspace has them.
struct MetricValues
{
    // Adoption rate (percent of product users) by feature id, 30 and 90 days after release
    // or as of today when that day is still ahead.
    QHash<qint64, double> adoption30;
    QHash<qint64, double> adoption90;
    std::optional<double> nps;
    // Open pipeline of the companies asking for the launch's features, and the same before
    // the launch, in the base currency.
    std::optional<double> pipeline;
    double pipelineBaseline = 0;
    QString currency;
};

struct LaunchContext
{
    // The launch's features, in the plan's order.
    QList<LaunchFeature> features;
    // By feature id; features without messaging are absent.
    QHash<qint64, FeatureMessaging> messaging;
    // Workspace features not in the launch, by id, to spot messaging that names them.
    QHash<qint64, QString> otherFeatures;
    QList<Campaign> campaigns;
    MetricValues metrics;

    const LaunchFeature *feature(qint64 id) const
    {
        for (const LaunchFeature &candidate : features) {
            if (candidate.id == id)
                return &candidate;
        }
        return nullptr;
    }
};

// Reads the context of a plan from the workspace; metric values only once the launch day has
// come (today). Runs queries: call it off the UI thread.
std::optional<LaunchContext> loadLaunchContext(const QSqlDatabase &db, const LaunchPlan &plan,
                                               const QDate &today, QString *error);

} // namespace Launch
