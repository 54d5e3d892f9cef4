#include "democontext.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace DemoSteps {
namespace {

struct DemoSource
{
    const char *kind;
    const char *name;
    const char *baseUrl;
    const char *streams; // comma-separated
};

constexpr DemoSource demoSources[] = {
    {"productboard", "Productboard", "https://api.productboard.com", "features,notes,companies"},
    {"jira", "Jira", "https://acme-demo.atlassian.net", "issues,epics,versions"},
    {"github", "GitHub", "https://api.github.com", "issues,pull_requests,releases"},
    {"mixpanel", "Mixpanel", "https://data.mixpanel.com", "export"},
    {"uservoice", "UserVoice", "https://acme-demo.uservoice.com", "suggestions"},
    {"qualtrics", "Qualtrics", "https://acme-demo.qualtrics.com", "responses"},
    {"salesforce", "Salesforce", "https://acme-demo.my.salesforce.com", "accounts,opportunities"},
    {"hubspot-marketing", "HubSpot Marketing", "https://api.hubapi.com", "campaigns,emails"},
    {"mailchimp", "Mailchimp", "https://us21.api.mailchimp.com/3.0", "campaigns"},
    {"notion", "Notion", "https://api.notion.com", "pages"},
    {"figma", "Figma", "https://api.figma.com", "files,components"},
    {"gitlab", "GitLab", "https://gitlab.com/api/v4", "issues,merge_requests,releases,pipelines"},
};

} // namespace

void sources(DemoContext &context)
{
    DemoRows rows(context.db, QStringLiteral("INSERT INTO sources (kind, name, base_url, "
                                             "settings_json, enabled, created_at) "
                                             "VALUES (?, ?, ?, ?, 1, ?)"));
    const QString created = context.timestamp(context.daysAgo(400), 9 * 3600);
    for (const DemoSource &source : demoSources) {
        QJsonObject settings{{QStringLiteral("demo"), true}};
        if (QLatin1String(source.kind) == QLatin1String("github"))
            settings.insert(QStringLiteral("repositories"), QStringLiteral("acme/rocket"));
        const qint64 id = rows.insert(
            {QString::fromLatin1(source.kind), QString::fromLatin1(source.name),
             QString::fromLatin1(source.baseUrl),
             QString::fromUtf8(QJsonDocument(settings).toJson(QJsonDocument::Compact)), created});
        context.sourceIds.insert(QString::fromLatin1(source.kind), id);
    }
}

void syncHistory(DemoContext &context)
{
    DemoRows runs(context.db,
                  QStringLiteral("INSERT INTO sync_runs (source_id, stream, started_at, "
                                 "finished_at, status, records, pages, error, resume_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    DemoRows state(context.db, QStringLiteral("INSERT INTO sync_state (source_id, stream, cursor, "
                                              "updated_at) VALUES (?, ?, ?, ?)"));
    for (const DemoSource &source : demoSources) {
        const qint64 sourceId = context.sourceIds.value(QString::fromLatin1(source.kind));
        const QStringList streams = QString::fromLatin1(source.streams).split(QLatin1Char(','));
        for (const QString &stream : streams) {
            QString lastFinished;
            for (int daysBack = 3; daysBack >= 0; --daysBack) {
                const QDate day = context.daysAgo(daysBack);
                const int startSeconds = 6 * 3600 + int(context.random.between(0, 1800));
                const int duration = int(context.random.between(4, 240));
                const qint64 records = context.random.between(0, 900);
                const bool rateLimited = daysBack == 0 && stream == QLatin1String("export");
                lastFinished = context.timestamp(day, startSeconds + duration);
                runs.insert({sourceId, stream, context.timestamp(day, startSeconds), lastFinished,
                             rateLimited ? QStringLiteral("rate_limited") : QStringLiteral("ok"),
                             rateLimited ? records / 3 : records, qMax<qint64>(1, records / 100),
                             rateLimited ? QVariant(QObject::tr("Mixpanel export limit of 60 "
                                                                "queries per hour reached"))
                                         : QVariant(),
                             rateLimited ? QVariant(context.timestamp(day, startSeconds + 3600))
                                         : QVariant()});
            }
            state.insert({sourceId, stream, lastFinished, lastFinished});
        }
    }

    // A few release events that reached the webhook receiver, already processed.
    QSqlQuery releases(context.db);
    releases.exec(
        QStringLiteral("SELECT external_id, name, version, released_at, url FROM releases "
                       "WHERE source_id = %1 ORDER BY released_at DESC LIMIT 5")
            .arg(context.sourceIds.value(QStringLiteral("github"))));
    DemoRows events(context.db,
                    QStringLiteral("INSERT INTO webhook_events (provider, delivery_id, source_id, "
                                   "event_type, received_at, payload, status) "
                                   "VALUES ('github', ?, ?, 'release', ?, ?, 'processed')"));
    while (releases.next()) {
        const QJsonObject payload{
            {QStringLiteral("action"), QStringLiteral("published")},
            {QStringLiteral("release"),
             QJsonObject{{QStringLiteral("id"), releases.value(0).toString().toLongLong()},
                         {QStringLiteral("name"), releases.value(1).toString()},
                         {QStringLiteral("tag_name"), releases.value(2).toString()},
                         {QStringLiteral("published_at"), releases.value(3).toString()},
                         {QStringLiteral("html_url"), releases.value(4).toString()}}},
            {QStringLiteral("repository"),
             QJsonObject{{QStringLiteral("full_name"), QStringLiteral("acme/rocket")}}},
        };
        const quint64 a = context.random.next();
        const quint64 b = context.random.next();
        const QString deliveryId = QStringLiteral("%1-%2-%3-%4-%5")
                                       .arg(a >> 32, 8, 16, QLatin1Char('0'))
                                       .arg((a >> 16) & 0xffff, 4, 16, QLatin1Char('0'))
                                       .arg(a & 0xffff, 4, 16, QLatin1Char('0'))
                                       .arg(b >> 48, 4, 16, QLatin1Char('0'))
                                       .arg(b & 0xffffffffffffULL, 12, 16, QLatin1Char('0'));
        events.insert({deliveryId, context.sourceIds.value(QStringLiteral("github")),
                       releases.value(3).toString(),
                       QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact))});
    }
}

} // namespace DemoSteps
