#include "usagerollup.h"

#include "isodate.h"
#include "sqlitestatement.h"
#include "usageperiod.h"

#include <QSet>

#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <numeric>
#include <tuple>

namespace {

bool exec(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    *error = query.lastError().text();
    return false;
}

bool exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    *error = query.lastError().text();
    return false;
}

std::unique_ptr<SqliteStatement> prepare(QSqlDatabase &db, const QString &sql, QString *error)
{
    std::unique_ptr<SqliteStatement> statement = SqliteStatement::prepare(db, sql, error);
    if (!statement && error->isEmpty())
        *error = QObject::tr("The workspace is not an SQLite database.");
    return statement;
}

// The ids of the period's users, filed (or found) in `users`; first_seen_at only moves
// earlier.
bool fileUsers(QSqlDatabase &db, qint64 sourceId, const UsagePeriod &period,
               UsageRollup::KnownUsers *known, QList<qint64> *ids, QString *error)
{
    std::unique_ptr<SqliteStatement> upsert;
    ids->reserve(period.users().size());
    for (const UsagePeriod::User &user : period.users()) {
        const auto found = known->constFind(user.externalId);
        if (found != known->constEnd() && found->firstSeen <= user.firstSeen) {
            ids->append(found->id);
            continue;
        }
        if (!upsert) {
            upsert = prepare(
                db,
                QStringLiteral(
                    "INSERT INTO users (source_id, external_id, first_seen_at) VALUES (?, ?, ?) "
                    "ON CONFLICT (source_id, external_id) DO UPDATE SET first_seen_at = CASE "
                    "WHEN users.first_seen_at IS NULL OR excluded.first_seen_at < "
                    "users.first_seen_at THEN excluded.first_seen_at ELSE users.first_seen_at "
                    "END RETURNING id"),
                error);
            if (!upsert)
                return false;
        }
        const QString firstSeen = IsoDate::timestamp(user.firstSeen);
        upsert->bind(0, sourceId);
        upsert->bind(1, user.externalId);
        upsert->bind(2, firstSeen);
        if (!upsert->step()) {
            *error = upsert->lastError();
            return false;
        }
        const qint64 id = upsert->columnInt(0);
        upsert->reset();
        ids->append(id);
        // The stored time may be earlier still; keeping the later one only costs a lookup.
        known->insert(user.externalId, {id, user.firstSeen});
    }
    return true;
}

bool fillDays(QSqlDatabase &db, const QStringList &days, QString *error)
{
    if (!exec(db,
              QStringLiteral(
                  "CREATE TEMP TABLE IF NOT EXISTS usage_reroll_days (day TEXT PRIMARY KEY)"),
              error) ||
        !exec(db, QStringLiteral("DELETE FROM temp.usage_reroll_days"), error))
        return false;
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT OR IGNORE INTO temp.usage_reroll_days (day) VALUES (?)"));
    for (const QString &day : days) {
        insert.addBindValue(day);
        if (!exec(insert, error))
            return false;
    }
    return true;
}

} // namespace

namespace UsageRollup {

bool replacePeriod(QSqlDatabase &db, qint64 sourceId, const UsagePeriod &period, QString *error,
                   KnownUsers *known)
{
    QSet<QString> days(period.days().cbegin(), period.days().cend());
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("SELECT day FROM usage_periods WHERE source_id = ? AND period = ?"));
    query.addBindValue(sourceId);
    query.addBindValue(period.period());
    if (!exec(query, error))
        return false;
    QStringList oldDays;
    while (query.next())
        oldDays.append(query.value(0).toString());
    query.prepare(QStringLiteral(
        "DELETE FROM usage_event_counts WHERE source_id = ? AND day = ? AND period = ?"));
    for (const QString &day : std::as_const(oldDays)) {
        query.addBindValue(sourceId);
        query.addBindValue(day);
        query.addBindValue(period.period());
        if (!exec(query, error))
            return false;
        days.insert(day);
    }
    query.prepare(QStringLiteral("DELETE FROM usage_periods WHERE source_id = ? AND period = ?"));
    query.addBindValue(sourceId);
    query.addBindValue(period.period());
    if (!exec(query, error))
        return false;
    query.prepare(
        QStringLiteral("INSERT INTO usage_periods (source_id, period, day) VALUES (?, ?, ?)"));
    for (const QString &day : period.days()) {
        query.addBindValue(sourceId);
        query.addBindValue(period.period());
        query.addBindValue(day);
        if (!exec(query, error))
            return false;
    }

