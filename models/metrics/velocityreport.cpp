#include "isodate.h"
#include "reports.h"
#include "rowcursor.h"

#include <QCoreApplication>
#include <QMap>

#include <algorithm>
#include <cmath>

namespace Reports {
namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Reports", text, disambiguation, n);
}

// Nearest-rank percentile of sorted values: the smallest value with at least p% at or
// below it.
QVariant percentile(const QList<double> &sorted, double p)
{
    if (sorted.isEmpty())
        return QVariant();
    const qsizetype rank = qsizetype(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted.at(qBound<qsizetype>(0, rank - 1, sorted.size() - 1));
}

struct Bucket
{
    qint64 resolved = 0;
    double points = 0;
    QList<double> cycleDays;
};

} // namespace

std::optional<ReportTable> velocity(const QSqlDatabase &db, const ReportWindow &window,
                                    const QDate &today, QString *error)
{
    error->clear(); // failures below are told apart by a message
    RowCursor rows(
        db,
        QStringLiteral("SELECT s.name, coalesce(w.project, ''), coalesce(w.sprint, ''), "
                       "w.started_at, w.resolved_at, w.points FROM work_items w JOIN sources "
                       "s ON s.id = w.source_id WHERE w.resolved_at >= ? AND w.resolved_at < ?"));
    rows.bind(0, window.fromText());
    rows.bind(1, window.endText());
    if (!rows.exec()) {
        *error = rows.lastError();
        return std::nullopt;
    }
    QMap<QString, Bucket> teams;
    QMap<QPair<QString, QString>, Bucket> weeks;
    QMap<QPair<QString, QString>, Bucket> sprints;
    qint64 withoutStart = 0;
    while (rows.next()) {
        const QString team = rows.text(1).isEmpty()
                                 ? rows.text(0)
                                 : rows.text(0) + QStringLiteral(" / ") + rows.text(1);
        const QDateTime resolved = IsoDate::parse(rows.text(4));
        const QDateTime started = rows.isNull(3) ? QDateTime() : IsoDate::parse(rows.text(3));
        const QDate day = resolved.toUTC().date();
        const QString week = day.addDays(1 - day.dayOfWeek()).toString(Qt::ISODate);
        const double points = rows.isNull(5) ? 0.0 : rows.real(5);
        QList<Bucket *> buckets{&teams[team], &weeks[{team, week}]};
        if (!rows.text(2).isEmpty())
            buckets.append(&sprints[{team, rows.text(2)}]);
        for (Bucket *bucket : buckets) {
            ++bucket->resolved;
            bucket->points += points;
            if (started.isValid() && started <= resolved)
                bucket->cycleDays.append(double(started.msecsTo(resolved)) / 86'400'000.0);
        }
        withoutStart += started.isValid() ? 0 : 1;
    }
    if (!rows.lastError().isEmpty()) {
        *error = rows.lastError();
        return std::nullopt;
    }
    ReportTable table;
    table.title = tr("Development velocity");
    table.columns = {{QStringLiteral("team"), tr("Team or source"), ReportColumn::Kind::Text},
                     {QStringLiteral("period_kind"), tr("By"), ReportColumn::Kind::Text},
                     {QStringLiteral("period"), tr("Period"), ReportColumn::Kind::Text},
                     {QStringLiteral("resolved"), tr("Resolved"), ReportColumn::Kind::Integer},
                     {QStringLiteral("points"), tr("Points"), ReportColumn::Kind::Number},
                     {QStringLiteral("cycle_median_days"), tr("Cycle time, median (days)"),
                      ReportColumn::Kind::Number},
                     {QStringLiteral("cycle_p85_days"), tr("Cycle time, 85th pct (days)"),
                      ReportColumn::Kind::Number}};
    const auto add = [&](const QString &team, const QString &kind, const QString &period,
                         Bucket bucket) {
        std::sort(bucket.cycleDays.begin(), bucket.cycleDays.end());
        table.rows.append({team, kind, period, bucket.resolved, bucket.points,
                           percentile(bucket.cycleDays, 50), percentile(bucket.cycleDays, 85)});
    };
    const QString lastWeek = window.to.addDays(1 - window.to.dayOfWeek()).toString(Qt::ISODate);
    const bool lastWeekCut = window.to.dayOfWeek() != 7 || window.to >= today;
    for (auto team = teams.constBegin(); team != teams.constEnd(); ++team) {
        add(team.key(), tr("window"), window.label(), team.value());
        for (auto it = weeks.constBegin(); it != weeks.constEnd(); ++it) {
            if (it.key().first == team.key())
                add(team.key(), tr("week"),
                    it.key().second == lastWeek && lastWeekCut
                        ? it.key().second + tr(" (incomplete)")
                        : it.key().second,
                    it.value());
        }
        for (auto it = sprints.constBegin(); it != sprints.constEnd(); ++it) {
            if (it.key().first == team.key())
                add(team.key(), tr("sprint"), it.key().second, it.value());
        }
    }
    table.notes.append(tr("Work items resolved in the window. Cycle time: from start to "
                          "resolution (nearest-rank percentiles)."));
    if (withoutStart > 0)
        table.notes.append(tr("%n resolved item(s) have no start time and are left out of the "
                              "cycle times.",
                              nullptr, int(withoutStart)));
    return table;
}

} // namespace Reports
