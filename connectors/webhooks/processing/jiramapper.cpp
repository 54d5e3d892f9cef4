#include "payloadfields.h"
#include "providermappers.h"

#include <QCoreApplication>

// Jira webhooks (webhookEvent in the body): versions, sprints, issues.
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("JiraMapper", text);
}

class JiraMapper : public PayloadMapper
{
public:
    MappedDelivery map(const QString &, const QJsonValue &body, qint64 sourceId) const override
    {
        if (!body.isObject())
            return MappedDelivery::failed(tr("the payload is not a JSON object"));
        PayloadFields fields(body);
        const QString event = fields.text(QStringLiteral("webhookEvent"));
        if (!fields.ok())
            return MappedDelivery::failed(fields.error());
        if (event.startsWith(QLatin1String("jira:version_")) &&
            event != QLatin1String("jira:version_deleted"))
            return version(fields, event, sourceId);
        if (event == QLatin1String("sprint_closed"))
            return sprintClosed(fields, sourceId);
        if (event == QLatin1String("jira:issue_created") ||
            event == QLatin1String("jira:issue_updated"))
            return issue(fields);
        return MappedDelivery::ignored(tr("Jira event \"%1\" is not used").arg(event));
    }

private:
    // As the versions stream maps /project/{key}/versions.
    static MappedDelivery version(PayloadFields &fields, const QString &event, qint64 sourceId)
    {
        fields.object(QStringLiteral("version"));
        const QString id = fields.id(QStringLiteral("version.id"));
        const QString name = fields.text(QStringLiteral("version.name"));
        if (!fields.ok())
            return MappedDelivery::failed(fields.error());
        MappedDelivery mapped;
        mapped.result = WebhookProcessor::Result::Processed;
        const QVariant released = fields.timestamp({"version.releaseDate"});
        mapped.writes.append(
            {QStringLiteral("releases"),
             {QStringLiteral("external_id"), QStringLiteral("name"), QStringLiteral("version"),
              QStringLiteral("released_at"), QStringLiteral("raw")},
             {{id, name, name, released, fields.raw(QStringLiteral("version"))}}});
        if (event == QLatin1String("jira:version_released")) {
            mapped.events.append(ProviderMappers::event(
                HubEvents::FeatureRelease,
                released.isNull() ? fields.timestamp({"timestamp"}) : released,
                tr("Version %1 released").arg(name), {},
                HubEvents::objectKey(sourceId, QStringLiteral("releases"), id,
                                     QStringLiteral("released"))));
        }
        return mapped;
    }

    // Sprints have no table; a closed sprint is an event only.
    static MappedDelivery sprintClosed(PayloadFields &fields, qint64 sourceId)
    {
        fields.object(QStringLiteral("sprint"));
        const QString id = fields.id(QStringLiteral("sprint.id"));
        const QString name = fields.text(QStringLiteral("sprint.name"));
        if (!fields.ok())
            return MappedDelivery::failed(fields.error());
        MappedDelivery mapped;
        mapped.result = WebhookProcessor::Result::Processed;
        mapped.events.append(ProviderMappers::event(
            HubEvents::DevelopmentMilestone,
            fields.timestamp({"sprint.completeDate", "sprint.endDate", "timestamp"}),
            tr("Sprint %1 closed").arg(name), {},
            QString::number(sourceId) + QStringLiteral(":sprint:") + id +
                QStringLiteral(":closed")));
        return mapped;
    }

    // As the issues stream maps search/jql results; fields that depend on the source's
    // settings (story points, epic link) are left to sync.
    static MappedDelivery issue(PayloadFields &fields)
    {
        fields.object(QStringLiteral("issue"));
        const QString id = fields.id(QStringLiteral("issue.id"));
        fields.object(QStringLiteral("issue.fields"));
        const QString summary = fields.text(QStringLiteral("issue.fields.summary"));
        if (!fields.ok())
            return MappedDelivery::failed(fields.error());
        MappedDelivery mapped;
        mapped.result = WebhookProcessor::Result::Processed;
        mapped.writes.append(
            {QStringLiteral("work_items"),
             {QStringLiteral("external_id"), QStringLiteral("title"), QStringLiteral("kind"),
              QStringLiteral("state"), QStringLiteral("assignee"), QStringLiteral("created_at"),
              QStringLiteral("resolved_at"), QStringLiteral("updated_at"),
              QStringLiteral("project"), QStringLiteral("raw")},
             {{id, summary, fields.firstText({"issue.fields.issuetype.name"}),
               fields.firstText(
                   {"issue.fields.status.name", "issue.fields.status.statusCategory.name"}),
               fields.firstText(
                   {"issue.fields.assignee.displayName", "issue.fields.assignee.accountId"}),
               fields.timestamp({"issue.fields.created"}),
               fields.timestamp({"issue.fields.resolutiondate"}),
               fields.timestamp({"issue.fields.updated"}),
               fields.firstText({"issue.fields.project.key"}),
               fields.raw(QStringLiteral("issue"))}}});
        return mapped;
    }
};

} // namespace

std::unique_ptr<PayloadMapper> ProviderMappers::jira()
{
    return std::make_unique<JiraMapper>();
}
