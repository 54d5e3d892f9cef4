#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

// One thing that happened in a connected tool, as the hub names it, whether a webhook or a
// sync told us. Recorded once per dedupeKey in the activity table.
struct HubEvent
{
    enum class Origin { Webhook, Sync, Trigger };

    QString type; // one of HubEvents::types(), or "trigger" for a trigger's firing
    Origin origin = Origin::Sync;
    std::optional<qint64> sourceId;
    QDateTime occurredAt; // UTC
    QString title;
    QString detail;
    QString link;
    // The object and happening, e.g. "3:releases:1001:released": the same for a webhook and
    // a sync of the same object, so the two meet in one entry. Empty: never deduplicated.
    QString dedupeKey;
    std::optional<qint64> triggerId;
    std::optional<qint64> webhookEventId;
};

namespace HubEvents {

inline constexpr auto FeatureRelease = "feature_release";
inline constexpr auto UserFeedback = "user_feedback";
inline constexpr auto UsageMetrics = "usage_metrics";
inline constexpr auto DevelopmentMilestone = "development_milestone";
inline constexpr auto MarketValidation = "market_validation";
inline constexpr auto Trigger = "trigger";

// The five event types of the hub, in the order pages list them.
QStringList types();
// "Feature release", ... for a type (and "Trigger").
QString displayName(const QString &type);
QString originName(HubEvent::Origin origin);

// The dedupe key of a happening to an object of a synced table.
QString objectKey(qint64 sourceId, const QString &table, const QString &externalId,
                  const QString &happening);

} // namespace HubEvents
