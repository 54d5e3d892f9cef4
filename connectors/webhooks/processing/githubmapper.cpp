#include "payloadfields.h"
#include "providermappers.h"

#include <QCoreApplication>
#include <QJsonArray>

// GitHub deliveries (X-GitHub-Event): release, milestone, issues, pull_request, push.
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("GitHubMapper", text);
}

class GitHubMapper : public PayloadMapper
{
public:
    MappedDelivery map(const QString &eventType, const QJsonValue &body,
                       qint64 sourceId) const override
    {
        if (eventType == QLatin1String("ping"))
            return MappedDelivery::ignored(tr("a ping"));
        if (!body.isObject())
            return MappedDelivery::failed(tr("the payload is not a JSON object"));
        PayloadFields fields(body);
        if (eventType == QLatin1String("release"))
            return release(fields, sourceId);
        if (eventType == QLatin1String("milestone"))
            return milestone(fields, sourceId);
        if (eventType == QLatin1String("issues"))
            return issue(fields);
        if (eventType == QLatin1String("pull_request"))
            return pullRequest(fields, sourceId);
        if (eventType == QLatin1String("push"))
            return push(fields, sourceId);
        return MappedDelivery::ignored(tr("GitHub event \"%1\" is not used").arg(eventType));
    }

private:
    static MappedDelivery release(PayloadFields &fields, qint64 sourceId)
    {
        const QString action = fields.text(QStringLiteral("action"));
        fields.object(QStringLiteral("release"));
        const QString id = fields.id(QStringLiteral("release.id"));
        const QString tag = fields.text(QStringLiteral("release.tag_name"));
        if (!fields.ok())
            return MappedDelivery::failed(fields.error());
        if (fields.value(QStringLiteral("release.draft")).toBool())
            return MappedDelivery::ignored(tr("a draft release"));
        if (action == QLatin1String("deleted") || action == QLatin1String("unpublished"))
            return MappedDelivery::ignored(tr("a release was %1").arg(action));
        MappedDelivery mapped;
        mapped.result = WebhookProcessor::Result::Processed;
        // As the releases stream maps /repos/{repo}/releases.
        const QVariant when = fields.timestamp({"release.published_at", "release.created_at"});
        const QVariant name = fields.firstText({"release.name", "release.tag_name"});
        const QString url = fields.optionalText(QStringLiteral("release.html_url"));
        mapped.writes.append(
            {QStringLiteral("releases"),
             {QStringLiteral("external_id"), QStringLiteral("name"), QStringLiteral("version"),
              QStringLiteral("released_at"), QStringLiteral("url"), QStringLiteral("updated_at"),
              QStringLiteral("raw")},
             {{id, name, tag, when, url, when, fields.raw(QStringLiteral("release"))}}});
        if (action == QLatin1String("published") || action == QLatin1String("released") ||
            action == QLatin1String("created")) {
            const QString repository = fields.optionalText(QStringLiteral("repository.full_name"));
            mapped.events.append(ProviderMappers::event(
                HubEvents::FeatureRelease, when,
                repository.isEmpty() ? tr("Released %1").arg(name.toString())
                                     : tr("Released %1 in %2").arg(name.toString(), repository),
                url,
                HubEvents::objectKey(sourceId, QStringLiteral("releases"), id,
                                     QStringLiteral("released"))));
        }
        return mapped;
    }

    static MappedDelivery milestone(PayloadFields &fields, qint64 sourceId)
    {
        const QString action = fields.text(QStringLiteral("action"));
        fields.object(QStringLiteral("milestone"));
        const QString nodeId = fields.text(QStringLiteral("milestone.node_id"));
        const QString title = fields.text(QStringLiteral("milestone.title"));
        if (!fields.ok())
            return MappedDelivery::failed(fields.error());
        if (action == QLatin1String("deleted"))
            return MappedDelivery::ignored(tr("a milestone was deleted"));
        MappedDelivery mapped;
        mapped.result = WebhookProcessor::Result::Processed;
        const QString url = fields.optionalText(QStringLiteral("milestone.html_url"));
        mapped.writes.append(
            {QStringLiteral("releases"),
             {QStringLiteral("external_id"), QStringLiteral("name"), QStringLiteral("released_at"),
              QStringLiteral("url"), QStringLiteral("updated_at"), QStringLiteral("raw")},
             {{nodeId, title, fields.timestamp({"milestone.due_on", "milestone.closed_at"}), url,
               fields.timestamp({"milestone.updated_at"}),
               fields.raw(QStringLiteral("milestone"))}}});
        if (action == QLatin1String("closed")) {
            mapped.events.append(ProviderMappers::event(
                HubEvents::DevelopmentMilestone,
                fields.timestamp({"milestone.closed_at", "milestone.updated_at"}),
                tr("Milestone %1 closed").arg(title), url,
                HubEvents::objectKey(sourceId, QStringLiteral("releases"), nodeId,
                                     QStringLiteral("closed"))));
        }
        return mapped;
    }

