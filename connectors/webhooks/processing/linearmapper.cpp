#include "payloadfields.h"
#include "providermappers.h"

#include <QCoreApplication>

// Linear webhooks: action (create/update/remove), type (Issue, Cycle, Project, ...), data.
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("LinearMapper", text);
}

class LinearMapper : public PayloadMapper
{
public:
    MappedDelivery map(const QString &, const QJsonValue &body, qint64 sourceId) const override
    {
        if (!body.isObject())
            return MappedDelivery::failed(tr("the payload is not a JSON object"));
        PayloadFields fields(body);
        const QString action = fields.text(QStringLiteral("action"));
        const QString type = fields.text(QStringLiteral("type"));
        fields.object(QStringLiteral("data"));
        const QString id = fields.id(QStringLiteral("data.id"));
        if (!fields.ok())
            return MappedDelivery::failed(fields.error());
        if (action == QLatin1String("remove"))
            return MappedDelivery::ignored(tr("a %1 was removed").arg(type));
        if (type == QLatin1String("Issue"))
            return issue(fields, id);
        if (type == QLatin1String("Cycle"))
            return cycle(fields, id, sourceId);
        if (type == QLatin1String("Project"))
            return project(fields, id);
        return MappedDelivery::ignored(tr("Linear \"%1\" events are not used").arg(type));
    }

private:
    // As the issues stream maps the GraphQL issues query.
    static MappedDelivery issue(PayloadFields &fields, const QString &id)
    {
        const QString title = fields.text(QStringLiteral("data.title"));
        if (!fields.ok())
            return MappedDelivery::failed(fields.error());
        MappedDelivery mapped;
        mapped.result = WebhookProcessor::Result::Processed;
        mapped.writes.append(
            {QStringLiteral("work_items"),
             {QStringLiteral("external_id"), QStringLiteral("title"), QStringLiteral("kind"),
              QStringLiteral("state"), QStringLiteral("points"), QStringLiteral("assignee"),
              QStringLiteral("created_at"), QStringLiteral("started_at"),
              QStringLiteral("resolved_at"), QStringLiteral("url"), QStringLiteral("updated_at"),
              QStringLiteral("project"), QStringLiteral("feature_ref"), QStringLiteral("sprint"),
              QStringLiteral("raw")},
             {{id, title, QStringLiteral("issue"), fields.firstText({"data.state.name"}),
               fields.number(QStringLiteral("data.estimate")),
               fields.firstText({"data.assignee.name"}), fields.timestamp({"data.createdAt"}),
               fields.timestamp({"data.startedAt"}),
               fields.timestamp({"data.completedAt", "data.canceledAt"}),
               fields.firstText({"data.url", "url"}), fields.timestamp({"data.updatedAt"}),
               fields.firstText({"data.team.key"}),
               fields.firstText({"data.project.id", "data.projectId"}),
               fields.firstText({"data.cycle.name", "data.cycle.number"}),
               fields.raw(QStringLiteral("data"))}}});
        return mapped;
    }

    // A cycle is done when completedAt is set by this update (updatedFrom holds the old value).
    static MappedDelivery cycle(PayloadFields &fields, const QString &id, qint64 sourceId)
    {
        const bool completedNow = fields.has(QStringLiteral("data.completedAt")) &&
                                  fields.value(QStringLiteral("updatedFrom"))
                                      .toObject()
                                      .contains(QLatin1String("completedAt")) &&
                                  !fields.has(QStringLiteral("updatedFrom.completedAt"));
        if (!completedNow)
            return MappedDelivery::ignored(tr("a cycle changed without being completed"));
        MappedDelivery mapped;
        mapped.result = WebhookProcessor::Result::Processed;
        const QVariant name = fields.firstText({"data.name", "data.number"});
        mapped.events.append(ProviderMappers::event(
            HubEvents::DevelopmentMilestone, fields.timestamp({"data.completedAt"}),
            tr("Cycle %1 completed").arg(name.toString()),
            fields.optionalText(QStringLiteral("url")),
            QString::number(sourceId) + QStringLiteral(":cycle:") + id +
                QStringLiteral(":completed")));
        return mapped;
    }

    // As the projects stream maps Linear projects into features.
    static MappedDelivery project(PayloadFields &fields, const QString &id)
    {
        const QString name = fields.text(QStringLiteral("data.name"));
        if (!fields.ok())
            return MappedDelivery::failed(fields.error());
        MappedDelivery mapped;
        mapped.result = WebhookProcessor::Result::Processed;
        mapped.writes.append(
            {QStringLiteral("features"),
             {QStringLiteral("external_id"), QStringLiteral("name"), QStringLiteral("description"),
              QStringLiteral("status"), QStringLiteral("release_date"), QStringLiteral("url"),
              QStringLiteral("updated_at"), QStringLiteral("raw")},
             {{id, name, fields.firstText({"data.description"}),
               fields.firstText({"data.status.name", "data.state"}),
               fields.day({"data.targetDate"}), fields.firstText({"data.url", "url"}),
               fields.timestamp({"data.updatedAt"}), fields.raw(QStringLiteral("data"))}}});
        return mapped;
    }
};

} // namespace

std::unique_ptr<PayloadMapper> ProviderMappers::linear()
{
    return std::make_unique<LinearMapper>();
}
