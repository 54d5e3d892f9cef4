#include "featureusage.h"

#include "rowcursor.h"

#include <QSet>

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

QHash<qint64, int> userDays(const QSqlDatabase &db, const CatalogFeature &feature,
                            const ReportWindow &window, QString *error)
{
    QHash<qint64, int> days;
    RowCursor cursor(db, QStringLiteral("SELECT user_id, day FROM feature_usage WHERE "
                                        "feature_id = ? AND day BETWEEN ? AND ?"));
    // Rows of one feature row are distinct days per user (the key says so); across merged
    // rows the same day may appear twice and must count once.
    QSet<QPair<qint64, QString>> seen;
    const bool merged = feature.rowIds.size() > 1;
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
            if (merged) {
                const QPair<qint64, QString> key{user, cursor.text(1)};
                if (seen.contains(key))
                    continue;
                seen.insert(key);
            }
            ++days[user];
        }
        if (!cursor.lastError().isEmpty()) {
            *error = cursor.lastError();
            return {};
        }
    }
    return days;
}

int powerUsers(const QHash<qint64, int> &userDays)
{
    int count = 0;
    for (int days : userDays)
        count += days >= PowerUserDays ? 1 : 0;
    return count;
}

} // namespace FeatureUsage
