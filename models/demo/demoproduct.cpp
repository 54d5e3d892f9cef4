#include "democontext.h"
#include "demovocabulary.h"

#include <QMap>

#include <algorithm>

namespace DemoSteps {
namespace {

// Releases go out mid-month on a weekday.
QDate releaseDay(const QDate &monthStart, DemoRandom &random)
{
    QDate day = monthStart.addDays(random.between(8, 18));
    while (day.dayOfWeek() > 5)
        day = day.addDays(1);
    return day;
}

} // namespace

void features(DemoContext &context)
{
    DemoRandom &random = context.random;
    QList<DemoVocabulary::FeatureIdea> ideas = DemoVocabulary::featureIdeas();
    for (qsizetype i = ideas.size() - 1; i > 0; --i)
        ideas.swapItemsAt(i, random.between(0, i));
    const int count = qMin<int>(context.size.features, int(ideas.size()));

    // Months with a release: two older ones for long-established features, then the last year.
    QVector<QDate> releaseDays;
    const QDate thisMonth(context.today.year(), context.today.month(), 1);
    for (int monthsBack : {20, 16})
        releaseDays.append(releaseDay(thisMonth.addMonths(-monthsBack), random));
    for (int monthsBack = 11; monthsBack >= 0; --monthsBack) {
        const QDate day = releaseDay(thisMonth.addMonths(-monthsBack), random);
        if (day < context.today)
            releaseDays.append(day);
    }

    const int released = qMax(3, count * 7 / 10);
    DemoRows rows(context.db,
                  QStringLiteral("INSERT INTO features (source_id, external_id, name, description, "
                                 "status, release_date, url, updated_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    const qint64 productboard = context.sourceIds.value(QStringLiteral("productboard"));
    QMap<QDate, QVector<qint64>> featuresByRelease;
    for (int i = 0; i < count; ++i) {
        DemoFeature feature;
        feature.name = QString::fromUtf8(ideas.at(i).name);
        feature.area = QString::fromUtf8(ideas.at(i).area);
        if (i < 2) {
            feature.releaseDate = releaseDays.at(i);
        } else if (i < released) {
            // Spread the rest evenly over the last year's releases.
            const int slot = 2 + (i - 2) * int(releaseDays.size() - 2) / qMax(1, released - 2);
            feature.releaseDate = releaseDays.at(qMin<qsizetype>(slot, releaseDays.size() - 1));
        }
        feature.status = feature.releaseDate.isValid() ? QStringLiteral("released")
                         : (i - released) % 2 == 0     ? QStringLiteral("in_progress")
                                                       : QStringLiteral("planned");
        feature.adopterShare = random.uniform(0.15, 0.75);
        feature.adoptionDelay = random.uniform(7, 60);
        feature.engagement = random.uniform(0.06, 0.3);
        feature.satisfaction = random.uniform(0.45, 0.92);
        feature.popularity = random.logNormal(1.0, 0.7);
        const QString externalId = DemoIds::uuid(random);
        const QDate updated = feature.releaseDate.isValid()
                                  ? feature.releaseDate.addDays(random.between(0, 20))
                                  : context.daysAgo(random.between(1, 40));
        feature.id = rows.insert(
            {productboard, externalId, feature.name, QString::fromUtf8(ideas.at(i).description),
             feature.status,
             feature.releaseDate.isValid() ? QVariant(feature.releaseDate.toString(Qt::ISODate))
                                           : QVariant(),
             QString(QStringLiteral("https://acme-demo.productboard.com/entity-detail/features/") +
                     externalId),
             context.randomTimestamp(qMin(updated, context.today))});
        if (feature.releaseDate.isValid())
            featuresByRelease[feature.releaseDate].append(feature.id);
        context.features.append(feature);
    }

    // Each release day is a Jira version and a GitHub release, linked to what it shipped.
    DemoRows releases(context.db,
                      QStringLiteral("INSERT INTO releases (source_id, external_id, name, version, "
                                     "released_at, url, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    DemoRows links(context.db,
                   QStringLiteral("INSERT INTO feature_releases (feature_id, release_id) "
                                  "VALUES (?, ?)"));
    const qint64 jira = context.sourceIds.value(QStringLiteral("jira"));
    const qint64 github = context.sourceIds.value(QStringLiteral("github"));
    int minor = 0;
    for (auto it = featuresByRelease.cbegin(); it != featuresByRelease.cend(); ++it, ++minor) {
        const QDate day = it.key();
        const QString version = QStringLiteral("%1.%2").arg(day.year()).arg(day.month());
        const QString tag = QStringLiteral("v3.%1.0").arg(minor);
        const QString when = context.timestamp(day, 14 * 3600);
        const qint64 jiraId = releases.insert(
            {jira, QString::number(10100 + minor), QString(QStringLiteral("Release ") + version),
             version, when,
             QStringLiteral("https://acme-demo.atlassian.net/projects/ROCKET/versions/%1")
                 .arg(10100 + minor),
             when});
        const qint64 githubId = releases.insert(
            {github, QString::number(88'000'000 + minor * 1'337), tag, tag, when,
             QString(QStringLiteral("https://github.com/acme/rocket/releases/tag/") + tag), when});
        for (qint64 featureId : it.value()) {
            links.insert({featureId, jiraId});
            links.insert({featureId, githubId});
        }
    }
}

void workItems(DemoContext &context)
{
    using namespace DemoVocabulary;
    DemoRandom &random = context.random;
    DemoRows rows(
        context.db,
        QStringLiteral("INSERT INTO work_items (source_id, external_id, feature_id, title, "
                       "kind, state, points, assignee, created_at, started_at, "
                       "resolved_at, url, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const qint64 jira = context.sourceIds.value(QStringLiteral("jira"));
    static const int storyPoints[] = {1, 2, 2, 3, 3, 3, 5, 5, 8};
    int key = 100;
    for (const DemoFeature &feature : std::as_const(context.features)) {
        const int count = qMax(2, int(context.size.workItemsPerFeature * random.uniform(0.6, 1.4)));
        // Work on a feature starts a few months before it ships.
        const QDate anchor =
            feature.releaseDate.isValid()
                ? feature.releaseDate
                : context.today.addDays(feature.status == QLatin1String("planned") ? 90 : 25);
        for (int i = 0; i < count; ++i, ++key) {
            const double kindRoll = random.uniform();
            const bool bug = kindRoll < 0.2;
            const QString kind = bug              ? QStringLiteral("bug")
                                 : kindRoll < 0.3 ? QStringLiteral("task")
                                                  : QStringLiteral("story");
            QDate createdDay = bug && feature.releaseDate.isValid()
                                   ? feature.releaseDate.addDays(random.between(-20, 120))
                                   : anchor.addDays(-random.between(10, 120));
            createdDay = qMin(createdDay, context.today);
            // Times, not days, so that a start or resolution on the creation day still
            // comes after it.
            const QDateTime created(
                createdDay, QTime(int(random.between(7, 18)), int(random.between(0, 59))), Qt::UTC);
            QDateTime started = created.addSecs(qint64(random.exponential(6 * 86400.0)));
            QDateTime resolved =
                started.addSecs(qint64(random.logNormal(3.5 * 86400.0, 0.8)) + 3600);
            const QDateTime now(context.today.addDays(1), QTime(0, 0), Qt::UTC);
            QString state = QStringLiteral("Done");
            if (started >= now) {
                started = QDateTime();
                resolved = QDateTime();
                state = QStringLiteral("To Do");
            } else if (resolved >= now) {
                resolved = QDateTime();
                state = QStringLiteral("In Progress");
            }
            const QString title =
                bug ? feature.name + QLatin1Char(' ') + random.pick(bugSymptoms())
                    : random.pick(workItemVerbs()) + QLatin1Char(' ') + feature.name;
            const QString issueKey = QStringLiteral("ROCKET-%1").arg(key);
            const auto stamp = [](const QDateTime &when) {
                return when.isValid() ? QVariant(when.toString(Qt::ISODate)) : QVariant();
            };
            const QVariant resolvedAt = stamp(resolved);
            rows.insert(
                {jira, issueKey, feature.id, title, kind, state,
                 kind == QLatin1String("story")
                     ? QVariant(double(storyPoints[random.between(0, 8)]))
                     : QVariant(),
                 random.pick(engineers()), stamp(created), stamp(started), resolvedAt,
                 QString(QStringLiteral("https://acme-demo.atlassian.net/browse/") + issueKey),
                 resolvedAt.isValid() ? resolvedAt : stamp(started.isValid() ? started : created)});
        }
    }
}

void documents(DemoContext &context)
{
    DemoRandom &random = context.random;
    DemoRows rows(context.db,
                  QStringLiteral("INSERT INTO documents (source_id, external_id, kind, title, url, "
                                 "feature_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    const qint64 notion = context.sourceIds.value(QStringLiteral("notion"));
    const qint64 figma = context.sourceIds.value(QStringLiteral("figma"));
    for (const DemoFeature &feature : std::as_const(context.features)) {
        const QString pageId = DemoIds::uuid(random);
        rows.insert({notion, pageId, QStringLiteral("notion_page"),
                     QString(QStringLiteral("PRD: ") + feature.name),
                     QString(QStringLiteral("https://www.notion.so/acme/") +
                             QString(pageId).remove(QLatin1Char('-'))),
                     feature.id, context.randomTimestamp(context.daysAgo(random.between(1, 200)))});
        if (random.chance(0.7)) {
            const QString fileKey = QString::number(random.next(), 36).left(22);
            rows.insert({figma, fileKey, QStringLiteral("figma_file"),
                         QString(feature.name + QStringLiteral(" designs")),
                         QString(QStringLiteral("https://www.figma.com/file/") + fileKey),
                         feature.id,
                         context.randomTimestamp(context.daysAgo(random.between(1, 200)))});
        }
    }
}

} // namespace DemoSteps
