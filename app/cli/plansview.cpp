#include "plansview.h"

#include "launch/planjson.h"
#include "launch/planschedule.h"
#include "launch/plantemplate.h"
#include "metrics/reporttable.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace PlansView {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PlansView", text);
}

QString kindLabel(Launch::ItemKind kind)
{
    switch (kind) {
    case Launch::ItemKind::Phase:
        return tr("phase");
    case Launch::ItemKind::Task:
        return tr("task");
    case Launch::ItemKind::Milestone:
        return tr("milestone");
    }
    return QString();
}

QString featureNames(const Launch::LaunchPlan &plan, const Launch::LaunchContext &context)
{
    QStringList names;
    for (qint64 id : plan.featureIds) {
        const Launch::LaunchFeature *feature = context.feature(id);
        names.append(feature ? feature->name : QString::number(id));
    }
    return names.isEmpty() ? tr("none") : names.join(QStringLiteral(", "));
}

ReportTable timeline(const Launch::LaunchPlan &plan)
{
    using K = ReportColumn::Kind;
    ReportTable table;
    table.title = tr("Timeline");
    table.columns = {{QStringLiteral("id"), tr("Id"), K::Integer},
                     {QStringLiteral("kind"), tr("Kind"), K::Text},
                     {QStringLiteral("name"), tr("Name"), K::Text},
                     {QStringLiteral("owner"), tr("Owner"), K::Text},
                     {QStringLiteral("start"), tr("Start"), K::Date},
                     {QStringLiteral("end"), tr("End"), K::Date},
                     {QStringLiteral("progress"), tr("Done"), K::Percent},
                     {QStringLiteral("flags"), tr("Notes"), K::Text}};
    const QSet<int> critical = Launch::criticalPath(plan);
    for (const Launch::PlanItem &item : plan.items) {
        QStringList flags;
        if (item.critical)
            flags.append(tr("critical"));
        if (critical.contains(item.id))
            flags.append(tr("critical path"));
        if (item.done)
            flags.append(tr("done"));
        const QString indent = item.parentId != 0 ? QStringLiteral("  ") : QString();
        table.rows.append({item.id, kindLabel(item.kind), QString(indent + item.name), item.owner,
                           item.start.toString(Qt::ISODate), item.end.toString(Qt::ISODate),
                           item.progress * 100.0, flags.join(QStringLiteral(", "))});
    }
    return table;
}

ReportTable dependencies(const Launch::LaunchPlan &plan)
{
    using K = ReportColumn::Kind;
    ReportTable table;
    table.title = tr("Dependencies");
    table.columns = {{QStringLiteral("id"), tr("Id"), K::Integer},
                     {QStringLiteral("from"), tr("From"), K::Text},
                     {QStringLiteral("to"), tr("To"), K::Text},
                     {QStringLiteral("type"), tr("Type"), K::Text},
                     {QStringLiteral("violation"), tr("Problem"), K::Text}};
    QHash<int, QString> reasons;
    for (const Launch::Violation &violation : Launch::dependencyViolations(plan))
        reasons.insert(violation.dependencyId, violation.reason);
    for (const Launch::Dependency &dependency : plan.dependencies) {
        const Launch::PlanItem *from = plan.item(dependency.fromId);
        const Launch::PlanItem *to = plan.item(dependency.toId);
        table.rows.append({dependency.id, from ? from->name : QString::number(dependency.fromId),
                           to ? to->name : QString::number(dependency.toId),
                           Launch::dependencyTypeName(dependency.type),
                           reasons.value(dependency.id)});
    }
    return table;
}

QString metricValue(double value, const QString &unit)
{
    if (unit == QLatin1String("%"))
        return QString::number(value, 'f', 1) + QLatin1Char('%');
    if (unit == QLatin1String("NPS"))
        return QString::number(value, 'f', 0);
    return QString::number(value, 'f', 0) + (unit.isEmpty() ? QString() : QLatin1Char(' ') + unit);
}

} // namespace

