#pragma once

#include <QHash>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

// A rule the user set on hub events or metrics; it fires once each time its condition
// becomes true, and again only after the condition has stopped holding.
struct Trigger
{
    qint64 id = 0;
    QString name;
    QString kind; // one of TriggerKinds::all()
    QJsonObject parameters;
    bool enabled = true;
    bool active = false; // the condition held at the last evaluation
    std::optional<double> lastValue;
    QString lastFired;
    qint64 lastActivityId = 0;

    friend bool operator==(const Trigger &, const Trigger &) = default;
};

// The names of the features and sources triggers refer to by id, to show them in words.
struct TriggerNames
{
    QHash<qint64, QString> features; // features not merged into another, by name
    QHash<qint64, QString> sources;

    static std::optional<TriggerNames> load(const QSqlDatabase &db, QString *error);
};

// The kinds of trigger and their parameters:
//   adoption            feature_id, percent, days: adoption passes percent within days of release
//   unplanned_requests  count, feature_id (0: any), min_deal_size (0: any requester):
//                       count requests for a feature no launch plan includes
//   nps_below           threshold, days: NPS of the last days below threshold
//   campaign_draft      days: a campaign of a launch within days is still a draft
//   event               hub_event, source_id (0: any): an event of that type comes in
namespace TriggerKinds {

inline constexpr auto Adoption = "adoption";
inline constexpr auto UnplannedRequests = "unplanned_requests";
inline constexpr auto NpsBelow = "nps_below";
inline constexpr auto CampaignDraft = "campaign_draft";
inline constexpr auto Event = "event";

QStringList all();
QString displayName(const QString &kind);
// The parameters of a kind, in the order a form shows them.
QStringList parameterNames(const QString &kind);
QString parameterLabel(const QString &name);
// The condition in words: "Adoption of Dashboards passes 20% within 30 days".
QString describe(const Trigger &trigger, const TriggerNames &names = {});
// Empty when the trigger is complete; otherwise what is wrong, naming the parameter.
QString validate(const Trigger &trigger);

} // namespace TriggerKinds
