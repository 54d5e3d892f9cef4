#include "hubevent.h"

#include <QCoreApplication>

namespace HubEvents {

QStringList types()
{
    return {QLatin1String(FeatureRelease), QLatin1String(UserFeedback), QLatin1String(UsageMetrics),
            QLatin1String(DevelopmentMilestone), QLatin1String(MarketValidation)};
}

QString displayName(const QString &type)
{
    if (type == QLatin1String(FeatureRelease))
        return QCoreApplication::translate("HubEvents", "Feature release");
    if (type == QLatin1String(UserFeedback))
        return QCoreApplication::translate("HubEvents", "User feedback");
    if (type == QLatin1String(UsageMetrics))
        return QCoreApplication::translate("HubEvents", "Usage metrics");
    if (type == QLatin1String(DevelopmentMilestone))
        return QCoreApplication::translate("HubEvents", "Development milestone");
    if (type == QLatin1String(MarketValidation))
        return QCoreApplication::translate("HubEvents", "Market validation");
    if (type == QLatin1String(Trigger))
        return QCoreApplication::translate("HubEvents", "Trigger");
    return type;
}

QString originName(HubEvent::Origin origin)
{
    switch (origin) {
    case HubEvent::Origin::Webhook:
        return QStringLiteral("webhook");
    case HubEvent::Origin::Sync:
        return QStringLiteral("sync");
    case HubEvent::Origin::Trigger:
        return QStringLiteral("trigger");
    }
    return QStringLiteral("sync");
}

QString objectKey(qint64 sourceId, const QString &table, const QString &externalId,
                  const QString &happening)
{
    return QString::number(sourceId) + u':' + table + u':' + externalId + u':' + happening;
}

} // namespace HubEvents
