#include "workspacesummary.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {

bool scalar(QSqlQuery &query, const QString &sql, qint64 *value, QString *error)
{
    if (!query.exec(sql) || !query.next()) {
        *error = query.lastError().text();
        return false;
    }
    *value = query.value(0).toLongLong();
    return true;
}

} // namespace

WorkspaceSummary WorkspaceSummary::load(const QSqlDatabase &db, QString *error)
{
    WorkspaceSummary s;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    const std::pair<qint64 *, const char *> counts[] = {
        {&s.sources, "SELECT count(*) FROM sources"},
        {&s.features, "SELECT count(*) FROM features"},
        {&s.releasedFeatures, "SELECT count(*) FROM features WHERE release_date IS NOT NULL"},
        {&s.users, "SELECT count(*) FROM users"},
        {&s.companies, "SELECT count(*) FROM companies"},
        {&s.feedback, "SELECT count(*) FROM feedback"},
        {&s.newFeedback, "SELECT count(*) FROM feedback WHERE status = 'new'"},
        {&s.workItems, "SELECT count(*) FROM work_items"},
        {&s.openWorkItems, "SELECT count(*) FROM work_items WHERE resolved_at IS NULL"},
        {&s.openOpportunities, "SELECT count(*) FROM sales_opportunities WHERE is_closed = 0"},
        {&s.campaigns, "SELECT count(*) FROM campaigns"},
        {&s.launchPlans, "SELECT count(*) FROM launch_plans"},
        // takes a moment on millions of rows: callers run this off the UI thread
        {&s.usageRows, "SELECT count(*) FROM feature_usage"},
    };
    for (const auto &[value, sql] : counts) {
        if (!scalar(query, QLatin1String(sql), value, error))
            return s;
    }
    if (!query.exec(
            QStringLiteral("SELECT currency, sum(deal_size) AS total FROM sales_opportunities "
                           "WHERE is_closed = 0 AND deal_size IS NOT NULL "
                           "GROUP BY currency ORDER BY total DESC"))) {
        *error = query.lastError().text();
        return s;
    }
    while (query.next())
        s.openPipeline.append({query.value(0).toString(), query.value(1).toDouble()});
    if (query.exec(QStringLiteral("SELECT max(finished_at) FROM sync_runs")) && query.next() &&
        !query.value(0).isNull()) {
        s.lastSync = QDateTime::fromString(query.value(0).toString(), Qt::ISODate);
    }
    return s;
}
