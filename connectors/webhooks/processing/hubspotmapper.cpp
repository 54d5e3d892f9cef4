#include "payloadfields.h"
#include "providermappers.h"

#include <QCoreApplication>
#include <QJsonArray>

// HubSpot webhooks: a JSON array of thin events (subscriptionType, objectId, propertyName,
// propertyValue, occurredAt). A deal moved to the closed-won stage is market validation;
// the deal's row itself comes with the next sync, which has its name and amount.
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HubSpotMapper", text);
}

class HubSpotMapper : public PayloadMapper
{
public:
    MappedDelivery map(const QString &, const QJsonValue &body, qint64 sourceId) const override
    {
        if (!body.isArray())
            return MappedDelivery::failed(tr("the payload is not a JSON array of events"));
        MappedDelivery mapped;
        const QJsonArray events = body.toArray();
        for (qsizetype index = 0; index < events.size(); ++index) {
            PayloadFields fields(events.at(index));
            const QString type = fields.text(QStringLiteral("subscriptionType"));
            const QString objectId = fields.id(QStringLiteral("objectId"));
            if (!fields.ok())
                return MappedDelivery::failed(tr("event %1: %2").arg(index).arg(fields.error()));
            if (type != QLatin1String("deal.propertyChange") ||
                fields.optionalText(QStringLiteral("propertyName")) != QLatin1String("dealstage") ||
                fields.optionalText(QStringLiteral("propertyValue")) != QLatin1String("closedwon"))
                continue;
            mapped.events.append(ProviderMappers::event(
                HubEvents::MarketValidation, fields.timestamp({"occurredAt"}),
                tr("Deal %1 won").arg(objectId), {},
                HubEvents::objectKey(sourceId, QStringLiteral("sales_opportunities"), objectId,
                                     QStringLiteral("won"))));
        }
        if (mapped.events.isEmpty())
            return MappedDelivery::ignored(tr("no deal was won"));
        mapped.result = WebhookProcessor::Result::Processed;
        return mapped;
    }
};

} // namespace

std::unique_ptr<PayloadMapper> ProviderMappers::hubspot()
{
    return std::make_unique<HubSpotMapper>();
}
