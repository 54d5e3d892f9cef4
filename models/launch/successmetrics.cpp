#include "successmetrics.h"

#include <QCoreApplication>

namespace Launch::SuccessMetrics {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Launch::SuccessMetrics", text);
}

std::optional<double> valueOf(const QHash<qint64, double> &values, qint64 id)
{
    const auto it = values.constFind(id);
    return it == values.constEnd() ? std::nullopt : std::optional<double>(*it);
}

} // namespace

QList<SuccessMetric> derive(const LaunchPlan &plan, const LaunchContext &context,
                            const QDate &today)
{
    const bool live = plan.launchDate.isValid() && today >= plan.launchDate;
    const MetricValues &values = context.metrics;
    const auto current = [live](const std::optional<double> &value) {
        return live ? value : std::nullopt;
    };
    QList<SuccessMetric> metrics;
    for (qint64 id : plan.featureIds) {
        const LaunchFeature *feature = context.feature(id);
        const QString name = feature ? feature->name : tr("Feature %1").arg(id);
        metrics.append({tr("Adoption of %1 after 30 days").arg(name), id, QStringLiteral("%"),
                        Adoption30Target, current(valueOf(values.adoption30, id)), 30});
        metrics.append({tr("Adoption of %1 after 90 days").arg(name), id, QStringLiteral("%"),
                        Adoption90Target, current(valueOf(values.adoption90, id)), 90});
    }
    metrics.append({tr("Net Promoter Score in the 90 days after launch"), 0, QStringLiteral("NPS"),
                    NpsTarget, current(values.nps), 90});
    metrics.append({tr("Open pipeline from companies asking for the launch's features"), 0,
                    values.currency, values.pipelineBaseline * PipelineGrowth,
                    current(values.pipeline), 90});
    return metrics;
}

} // namespace Launch::SuccessMetrics
