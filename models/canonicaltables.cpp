#include "canonicaltables.h"

namespace CanonicalTables {

QStringList all()
{
    return {
        QStringLiteral("sources"),
        QStringLiteral("sync_state"),
        QStringLiteral("sync_runs"),
        QStringLiteral("features"),
        QStringLiteral("releases"),
        QStringLiteral("feature_releases"),
        QStringLiteral("work_items"),
        QStringLiteral("companies"),
        QStringLiteral("company_sources"),
        QStringLiteral("users"),
        QStringLiteral("feature_usage"),
        QStringLiteral("feedback"),
        QStringLiteral("sales_opportunities"),
        QStringLiteral("currency_rates"),
        QStringLiteral("campaigns"),
        QStringLiteral("documents"),
        QStringLiteral("pipelines"),
        QStringLiteral("launch_plans"),
        QStringLiteral("launch_plan_features"),
        QStringLiteral("launch_phases"),
        QStringLiteral("launch_milestones"),
        QStringLiteral("launch_dependencies"),
        QStringLiteral("feature_messaging"),
        QStringLiteral("webhook_events"),
    };
}

QStringList synced()
{
    return {
        QStringLiteral("features"),        QStringLiteral("releases"),
        QStringLiteral("work_items"),      QStringLiteral("users"),
        QStringLiteral("feedback"),        QStringLiteral("sales_opportunities"),
        QStringLiteral("campaigns"),       QStringLiteral("documents"),
        QStringLiteral("pipelines"),       QStringLiteral("company_sources"),
    };
}

} // namespace CanonicalTables
