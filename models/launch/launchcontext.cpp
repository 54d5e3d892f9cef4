#include "launchcontext.h"

#include "launchplan.h"
#include "metrics/money.h"
#include "metrics/reports.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace Launch {
namespace {

// Campaign and release dates come as days or as timestamps, depending on the service.
QDate dayOf(const QVariant &value)
{
    return QDate::fromString(value.toString().left(10), Qt::ISODate);
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QLatin1Char(','));
}

bool loadFeatures(const QSqlDatabase &db, const LaunchPlan &plan, LaunchContext *context,
                  QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT id, name, status, release_date FROM features"))) {
        *error = query.lastError().text();
        return false;
    }
    QHash<qint64, LaunchFeature> launchFeatures;
    while (query.next()) {
        const LaunchFeature feature{query.value(0).toLongLong(), query.value(1).toString(),
                                    query.value(2).toString(), dayOf(query.value(3))};
        if (plan.featureIds.contains(feature.id))
            launchFeatures.insert(feature.id, feature);
        else
            context->otherFeatures.insert(feature.id, feature.name);
    }
    for (qint64 id : plan.featureIds) {
        if (launchFeatures.contains(id))
            context->features.append(launchFeatures.value(id));
    }
    if (plan.featureIds.isEmpty())
        return true;

    query.prepare(QStringLiteral("SELECT feature_id, messaging, positioning, key_benefits FROM "
                                 "feature_messaging WHERE feature_id IN (%1)")
                      .arg(placeholders(plan.featureIds.size())));
    for (qint64 id : plan.featureIds)
        query.addBindValue(id);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    while (query.next()) {
        FeatureMessaging messaging;
        messaging.messaging = query.value(1).toString();
        messaging.positioning = query.value(2).toString();
        const QJsonArray benefits =
            QJsonDocument::fromJson(query.value(3).toString().toUtf8()).array();
        for (const QJsonValue &benefit : benefits)
            messaging.keyBenefits.append(benefit.toString());
        context->messaging.insert(query.value(0).toLongLong(), messaging);
    }
    return true;
}

// Campaigns name their launch by product (or a tag equal to the plan's name) in
// product_launch; campaigns synced without it still count when their name names the product.
bool loadCampaigns(const QSqlDatabase &db, const LaunchPlan &plan, LaunchContext *context,
                   QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT c.name, c.type, c.status, s.name, c.start_date, c.end_date FROM campaigns c "
        "LEFT JOIN sources s ON s.id = c.source_id "
        "WHERE lower(c.product_launch) IN (lower(?), lower(?)) "
        "OR (c.product_launch IS NULL AND instr(lower(c.name), lower(?)) > 0) "
        "ORDER BY c.start_date, c.name"));
    query.addBindValue(plan.product);
    query.addBindValue(plan.name);
    query.addBindValue(plan.product);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    while (query.next()) {
        context->campaigns.append({query.value(0).toString(), query.value(1).toString(),
                                   query.value(2).toString(), query.value(3).toString(),
                                   dayOf(query.value(4)), dayOf(query.value(5))});
    }
    return true;
}

// The last measured adoption rate on or before a day.
std::optional<double> adoptionOn(const ReportTable &curve, const QDate &day)
{
    std::optional<double> value;
    for (int row = 0; row < curve.rows.size(); ++row) {
        const QDate period = dayOf(curve.value(row, QStringLiteral("period")));
        if (period.isValid() && period <= day)
            value = curve.value(row, QStringLiteral("adoption_rate")).toDouble();
    }
    return value;
}

double pipelineOf(const ReportTable &table, const QList<qint64> &featureIds)
{
    double total = 0;
    for (int row = 0; row < table.rows.size(); ++row) {
        if (featureIds.contains(table.value(row, QStringLiteral("feature_id")).toLongLong()))
            total += table.value(row, QStringLiteral("open_pipeline")).toDouble();
    }
    return total;
}

// Metrics that a workspace cannot compute (no usage, no feedback) stay unknown rather than
// failing the whole context.
void loadMetrics(const QSqlDatabase &db, const LaunchPlan &plan, const LaunchContext &context,
                 const QDate &today, MetricValues *values)
{
    QString ignored;
    for (const LaunchFeature &feature : context.features) {
        const auto curve = Reports::adoptionCurve(db, feature.id, false, today, &ignored);
        if (!curve)
            continue;
        const QDate release = feature.releaseDate.isValid() ? feature.releaseDate : plan.launchDate;
        if (const auto at30 = adoptionOn(*curve, qMin(today, release.addDays(30))))
            values->adoption30.insert(feature.id, *at30);
        if (const auto at90 = adoptionOn(*curve, qMin(today, release.addDays(90))))
            values->adoption90.insert(feature.id, *at90);
    }
    const ReportWindow since{plan.launchDate, qMin(today, plan.launchDate.addDays(90))};
    if (const auto satisfaction = Reports::satisfaction(db, since, today, &ignored);
        satisfaction && !satisfaction->rows.isEmpty() &&
        satisfaction->value(0, QStringLiteral("nps_responses")).toInt() > 0)
        values->nps = satisfaction->value(0, QStringLiteral("nps")).toDouble();

    const ReportWindow before{plan.launchDate.addDays(-90), plan.launchDate.addDays(-1)};
    const ReportWindow recent{qMax(plan.launchDate, today.addDays(-90)), today};
    if (const auto baseline = Reports::validation(db, before, today, &ignored))
        values->pipelineBaseline = pipelineOf(*baseline, plan.featureIds);
    if (const auto current = Reports::validation(db, recent, today, &ignored))
        values->pipeline = pipelineOf(*current, plan.featureIds);
    values->currency = CurrencyRates::load(db).base();
}

} // namespace

std::optional<LaunchContext> loadLaunchContext(const QSqlDatabase &db, const LaunchPlan &plan,
                                               const QDate &today, QString *error)
{
    LaunchContext context;
    if (!loadFeatures(db, plan, &context, error) || !loadCampaigns(db, plan, &context, error))
        return std::nullopt;
    if (plan.launchDate.isValid() && today >= plan.launchDate)
        loadMetrics(db, plan, context, today, &context.metrics);
    else if (plan.launchDate.isValid()) {
        // Before launch only the baseline pipeline is known, which the target comes from.
        QString ignored;
        const ReportWindow before{plan.launchDate.addDays(-90), qMin(today, plan.launchDate)};
        if (const auto baseline = before.from <= before.to
                                      ? Reports::validation(db, before, today, &ignored)
                                      : std::nullopt)
            context.metrics.pipelineBaseline = pipelineOf(*baseline, plan.featureIds);
        context.metrics.currency = CurrencyRates::load(db).base();
    }
    return context;
}

} // namespace Launch
