#include "democontext.h"

namespace DemoSteps {

// Two to six CI pipelines a working day over the last half year, mostly green, with the
// occasional red streak and cancelled run that delivery metrics should show.
void pipelines(DemoContext &context)
{
    DemoRandom &random = context.random;
    DemoRows rows(context.db,
                  QStringLiteral("INSERT INTO pipelines (source_id, external_id, project, ref, "
                                 "status, created_at, started_at, finished_at, duration_seconds, "
                                 "url, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const qint64 gitlab = context.sourceIds.value(QStringLiteral("gitlab"));
    const QString project = QStringLiteral("acme/rocket");
    qint64 id = 1'200'000;
    for (int daysBack = 180; daysBack >= 0; --daysBack) {
        const QDate day = context.daysAgo(daysBack);
        if (day.dayOfWeek() > 5)
            continue;
        const int count = int(random.between(2, 6));
        for (int i = 0; i < count; ++i, ++id) {
            const int createdSeconds = int(random.between(8 * 3600, 18 * 3600));
            const int queued = int(random.between(5, 90));
            const double duration = qBound(60.0, random.logNormal(480.0, 0.45), 3600.0);
            const double roll = random.uniform();
            const QString status = roll < 0.84   ? QStringLiteral("success")
                                   : roll < 0.95 ? QStringLiteral("failed")
                                                 : QStringLiteral("canceled");
            const QString ref = random.chance(0.35)
                                    ? QStringLiteral("main")
                                    : QStringLiteral("feature/%1").arg(random.between(100, 999));
            const QString created = context.timestamp(day, createdSeconds);
            const QString finished =
                context.timestamp(day, createdSeconds + queued + int(duration));
            rows.insert({gitlab, QString::number(id), project, ref, status, created,
                         context.timestamp(day, createdSeconds + queued), finished,
                         std::round(duration),
                         QStringLiteral("https://gitlab.com/acme/rocket/-/pipelines/%1").arg(id),
                         finished});
        }
    }
}

} // namespace DemoSteps
