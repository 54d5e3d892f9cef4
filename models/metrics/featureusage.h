#pragma once

#include "featurecatalog.h"
#include "reportwindow.h"

#include <QHash>
#include <QSqlDatabase>

#include <optional>

// Counting usage the way the definitions say: a user is active in a window when they have
// at least one usage day in it; a power user has usage on at least PowerUserDays distinct
// days. Rows are walked once, per feature, through the (feature_id, day, user_id) key.
namespace FeatureUsage {

constexpr int PowerUserDays = 3;

// Users with usage of any feature in the window: the denominator of adoption rates.
qint64 productActiveUsers(const QSqlDatabase &db, const ReportWindow &window, QString *error);

// The size of an array indexed by user id (ids are the workspace's own dense row ids), for
// counting per user without a hash lookup per row; nothing with error set when the ids are
// too large for that.
std::optional<size_t> userIdSlots(const QSqlDatabase &db, QString *error);

// Each active user of a feature with their number of distinct usage days in the window.
using UserDays = QList<QPair<qint64, int>>;

UserDays userDays(const QSqlDatabase &db, const CatalogFeature &feature, const ReportWindow &window,
                  QString *error);

int powerUsers(const UserDays &userDays);

} // namespace FeatureUsage
