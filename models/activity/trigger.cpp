#include "trigger.h"

#include "hubevent.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace TriggerKinds {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TriggerKinds", text);
}

double number(const Trigger &trigger, const char *name)
{
    return trigger.parameters.value(QLatin1String(name)).toDouble();
}

QString featureName(const Trigger &trigger, const TriggerNames &names)
{
    const auto id = qint64(number(trigger, "feature_id"));
    return names.features.value(id, tr("feature %1").arg(id));
}

} // namespace

QStringList all()
{
    return {QLatin1String(Adoption), QLatin1String(UnplannedRequests), QLatin1String(NpsBelow),
            QLatin1String(CampaignDraft), QLatin1String(Event)};
}

QString displayName(const QString &kind)
{
    if (kind == QLatin1String(Adoption))
        return tr("Feature adoption reaches a share");
    if (kind == QLatin1String(UnplannedRequests))
        return tr("Requests for an unplanned feature");
    if (kind == QLatin1String(NpsBelow))
        return tr("NPS drops below a score");
    if (kind == QLatin1String(CampaignDraft))
        return tr("Launch campaign still in draft");
    if (kind == QLatin1String(Event))
        return tr("An event comes in");
    return kind;
}

QStringList parameterNames(const QString &kind)
{
    if (kind == QLatin1String(Adoption))
        return {QStringLiteral("feature_id"), QStringLiteral("percent"), QStringLiteral("days")};
    if (kind == QLatin1String(UnplannedRequests))
        return {QStringLiteral("count"), QStringLiteral("feature_id"),
                QStringLiteral("min_deal_size")};
    if (kind == QLatin1String(NpsBelow))
        return {QStringLiteral("threshold"), QStringLiteral("days")};
    if (kind == QLatin1String(CampaignDraft))
        return {QStringLiteral("days")};
    if (kind == QLatin1String(Event))
        return {QStringLiteral("hub_event"), QStringLiteral("source_id")};
    return {};
}

QString parameterLabel(const QString &name)
{
    if (name == QLatin1String("feature_id"))
        return tr("Feature");
    if (name == QLatin1String("percent"))
        return tr("Adoption (%)");
    if (name == QLatin1String("days"))
        return tr("Days");
    if (name == QLatin1String("count"))
        return tr("Requests");
    if (name == QLatin1String("min_deal_size"))
        return tr("Smallest deal of a requester");
    if (name == QLatin1String("threshold"))
        return tr("NPS below");
    if (name == QLatin1String("hub_event"))
        return tr("Event");
    if (name == QLatin1String("source_id"))
        return tr("Source");
    return name;
}

QString describe(const Trigger &trigger, const TriggerNames &names)
{
    const QString kind = trigger.kind;
    if (kind == QLatin1String(Adoption))
        return tr("Adoption of %1 passes %2% within %3 days")
            .arg(featureName(trigger, names))
            .arg(number(trigger, "percent"))
            .arg(number(trigger, "days"));
    if (kind == QLatin1String(UnplannedRequests)) {
        const double feature = number(trigger, "feature_id");
        const double deal = number(trigger, "min_deal_size");
        QString text = feature > 0 ? tr("%1 requests for %2 while no plan includes it")
                                         .arg(number(trigger, "count"))
                                         .arg(featureName(trigger, names))
                                   : tr("%1 requests for a feature no launch plan includes")
                                         .arg(number(trigger, "count"));
        if (deal > 0)
            text += tr(", from companies with a deal of %1 or more").arg(deal);
        return text;
    }
    if (kind == QLatin1String(NpsBelow))
        return tr("NPS of the last %1 days below %2")
            .arg(number(trigger, "days"))
            .arg(number(trigger, "threshold"));
    if (kind == QLatin1String(CampaignDraft))
        return tr("A campaign of a launch in the next %1 days is still a draft")
            .arg(number(trigger, "days"));
    if (kind == QLatin1String(Event)) {
        const QString type =
            HubEvents::displayName(trigger.parameters.value(QLatin1String("hub_event")).toString());
        const double source = number(trigger, "source_id");
        return source > 0 ? tr("%1 from %2")
                                .arg(type, names.sources.value(qint64(source),
                                                               tr("source %1").arg(source)))
                          : tr("%1 from any source").arg(type);
    }
    return kind;
}

QString validate(const Trigger &trigger)
{
    if (trigger.name.trimmed().isEmpty())
        return tr("The trigger needs a name.");
    if (!all().contains(trigger.kind))
        return tr("Unknown trigger kind \"%1\".").arg(trigger.kind);
    const auto positive = [&](const char *name) -> QString {
        if (number(trigger, name) > 0)
            return {};
        return tr("%1 must be more than 0.").arg(parameterLabel(QLatin1String(name)));
    };
    QString error;
    if (trigger.kind == QLatin1String(Adoption)) {
        if (number(trigger, "feature_id") <= 0)
            error = tr("Choose a feature.");
        for (const char *name : {"percent", "days"}) {
            if (error.isEmpty())
                error = positive(name);
        }
        if (error.isEmpty() && number(trigger, "percent") > 100)
            error = tr("Adoption (%) must be 100 or less.");
    } else if (trigger.kind == QLatin1String(UnplannedRequests)) {
        error = positive("count");
    } else if (trigger.kind == QLatin1String(NpsBelow)) {
        error = positive("days");
        const double threshold = number(trigger, "threshold");
        if (error.isEmpty() && (threshold < -100 || threshold > 100))
            error = tr("NPS below must be between -100 and 100.");
    } else if (trigger.kind == QLatin1String(CampaignDraft)) {
        error = positive("days");
    } else if (trigger.kind == QLatin1String(Event)) {
        const QString type = trigger.parameters.value(QLatin1String("hub_event")).toString();
        if (!HubEvents::types().contains(type))
            error =
                tr("Event must be one of %1.").arg(HubEvents::types().join(QLatin1String(", ")));
    }
    return error;
}

} // namespace TriggerKinds

std::optional<TriggerNames> TriggerNames::load(const QSqlDatabase &db, QString *error)
{
    TriggerNames names;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT id, name FROM features WHERE merged_into IS NULL"))) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    while (query.next())
        names.features.insert(query.value(0).toLongLong(), query.value(1).toString());
    if (!query.exec(QStringLiteral("SELECT id, name FROM sources"))) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    while (query.next())
        names.sources.insert(query.value(0).toLongLong(), query.value(1).toString());
    return names;
}
