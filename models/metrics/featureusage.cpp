#include "featureusage.h"

#include "rowcursor.h"

#include <QSet>

#include <limits>
#include <vector>

namespace FeatureUsage {

qint64 productActiveUsers(const QSqlDatabase &db, const ReportWindow &window, QString *error)
{
    // One index probe per user on (user_id, day) instead of reading every row of the window.
    RowCursor cursor(db, QStringLiteral("SELECT count(*) FROM users u WHERE EXISTS (SELECT 1 "
                                        "FROM feature_usage fu WHERE fu.user_id = u.id AND "
                                        "fu.day BETWEEN ? AND ?)"));
    cursor.bind(0, window.fromText());
    cursor.bind(1, window.toText());
    if (!cursor.exec() || !cursor.next()) {
        *error = cursor.lastError();
        return 0;
    }
    return cursor.integer(0);
}

std::optional<size_t> userIdSlots(const QSqlDatabase &db, QString *error)
{
    RowCursor maxId(db, QStringLiteral("SELECT coalesce(max(id), 0) FROM users"));
    if (!maxId.exec() || !maxId.next()) {
        *error = maxId.lastError();
        return std::nullopt;
    }
    const qint64 users = maxId.integer(0);
    if (users > 100'000'000) {
        *error = QStringLiteral("user ids beyond 100 million are not supported");
        return std::nullopt;
    }
    return size_t(users) + 1;
}

UserDays userDays(const QSqlDatabase &db, const CatalogFeature &feature, const ReportWindow &window,
                  QString *error)
{
    // Counted in an array indexed by user id: a window holds millions of rows, and a hash
    // lookup per row would dominate.
    const std::optional<size_t> userSlots = userIdSlots(db, error);
    if (!userSlots)
        return {};
    const qint64 users = qint64(*userSlots) - 1;
    std::vector<quint16> days(*userSlots, 0);
    // Rows of one feature row are distinct days per user (the key says so); across merged
    // rows the same day may appear twice and must count once.
    const bool merged = feature.rowIds.size() > 1;
    QSet<QPair<qint64, QString>> seen;
    RowCursor cursor(db, merged ? QStringLiteral("SELECT user_id, day FROM feature_usage WHERE "
                                                 "feature_id = ? AND day BETWEEN ? AND ?")
                                : QStringLiteral("SELECT user_id FROM feature_usage WHERE "
                                                 "feature_id = ? AND day BETWEEN ? AND ?"));
    for (qint64 rowId : feature.rowIds) {
        cursor.bind(0, rowId);
        cursor.bind(1, window.fromText());
        cursor.bind(2, window.toText());
        if (!cursor.exec()) {
            *error = cursor.lastError();
            return {};
        }
        while (cursor.next()) {
            const qint64 user = cursor.integer(0);
            if (user < 0 || user > users)
                continue; // a usage row without its user: the foreign key forbids it
            if (merged) {
                const QPair<qint64, QString> key{user, cursor.text(1)};
                if (seen.contains(key))
                    continue;
                seen.insert(key);
            }
            if (days[size_t(user)] < std::numeric_limits<quint16>::max())
                ++days[size_t(user)];
        }
        if (!cursor.lastError().isEmpty()) {
            *error = cursor.lastError();
            return {};
        }
    }
    UserDays active;
    for (size_t user = 0; user < days.size(); ++user) {
        if (days[user])
            active.append({qint64(user), int(days[user])});
    }
    return active;
}

int powerUsers(const UserDays &userDays)
{
    int count = 0;
    for (const auto &entry : userDays)
        count += entry.second >= PowerUserDays ? 1 : 0;
    return count;
}

} // namespace FeatureUsage