    KnownUsers local;
    QList<qint64> userIds;
    if (!fileUsers(db, sourceId, period, known ? known : &local, &userIds, error))
        return false;
    std::unique_ptr<SqliteStatement> insert =
        prepare(db,
                QStringLiteral("INSERT INTO usage_event_counts (source_id, day, period, "
                               "event_name, user_id, event_count) VALUES (?, ?, ?, ?, ?, ?)"),
                error);
    if (!insert)
        return false;
    QList<UsagePeriod::Count> counts = period.counts();
    // In key order, so that each insert lands next to the one before.
    const auto ranks = [](const QList<QString> &names) {
        QList<int> order(names.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(),
                  [&names](int a, int b) { return names.at(a) < names.at(b); });
        QList<int> rank(names.size());
        for (int i = 0; i < order.size(); ++i)
            rank[order.at(i)] = i;
        return rank;
    };
    const QList<int> dayRank = ranks(period.days());
    const QList<int> eventRank = ranks(period.eventNames());
    std::sort(counts.begin(), counts.end(),
              [&](const UsagePeriod::Count &a, const UsagePeriod::Count &b) {
                  return std::tie(dayRank.at(a.day), eventRank.at(a.event), a.user) <
                         std::tie(dayRank.at(b.day), eventRank.at(b.event), b.user);
              });
    for (const UsagePeriod::Count &count : std::as_const(counts)) {
        insert->bind(0, sourceId);
        insert->bind(1, period.days().at(count.day));
        insert->bind(2, period.period());
        insert->bind(3, period.eventNames().at(count.event));
        insert->bind(4, userIds.at(count.user));
        insert->bind(5, count.count);
        if (!insert->run()) {
            *error = insert->lastError();
            return false;
        }
    }
    return rerollDays(db, QStringList(days.cbegin(), days.cend()), error);
}

bool rerollDays(QSqlDatabase &db, const QStringList &days, QString *error)
{
    if (days.isEmpty())
        return true;
    if (!fillDays(db, days, error))
        return false;
    static const QString inDays = QStringLiteral("(SELECT day FROM temp.usage_reroll_days)");
    // Take back what the last roll-up added: whole rows where it added all of the count,
    // otherwise just its share.
    const QStringList steps{
        QStringLiteral("DELETE FROM feature_usage WHERE (feature_id, day, user_id) IN "
                       "(SELECT r.feature_id, r.day, r.user_id FROM usage_rollup r "
                       "JOIN feature_usage f ON f.feature_id = r.feature_id AND f.day = r.day "
                       "AND f.user_id = r.user_id "
                       "WHERE r.day IN %1 AND f.usage_count <= r.usage_count)")
            .arg(inDays),
        QStringLiteral("UPDATE feature_usage SET usage_count = feature_usage.usage_count - "
                       "r.usage_count FROM usage_rollup r WHERE r.day IN %1 "
                       "AND feature_usage.feature_id = r.feature_id "
                       "AND feature_usage.day = r.day AND feature_usage.user_id = r.user_id")
            .arg(inDays),
        QStringLiteral("DELETE FROM usage_rollup WHERE day IN %1").arg(inDays),
        // An event name counts once for a feature even when several entries match it.
        QStringLiteral(
            "INSERT INTO usage_rollup (feature_id, day, user_id, usage_count) "
            "SELECT m.feature_id, c.day, c.user_id, sum(c.event_count) "
            "FROM usage_event_counts c JOIN "
            "(SELECT DISTINCT n.event_name, e.feature_id FROM "
            "(SELECT DISTINCT event_name FROM usage_event_counts WHERE source_id IN "
            "(SELECT id FROM sources) AND day IN %1) n "
            "JOIN usage_event_mappings e ON (e.is_pattern = 0 AND e.pattern = n.event_name) "
            "OR (e.is_pattern = 1 AND n.event_name GLOB e.pattern)) m "
            "ON m.event_name = c.event_name JOIN users u ON u.id = c.user_id "
            "WHERE c.source_id IN (SELECT id FROM sources) AND c.day IN %1 "
            "GROUP BY m.feature_id, c.day, c.user_id")
            .arg(inDays),
        QStringLiteral("INSERT INTO feature_usage (feature_id, day, user_id, usage_count) "
                       "SELECT feature_id, day, user_id, usage_count FROM usage_rollup "
                       "WHERE day IN %1 ON CONFLICT (feature_id, day, user_id) DO UPDATE SET "
                       "usage_count = feature_usage.usage_count + excluded.usage_count")
            .arg(inDays),
    };
    for (const QString &step : steps) {
        if (!exec(db, step, error))
            return false;
    }
    return true;
}

QStringList daysMatching(const QSqlDatabase &db, const QString &pattern, bool isPattern,
                         QString *error)
{
    QSqlQuery query(db);
    query.prepare(isPattern ? QStringLiteral("SELECT DISTINCT day FROM usage_event_counts "
                                             "WHERE event_name GLOB ? ORDER BY day")
                            : QStringLiteral("SELECT DISTINCT day FROM usage_event_counts "
                                             "WHERE event_name = ? ORDER BY day"));
    query.addBindValue(pattern);
    QStringList days;
    if (!query.exec()) {
        *error = query.lastError().text();
        return days;
    }
    while (query.next())
        days.append(query.value(0).toString());
    return days;
}

} // namespace UsageRollup
