#include "payloadfields.h"
#include "providermappers.h"

#include <QCoreApplication>

// Pipedrive webhooks: v1 {meta{object, action}, current, previous}; v2 {meta{entity,
// action}, data, previous}. Deals only: a deal won is market validation.
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PipedriveMapper", text);
}

class PipedriveMapper : public PayloadMapper
{
public:
    MappedDelivery map(const QString &, const QJsonValue &body, qint64 sourceId) const override
    {
        if (!body.isObject())
            return MappedDelivery::failed(tr("the payload is not a JSON object"));
        PayloadFields fields(body);
        fields.object(QStringLiteral("meta"));
        if (!fields.ok())
            return MappedDelivery::failed(fields.error());
        const bool v2 = fields.has(QStringLiteral("data"));
        const QString object =
            fields.optionalText(v2 ? QStringLiteral("meta.entity") : QStringLiteral("meta.object"));
        const QString action = fields.optionalText(QStringLiteral("meta.action"));
        if (object != QLatin1String("deal"))
            return MappedDelivery::ignored(tr("Pipedrive \"%1\" events are not used").arg(object));
        if (action == QLatin1String("deleted") || action == QLatin1String("delete"))
            return MappedDelivery::ignored(tr("a deal was deleted"));
        const QString deal = v2 ? QStringLiteral("data") : QStringLiteral("current");
        fields.object(deal);
        const QString id = fields.id(deal + QStringLiteral(".id"));
        const QString title = fields.text(deal + QStringLiteral(".title"));
        if (!fields.ok())
            return MappedDelivery::failed(fields.error());
        const QString status = fields.optionalText(deal + QStringLiteral(".status"));
        const bool won = status == QLatin1String("won");
        const bool closed = won || status == QLatin1String("lost");
        const auto at = [&deal](const char *field) {
            return (deal + u'.' + QLatin1String(field)).toUtf8();
        };
        const QByteArray closeTime = at("close_time");
        const QByteArray expected = at("expected_close_date");
        const QByteArray updated = at("update_time");
        const QByteArray wonTime = at("won_time");
        MappedDelivery mapped;
        mapped.result = WebhookProcessor::Result::Processed;
        // As the deals streams map /deals: one row per deal, closed and won from status.
        const QVariant closeDate = fields.day({closeTime.constData(), expected.constData()});
        mapped.writes.append(
            {QStringLiteral("sales_opportunities"),
             {QStringLiteral("external_id"), QStringLiteral("name"), QStringLiteral("stage"),
              QStringLiteral("is_closed"), QStringLiteral("is_won"), QStringLiteral("deal_size"),
              QStringLiteral("currency"), QStringLiteral("close_date"),
              QStringLiteral("updated_at"), QStringLiteral("raw")},
             {{id, title, fields.optionalText(deal + QStringLiteral(".stage_id")), closed ? 1 : 0,
               won ? 1 : 0, fields.number(deal + QStringLiteral(".value")),
               fields.optionalText(deal + QStringLiteral(".currency")), closeDate,
               fields.timestamp({updated.constData()}), fields.raw(deal)}}});
        const bool wasWon =
            fields.optionalText(QStringLiteral("previous.status")) == QLatin1String("won");
        if (won && !wasWon) {
            mapped.events.append(ProviderMappers::event(
                HubEvents::MarketValidation,
                fields.timestamp({wonTime.constData(), closeTime.constData(), updated.constData()}),
                tr("Deal won: %1").arg(title), {},
                HubEvents::objectKey(sourceId, QStringLiteral("sales_opportunities"), id,
                                     QStringLiteral("won"))));
        }
        return mapped;
    }
};

} // namespace

std::unique_ptr<PayloadMapper> ProviderMappers::pipedrive()
{
    return std::make_unique<PipedriveMapper>();
}
