#include "payloadfields.h"
#include "providermappers.h"

#include <QCoreApplication>

// GitLab hooks (object_kind in the body): release, milestone, merge_request.
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("GitLabMapper", text);
}

class GitLabMapper : public PayloadMapper
{
public:
    MappedDelivery map(const QString &, const QJsonValue &body, qint64 sourceId) const override
    {
        if (!body.isObject())
            return MappedDelivery::failed(tr("the payload is not a JSON object"));
        PayloadFields fields(body);
        const QString kind = fields.text(QStringLiteral("object_kind"));
        if (!fields.ok())
            return MappedDelivery::failed(fields.error());
        if (kind == QLatin1String("release"))
            return release(fields, sourceId);
        if (kind == QLatin1String("milestone"))
            return milestone(fields, sourceId);
        if (kind == QLatin1String("merge_request"))
            return mergeRequest(fields, sourceId);
        return MappedDelivery::ignored(tr("GitLab \"%1\" hooks are not used").arg(kind));
    }

private:
    // The releases stream keys a release by its web address (_links.self), which the hook
    // sends as url.
    static MappedDelivery release(PayloadFields &fields, qint64 sourceId)
    {
        const QString action = fields.text(QStringLiteral("action"));
        const QString url = fields.text(QStringLiteral("url"));
        const QString tag = fields.text(QStringLiteral("tag"));
        if (!fields.ok())
            return MappedDelivery::failed(fields.error());
        if (action == QLatin1String("delete"))
            return MappedDelivery::ignored(tr("a release was deleted"));
        MappedDelivery mapped;
        mapped.result = WebhookProcessor::Result::Processed;
        const QVariant released = fields.timestamp({"released_at"});
        const QVariant name = fields.firstText({"name", "tag"});
        mapped.writes.append(
            {QStringLiteral("releases"),
             {QStringLiteral("external_id"), QStringLiteral("name"), QStringLiteral("version"),
              QStringLiteral("released_at"), QStringLiteral("url"), QStringLiteral("updated_at"),
              QStringLiteral("raw")},
             {{url, name, tag, released, url, fields.timestamp({"released_at", "created_at"}),
               fields.raw()}}});
        // An upcoming release (released_at ahead) is news when it happens, through sync.
        const QDateTime when =
            PayloadFields::parseTime(fields.value(QStringLiteral("released_at")));
        if (action == QLatin1String("create") && when.isValid() &&
            when <= QDateTime::currentDateTimeUtc()) {
            mapped.events.append(ProviderMappers::event(
                HubEvents::FeatureRelease, released,
                tr("Released %1 in %2")
                    .arg(name.toString(),
                         fields.optionalText(QStringLiteral("project.path_with_namespace"))),
                url,
                HubEvents::objectKey(sourceId, QStringLiteral("releases"), url,
                                     QStringLiteral("released"))));
        }
        return mapped;
    }

    static MappedDelivery milestone(PayloadFields &fields, qint64 sourceId)
    {
        fields.object(QStringLiteral("object_attributes"));
        const QString id = fields.id(QStringLiteral("object_attributes.id"));
        const QString title = fields.text(QStringLiteral("object_attributes.title"));
        if (!fields.ok())
            return MappedDelivery::failed(fields.error());
        MappedDelivery mapped;
        mapped.result = WebhookProcessor::Result::Processed;
        const QString iid = fields.optionalId(QStringLiteral("object_attributes.iid"));
        const QString project = fields.optionalText(QStringLiteral("project.web_url"));
        const QString url = project.isEmpty() || iid.isEmpty()
                                ? QString()
                                : project + QStringLiteral("/-/milestones/") + iid;
        mapped.writes.append(
            {QStringLiteral("releases"),
             {QStringLiteral("external_id"), QStringLiteral("name"), QStringLiteral("released_at"),
              QStringLiteral("url"), QStringLiteral("updated_at"), QStringLiteral("raw")},
             {{id, title, fields.timestamp({"object_attributes.due_date"}), url,
               fields.timestamp({"object_attributes.updated_at"}),
               fields.raw(QStringLiteral("object_attributes"))}}});
        const QString action = fields.optionalText(QStringLiteral("action"));
        if (action == QLatin1String("close")) {
            mapped.events.append(ProviderMappers::event(
                HubEvents::DevelopmentMilestone, fields.timestamp({"object_attributes.updated_at"}),
                tr("Milestone %1 closed").arg(title), url,
                HubEvents::objectKey(sourceId, QStringLiteral("releases"), id,
                                     QStringLiteral("closed"))));
        }
        return mapped;
    }

    // The merge_requests stream keys a merge request by references.full ("group/app!12").
    static MappedDelivery mergeRequest(PayloadFields &fields, qint64 sourceId)
    {
        fields.object(QStringLiteral("object_attributes"));
        const QString path = fields.text(QStringLiteral("project.path_with_namespace"));
        const QString iid = fields.id(QStringLiteral("object_attributes.iid"));
        const QString title = fields.text(QStringLiteral("object_attributes.title"));
        if (!fields.ok())
            return MappedDelivery::failed(fields.error());
        const QString externalId = path + u'!' + iid;
        const QString state = fields.optionalText(QStringLiteral("object_attributes.state"));
        const QString url = fields.optionalText(QStringLiteral("object_attributes.url"));
        const QVariant resolved =
            state == QLatin1String("merged") || state == QLatin1String("closed")
                ? fields.timestamp({"object_attributes.merged_at", "object_attributes.closed_at",
                                    "object_attributes.updated_at"})
                : QVariant(QMetaType(QMetaType::QString));
        MappedDelivery mapped;
        mapped.result = WebhookProcessor::Result::Processed;
        mapped.writes.append(
            {QStringLiteral("work_items"),
             {QStringLiteral("external_id"), QStringLiteral("title"), QStringLiteral("kind"),
              QStringLiteral("state"), QStringLiteral("assignee"), QStringLiteral("created_at"),
              QStringLiteral("resolved_at"), QStringLiteral("url"), QStringLiteral("updated_at"),
              QStringLiteral("project"), QStringLiteral("raw")},
             {{externalId, title, QStringLiteral("merge_request"), state,
               fields.firstText({"assignees.0.username", "user.username"}),
               fields.timestamp({"object_attributes.created_at"}), resolved, url,
               fields.timestamp({"object_attributes.updated_at"}),
               fields.firstText({"object_attributes.target_project_id", "project.id"}),
               fields.raw(QStringLiteral("object_attributes"))}}});
        const QString target =
            fields.optionalText(QStringLiteral("object_attributes.target_branch"));
        const QString main = fields.optionalText(QStringLiteral("project.default_branch"));
        if (state == QLatin1String("merged") && !target.isEmpty() && target == main) {
            // The same key as a synced merged row, so sync does not tell it twice.
            mapped.events.append(ProviderMappers::event(
                HubEvents::DevelopmentMilestone, resolved, tr("Merged: %1").arg(title), url,
                HubEvents::objectKey(sourceId, QStringLiteral("work_items"), externalId,
                                     QStringLiteral("merged"))));
        }
        return mapped;
    }
};

} // namespace

std::unique_ptr<PayloadMapper> ProviderMappers::gitlab()
{
    return std::make_unique<GitLabMapper>();
}
