#include "payloadmapper.h"

#include "isodate.h"
#include "providermappers.h"

MappedDelivery MappedDelivery::ignored(const QString &why)
{
    MappedDelivery mapped;
    mapped.result = WebhookProcessor::Result::Ignored;
    mapped.error = why;
    return mapped;
}

MappedDelivery MappedDelivery::failed(const QString &why)
{
    MappedDelivery mapped;
    mapped.result = WebhookProcessor::Result::Failed;
    mapped.error = why;
    return mapped;
}

namespace ProviderMappers {

HubEvent event(const char *type, const QVariant &when, const QString &title, const QString &link,
               const QString &dedupeKey)
{
    HubEvent hubEvent;
    hubEvent.type = QLatin1String(type);
    hubEvent.origin = HubEvent::Origin::Webhook;
    hubEvent.occurredAt = IsoDate::parse(when.toString());
    hubEvent.title = title;
    hubEvent.link = link;
    hubEvent.dedupeKey = dedupeKey;
    return hubEvent;
}

} // namespace ProviderMappers