QString text(const Launch::LaunchPlan &plan, const Launch::LaunchContext &context,
             const Launch::Assessment &assessment)
{
    QString out;
    out += tr("%1 (plan %2)").arg(plan.name).arg(plan.id) + QLatin1Char('\n');
    out += tr("Product: %1   Launch date: %2   Status: %3")
               .arg(plan.product, plan.launchDate.toString(Qt::ISODate), plan.status) +
           QLatin1Char('\n');
    out += tr("Features: %1").arg(featureNames(plan, context)) + QLatin1Char('\n');
    if (!plan.channels.isEmpty())
        out += tr("Channels: %1").arg(plan.channels.join(QStringLiteral(", "))) + QLatin1Char('\n');
    if (!plan.audiences.isEmpty())
        out +=
            tr("Audiences: %1").arg(plan.audiences.join(QStringLiteral(", "))) + QLatin1Char('\n');
    out += QLatin1Char('\n') + ReportFormat::text(timeline(plan));
    if (!plan.dependencies.isEmpty())
        out += QLatin1Char('\n') + ReportFormat::text(dependencies(plan));

    out += QLatin1Char('\n') +
           tr("Readiness: %1").arg(Launch::readinessLabel(assessment.readiness)) +
           QLatin1Char('\n');
    for (const QString &reason : assessment.reasons)
        out += QStringLiteral("  - ") + reason + QLatin1Char('\n');

    out += QLatin1Char('\n') + tr("Findings") + QLatin1Char('\n');
    if (assessment.findings.isEmpty())
        out += QStringLiteral("  ") + tr("none") + QLatin1Char('\n');
    for (const Launch::Finding &finding : assessment.findings)
        out += QStringLiteral("  [%1] ").arg(Launch::severityName(finding.severity)) +
               finding.message + QLatin1Char('\n');

    out += QLatin1Char('\n') + tr("Recommendations") + QLatin1Char('\n');
    if (assessment.recommendations.isEmpty())
        out += QStringLiteral("  ") + tr("none") + QLatin1Char('\n');
    for (int i = 0; i < assessment.recommendations.size(); ++i)
        out += QStringLiteral("  %1. ").arg(i + 1) + assessment.recommendations.at(i).text +
               QLatin1Char('\n');

    out += QLatin1Char('\n') + tr("Success metrics") + QLatin1Char('\n');
    for (const Launch::SuccessMetric &metric : assessment.metrics) {
        out += QStringLiteral("  ") + metric.name + QStringLiteral(": ") +
               tr("target %1 by day %2, now %3")
                   .arg(metricValue(metric.target, metric.unit))
                   .arg(metric.dayOffset)
                   .arg(metric.current ? metricValue(*metric.current, metric.unit)
                                       : tr("not measured yet")) +
               QLatin1Char('\n');
    }
    return out;
}

QByteArray json(const Launch::LaunchPlan &plan, const Launch::LaunchContext &context,
                const Launch::Assessment &assessment)
{
    QJsonArray findings;
    for (const Launch::Finding &finding : assessment.findings) {
        QJsonObject object{{QStringLiteral("rule"), finding.rule},
                           {QStringLiteral("severity"), Launch::severityName(finding.severity)},
                           {QStringLiteral("message"), finding.message}};
        if (finding.itemId != 0)
            object.insert(QStringLiteral("itemId"), finding.itemId);
        if (finding.featureId != 0)
            object.insert(QStringLiteral("featureId"), finding.featureId);
        if (!finding.campaign.isEmpty())
            object.insert(QStringLiteral("campaign"), finding.campaign);
        findings.append(object);
    }
    QJsonArray recommendations;
    for (const Launch::Recommendation &recommendation : assessment.recommendations)
        recommendations.append(QJsonObject{{QStringLiteral("text"), recommendation.text},
                                           {QStringLiteral("finding"), recommendation.finding}});
    QJsonArray metrics;
    for (const Launch::SuccessMetric &metric : assessment.metrics) {
        QJsonObject object{{QStringLiteral("name"), metric.name},
                           {QStringLiteral("unit"), metric.unit},
                           {QStringLiteral("target"), metric.target},
                           {QStringLiteral("dayOffset"), metric.dayOffset},
                           {QStringLiteral("current"), metric.current
                                                           ? QJsonValue(*metric.current)
                                                           : QJsonValue(QJsonValue::Null)}};
        if (metric.featureId != 0)
            object.insert(QStringLiteral("featureId"), metric.featureId);
        metrics.append(object);
    }
    QJsonArray violations;
    for (const Launch::Violation &violation : Launch::dependencyViolations(plan))
        violations.append(QJsonObject{{QStringLiteral("dependencyId"), violation.dependencyId},
                                      {QStringLiteral("reason"), violation.reason}});
    QList<int> path = Launch::criticalPath(plan).values();
    std::sort(path.begin(), path.end());
    QJsonArray critical;
    for (int id : path)
        critical.append(id);
    const QJsonObject copy =
        QJsonDocument::fromJson(Launch::PlanJson::toJson(plan, &context)).object();
    const QJsonObject root{
        {QStringLiteral("plan"), copy.value(QStringLiteral("plan"))},
        {QStringLiteral("readiness"), Launch::readinessName(assessment.readiness)},
        {QStringLiteral("reasons"), QJsonArray::fromStringList(assessment.reasons)},
        {QStringLiteral("findings"), findings},
        {QStringLiteral("recommendations"), recommendations},
        {QStringLiteral("metrics"), metrics},
        {QStringLiteral("violations"), violations},
        {QStringLiteral("criticalPath"), critical}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace PlansView