    static MappedDelivery issue(PayloadFields &fields)
    {
        fields.text(QStringLiteral("action"));
        fields.object(QStringLiteral("issue"));
        const QString id = fields.id(QStringLiteral("issue.id"));
        const QString title = fields.text(QStringLiteral("issue.title"));
        if (!fields.ok())
            return MappedDelivery::failed(fields.error());
        if (fields.value(QStringLiteral("action")).toString() == QLatin1String("deleted"))
            return MappedDelivery::ignored(tr("an issue was deleted"));
        MappedDelivery mapped;
        mapped.result = WebhookProcessor::Result::Processed;
        // As the issues stream maps /repos/{repo}/issues: the same id, so the same row.
        mapped.writes.append(
            {QStringLiteral("work_items"),
             {QStringLiteral("external_id"), QStringLiteral("title"), QStringLiteral("kind"),
              QStringLiteral("state"), QStringLiteral("assignee"), QStringLiteral("created_at"),
              QStringLiteral("resolved_at"), QStringLiteral("url"), QStringLiteral("updated_at"),
              QStringLiteral("project"), QStringLiteral("release_ref"), QStringLiteral("raw")},
             {{id, title, QStringLiteral("issue"),
               fields.optionalText(QStringLiteral("issue.state")),
               fields.firstText({"issue.assignee.login", "issue.assignees.0.login"}),
               fields.timestamp({"issue.created_at"}), fields.timestamp({"issue.closed_at"}),
               fields.optionalText(QStringLiteral("issue.html_url")),
               fields.timestamp({"issue.updated_at"}),
               fields.firstText({"issue.repository_url", "repository.url"}),
               fields.firstText({"issue.milestone.node_id"}),
               fields.raw(QStringLiteral("issue"))}}});
        return mapped;
    }

    // Pull requests sync through the issues endpoint under the issue's id, which a
    // pull_request delivery does not carry: a merge is an event, its row comes with sync.
    static MappedDelivery pullRequest(PayloadFields &fields, qint64 sourceId)
    {
        const QString action = fields.text(QStringLiteral("action"));
        fields.object(QStringLiteral("pull_request"));
        const QString number = fields.id(QStringLiteral("pull_request.number"));
        const QString repository = fields.text(QStringLiteral("repository.full_name"));
        if (!fields.ok())
            return MappedDelivery::failed(fields.error());
        const bool merged = fields.value(QStringLiteral("pull_request.merged")).toBool();
        const QString base = fields.optionalText(QStringLiteral("pull_request.base.ref"));
        const QString main = fields.optionalText(QStringLiteral("repository.default_branch"));
        if (action != QLatin1String("closed") || !merged || base.isEmpty() || base != main)
            return MappedDelivery::ignored(tr("not a merge into the default branch"));
        MappedDelivery mapped;
        mapped.result = WebhookProcessor::Result::Processed;
        mapped.events.append(ProviderMappers::event(
            HubEvents::DevelopmentMilestone, fields.timestamp({"pull_request.merged_at"}),
            tr("Merged into %1: %2")
                .arg(main, fields.optionalText(QStringLiteral("pull_request.title"))),
            fields.optionalText(QStringLiteral("pull_request.html_url")),
            QString::number(sourceId) + QStringLiteral(":pull_request:") + repository + u'#' +
                number + QStringLiteral(":merged")));
        return mapped;
    }

    static MappedDelivery push(PayloadFields &fields, qint64 sourceId)
    {
        const QString ref = fields.text(QStringLiteral("ref"));
        const QString after = fields.text(QStringLiteral("after"));
        fields.object(QStringLiteral("repository"));
        if (!fields.ok())
            return MappedDelivery::failed(fields.error());
        const QString main = fields.optionalText(QStringLiteral("repository.default_branch"));
        if (main.isEmpty() || ref != QLatin1String("refs/heads/") + main)
            return MappedDelivery::ignored(tr("a push to %1, not to the default branch").arg(ref));
        if (fields.value(QStringLiteral("deleted")).toBool())
            return MappedDelivery::ignored(tr("the default branch was deleted"));
        MappedDelivery mapped;
        mapped.result = WebhookProcessor::Result::Processed;
        const int commits = int(fields.value(QStringLiteral("commits")).toArray().size());
        mapped.events.append(ProviderMappers::event(
            HubEvents::DevelopmentMilestone, fields.timestamp({"head_commit.timestamp"}),
            QCoreApplication::translate("GitHubMapper", "%n commit(s) pushed to %1 in %2", nullptr,
                                        commits)
                .arg(main, fields.optionalText(QStringLiteral("repository.full_name"))),
            fields.optionalText(QStringLiteral("compare")),
            QString::number(sourceId) + QStringLiteral(":push:") + after));
        return mapped;
    }
};

} // namespace

std::unique_ptr<PayloadMapper> ProviderMappers::github()
{
    return std::make_unique<GitHubMapper>();
}
