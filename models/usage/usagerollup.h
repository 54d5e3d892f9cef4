#pragma once

#include <QDateTime>
#include <QHash>
#include <QSqlDatabase>
#include <QStringList>

class UsagePeriod;

// Keeps feature_usage in step with the stored event counts. Everything here runs inside a job
// of the workspace's writer, in its transaction: a failure leaves every table as it was.
//
// feature_usage may hold usage that did not come from events (filled directly). The roll-up
// records in usage_rollup exactly what it added to feature_usage, so a re-roll first takes
// that back, then adds the new counts: other usage of the same feature, day and user is kept.
namespace UsageRollup {

// The users a sync has filed so far, by their id in the service: most users come back period
// after period, and looking them up again costs as much as storing their counts. Only valid
// while every period it saw was committed (a sync stops at its first failure).
struct KnownUser
{
    qint64 id = 0;
    QDateTime firstSeen;
};
using KnownUsers = QHash<QString, KnownUser>;

// Replaces the counts a source stored for period.period() with these (an empty period clears
// it), files the period's users in `users` and re-rolls every day the old or new counts touch.
bool replacePeriod(QSqlDatabase &db, qint64 sourceId, const UsagePeriod &period, QString *error,
                   KnownUsers *known = nullptr);

// Recomputes the roll-up of these days (yyyy-MM-dd) from the stored counts and the mapping.
bool rerollDays(QSqlDatabase &db, const QStringList &days, QString *error);

// The days whose stored events include a name the mapping entry matches.
QStringList daysMatching(const QSqlDatabase &db, const QString &pattern, bool isPattern,
                         QString *error);

} // namespace UsageRollup
