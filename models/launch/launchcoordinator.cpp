#include "launchcoordinator.h"

#include "marketingalignment.h"
#include "planschedule.h"
#include "successmetrics.h"

#include <QCoreApplication>
#include <QHash>

namespace Launch {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Launch::LaunchCoordinator", text);
}

QString dayText(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

void add(Assessment &assessment, Finding finding, const QString &recommendation)
{
    assessment.findings.append(std::move(finding));
    assessment.recommendations.append({recommendation, int(assessment.findings.size()) - 1});
}

void scheduleFindings(const LaunchPlan &plan, const QDate &today, Assessment &assessment)
{
    for (const Violation &violation : dependencyViolations(plan)) {
        const Dependency *dependency = nullptr;
        for (const Dependency &candidate : plan.dependencies) {
            if (candidate.id == violation.dependencyId)
                dependency = &candidate;
        }
        const PlanItem *from = dependency ? plan.item(dependency->fromId) : nullptr;
        const PlanItem *to = dependency ? plan.item(dependency->toId) : nullptr;
        if (!from || !to) {
            add(assessment,
                {QString::fromLatin1(LaunchCoordinator::DependencyViolated),
                 Severity::Warning,
                 violation.reason,
                 0,
                 0,
                 {}},
                tr("Delete the dependency or connect it to an item of the plan again."));
            continue;
        }
        // Work that has begun without its approval cannot go on; the rest can still be moved.
        const bool started = to->start <= today;
        const bool approval = dependency->type == DependencyType::Approval;
        const QDate fromFinish = finishDate(*from);
        const QString recommendation =
            approval ? tr("Get \"%1\" approved and mark it done, or move \"%2\" to %3 or later.")
                           .arg(from->name, to->name, dayText(fromFinish))
                     : tr("Move \"%1\" to start on %2 or later, or finish \"%3\" by %4.")
                           .arg(to->name, dayText(fromFinish), from->name, dayText(to->start));
        add(assessment,
            {QString::fromLatin1(LaunchCoordinator::DependencyViolated),
             approval && started ? Severity::Blocker : Severity::Warning,
             violation.reason,
             to->id,
             0,
             {}},
            recommendation);
    }

    const QSet<int> critical = criticalPath(plan);
    for (const PlanItem &item : plan.items) {
        if (!item.isMilestone() || item.done || !item.end.isValid() || item.end >= today)
            continue;
        if (!item.critical && !critical.contains(item.id))
            continue;
        const qint64 late = item.end.daysTo(today);
        add(assessment,
            {QString::fromLatin1(item.critical ? LaunchCoordinator::CriticalMilestoneOverdue
                                               : LaunchCoordinator::MilestoneOverdue),
             item.critical ? Severity::Blocker : Severity::Warning,
             late == 1 ? tr("\"%1\" was due on %2 and is a day overdue.")
                             .arg(item.name, dayText(item.end))
                       : tr("\"%1\" was due on %2 and is %3 days overdue.")
                             .arg(item.name, dayText(item.end))
                             .arg(late),
             item.id,
             0,
             {}},
            tr("Complete \"%1\" and mark it done, or move it and what depends on it to a date "
               "the team can meet.")
                .arg(item.name));
    }
}

void decide(Assessment &assessment)
{
    QStringList blockers;
    QStringList warnings;
    for (const Finding &finding : std::as_const(assessment.findings)) {
        if (finding.severity == Severity::Blocker)
            blockers.append(finding.message);
        else if (finding.severity == Severity::Warning)
            warnings.append(finding.message);
    }
    if (!blockers.isEmpty()) {
        assessment.readiness = Readiness::Blocked;
        assessment.reasons = blockers;
    } else if (!warnings.isEmpty()) {
        assessment.readiness = Readiness::AtRisk;
        assessment.reasons = warnings;
    } else {
        assessment.readiness = Readiness::Ready;
        assessment.reasons = {tr("Every feature has messaging, the campaigns line up with the "
                                 "launch and the timeline holds.")};
    }
}

} // namespace

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return QStringLiteral("info");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Blocker:
        return QStringLiteral("blocker");
    }
    return QString();
}

QString readinessName(Readiness readiness)
{
    switch (readiness) {
    case Readiness::Ready:
        return QStringLiteral("ready");
    case Readiness::AtRisk:
        return QStringLiteral("at-risk");
    case Readiness::Blocked:
        return QStringLiteral("blocked");
    }
    return QString();
}

QString readinessLabel(Readiness readiness)
{
    switch (readiness) {
    case Readiness::Ready:
        return tr("Ready");
    case Readiness::AtRisk:
        return tr("At risk");
    case Readiness::Blocked:
        return tr("Blocked");
    }
    return QString();
}

LaunchPlan LaunchCoordinator::defaultPlan(const QString &product, const QDate &launchDate,
                                          const QList<qint64> &featureIds,
                                          const PlanTemplate &timelineTemplate)
{
    LaunchPlan plan;
    plan.product = product;
    plan.name = tr("%1 launch").arg(product);
    plan.launchDate = launchDate;
    plan.status = QStringLiteral("draft");
    plan.featureIds = featureIds;
    for (const TemplateItem &entry : timelineTemplate.items) {
        PlanItem item;
        item.id = entry.key;
        item.kind = entry.kind;
        item.name = entry.name;
        item.owner = entry.owner;
        item.description = entry.description;
        item.parentId = entry.parentKey;
        item.start = launchDate.addDays(entry.startOffset);
        item.end = launchDate.addDays(entry.endOffset);
        item.critical = entry.critical;
        plan.items.append(item);
    }
    int dependencyId = 0;
    for (const TemplateDependency &entry : timelineTemplate.dependencies)
        plan.dependencies.append(
            {++dependencyId, entry.fromKey, entry.toKey, entry.type, entry.description});
    return plan;
}

std::optional<LaunchContext> LaunchCoordinator::loadContext(const QSqlDatabase &db,
                                                            const LaunchPlan &plan, QString *error)
{
    return loadContext(db, plan, QDate::currentDate(), error);
}

std::optional<LaunchContext> LaunchCoordinator::loadContext(const QSqlDatabase &db,
                                                            const LaunchPlan &plan,
                                                            const QDate &today, QString *error)
{
    return loadLaunchContext(db, plan, today, error);
}

Assessment LaunchCoordinator::assess(const LaunchPlan &plan, const LaunchContext &context,
                                     const QDate &today)
{
    Assessment assessment;
    const MarketingAlignment::Result alignment = MarketingAlignment::check(plan, context, today);
    for (int i = 0; i < alignment.findings.size(); ++i)
        add(assessment, alignment.findings.at(i), alignment.recommendations.at(i));
    scheduleFindings(plan, today, assessment);
    assessment.metrics = SuccessMetrics::derive(plan, context, today);
    decide(assessment);
    return assessment;
}

LaunchPlan LaunchCoordinator::rebased(const LaunchPlan &plan, const QDate &newLaunchDate)
{
    LaunchPlan moved = plan;
    if (!plan.launchDate.isValid() || !newLaunchDate.isValid())
        return moved;
    const qint64 shift = plan.launchDate.daysTo(newLaunchDate);
    moved.launchDate = newLaunchDate;
    for (PlanItem &item : moved.items) {
        if (item.done)
            continue;
        item.start = item.start.addDays(shift);
        item.end = item.end.addDays(shift);
    }
    return moved;
}

} // namespace Launch
