#include "triggerevaluator.h"

#include "activityrecorder.h"
#include "isodate.h"
#include "metrics/reports.h"
#include "triggerstore.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace TriggerEvaluator {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TriggerEvaluator", text);
}

double number(const Trigger &trigger, const char *name)
{
    return trigger.parameters.value(QLatin1String(name)).toDouble();
}

std::optional<Condition> adoption(const QSqlDatabase &db, const Trigger &trigger,
                                  const QDate &today)
{
    const auto featureId = qint64(number(trigger, "feature_id"));
    const double percent = number(trigger, "percent");
    const int days = int(number(trigger, "days"));
    QString ignored;
    // A feature that is gone (merged, deleted) simply no longer holds.
    const std::optional<ReportTable> curve =
        Reports::adoptionCurve(db, featureId, false, today, &ignored);
    Condition condition;
    if (!curve || curve->rows.isEmpty())
        return condition;
    const QDate start =
        QDate::fromString(curve->value(0, QStringLiteral("period")).toString(), Qt::ISODate);
    const QDate last = start.addDays(days - 1);
    double best = 0;
    for (int row = 0; row < curve->rows.size(); ++row) {
        const QDate day =
            QDate::fromString(curve->value(row, QStringLiteral("period")).toString(), Qt::ISODate);
        if (day.isValid() && day <= last)
            best = std::max(best, curve->value(row, QStringLiteral("adoption_rate")).toDouble());
    }
    condition.value = best;
    condition.holds = best >= percent;
    condition.detail = tr("%1% adoption within %2 days of %3")
                           .arg(best, 0, 'f', 1)
                           .arg(days)
                           .arg(start.toString(Qt::ISODate));
    return condition;
}

std::optional<Condition> unplannedRequests(const QSqlDatabase &db, const Trigger &trigger,
                                           QString *error)
{
    const double feature = number(trigger, "feature_id");
    const double deal = number(trigger, "min_deal_size");
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT f.name, count(*) FROM feedback fb JOIN features f ON f.id = fb.feature_id "
        "WHERE NOT EXISTS (SELECT 1 FROM launch_plan_features lpf WHERE lpf.feature_id = f.id) "
        "AND (? <= 0 OR f.id = ?) "
        "AND (? <= 0 OR fb.company_id IN (SELECT company_id FROM sales_opportunities "
        "WHERE company_id IS NOT NULL AND deal_size >= ?)) "
        "GROUP BY f.id, f.name HAVING count(*) >= ? ORDER BY count(*) DESC, f.name"));
    query.addBindValue(feature);
    query.addBindValue(qint64(feature));
    query.addBindValue(deal);
    query.addBindValue(deal);
    query.addBindValue(qint64(number(trigger, "count")));
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    Condition condition;
    QStringList features;
    while (query.next()) {
        if (!condition.value)
            condition.value = query.value(1).toDouble();
        features.append(
            tr("%1 (%2 requests)").arg(query.value(0).toString()).arg(query.value(1).toLongLong()));
    }
    condition.holds = !features.isEmpty();
    condition.detail = features.join(QLatin1String(", "));
    return condition;
}

std::optional<Condition> npsBelow(const QSqlDatabase &db, const Trigger &trigger,
                                  const QDate &today, QString *error)
{
    const int days = int(number(trigger, "days"));
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT count(*), coalesce(sum(score >= 9), 0), coalesce(sum(score <= 6), 0) "
        "FROM feedback WHERE score_kind = 'nps' AND score IS NOT NULL "
        "AND created_at >= ? AND created_at < ?"));
    query.addBindValue(today.addDays(1 - days).toString(Qt::ISODate));
    query.addBindValue(today.addDays(1).toString(Qt::ISODate));
    if (!query.exec() || !query.next()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    Condition condition;
    const qint64 responses = query.value(0).toLongLong();
    if (responses == 0)
        return condition;
    const double nps = 100.0 * double(query.value(1).toLongLong() - query.value(2).toLongLong()) /
                       double(responses);
    condition.value = nps;
    condition.holds = nps < number(trigger, "threshold");
    condition.detail = tr("NPS %1 from %2 responses in the last %3 days")
                           .arg(nps, 0, 'f', 0)
                           .arg(responses)
                           .arg(days);
    return condition;
}

// Campaigns belong to a launch as on the plan's page: by product or plan name, or by a name
// that names the product.
std::optional<Condition> campaignDraft(const QSqlDatabase &db, const Trigger &trigger,
                                       const QDate &today, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT p.name, c.name FROM launch_plans p JOIN campaigns c ON "
        "(lower(c.product_launch) IN (lower(p.product), lower(p.name)) "
        "OR (c.product_launch IS NULL AND instr(lower(c.name), lower(p.product)) > 0)) "
        "WHERE p.launch_date >= ? AND p.launch_date < ? AND c.status = 'draft' "
        "ORDER BY p.launch_date, c.name"));
    query.addBindValue(today.toString(Qt::ISODate));
    // Launch dates are days; a launch date with a time still sorts before the next day.
    query.addBindValue(today.addDays(int(number(trigger, "days")) + 1).toString(Qt::ISODate));
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    Condition condition;
    QStringList drafts;
    while (query.next())
        drafts.append(
            tr("%1 (launch %2)").arg(query.value(1).toString(), query.value(0).toString()));
    condition.holds = !drafts.isEmpty();
    condition.value = double(drafts.size());
    condition.detail = drafts.join(QLatin1String(", "));
    return condition;
}

bool fire(QSqlDatabase &db, Trigger &trigger, const QString &detail, const QString &link,
          const QString &key, const QDateTime &now, QList<TriggerFiring> *firings, QString *error)
{
    HubEvent event;
    event.type = QLatin1String(HubEvents::Trigger);
    event.origin = HubEvent::Origin::Trigger;
    event.occurredAt = now;
    event.title = trigger.name;
    event.detail = detail;
    event.link = link;
    event.triggerId = trigger.id;
    event.dedupeKey = key;
    if (!ActivityRecorder::record(db, event, nullptr, error))
        return false;
    trigger.lastFired = IsoDate::timestamp(now);
    firings->append({trigger.id, trigger.name, detail});
    return true;
}

// Each new entry of the type fires once; the trigger then remembers the newest entry seen.
bool evaluateEvent(QSqlDatabase &db, Trigger &trigger, const QDateTime &now,
                   QList<TriggerFiring> *firings, QString *error)
{
    const double source = number(trigger, "source_id");
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT a.id, a.title, a.link, coalesce(s.name, '') FROM activity a "
        "LEFT JOIN sources s ON s.id = a.source_id "
        "WHERE a.id > ? AND a.hub_event = ? AND (? <= 0 OR a.source_id = ?) ORDER BY a.id"));
    query.addBindValue(trigger.lastActivityId);
    query.addBindValue(trigger.parameters.value(QLatin1String("hub_event")).toString());
    query.addBindValue(source);
    query.addBindValue(qint64(source));
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    struct Entry
    {
        qint64 id;
        QString title, link, source;
    };
    QList<Entry> entries;
    while (query.next())
        entries.append({query.value(0).toLongLong(), query.value(1).toString(),
                        query.value(2).toString(), query.value(3).toString()});
    for (const Entry &entry : entries) {
        const QString detail =
            entry.source.isEmpty() ? entry.title : tr("%1 (%2)").arg(entry.title, entry.source);
        if (!fire(db, trigger, detail, entry.link,
                  QStringLiteral("trigger:%1:%2").arg(trigger.id).arg(entry.id), now, firings,
                  error))
            return false;
    }
    QSqlQuery newest(db);
    if (!newest.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM activity")) ||
        !newest.next()) {
        *error = newest.lastError().text();
        return false;
    }
    trigger.lastActivityId = newest.value(0).toLongLong();
    return true;
}

} // namespace

std::optional<Condition> check(const QSqlDatabase &db, const Trigger &trigger, const QDateTime &now,
                               QString *error)
{
    const QDate today = now.date();
    if (trigger.kind == QLatin1String(TriggerKinds::Adoption))
        return adoption(db, trigger, today);
    if (trigger.kind == QLatin1String(TriggerKinds::UnplannedRequests))
        return unplannedRequests(db, trigger, error);
    if (trigger.kind == QLatin1String(TriggerKinds::NpsBelow))
        return npsBelow(db, trigger, today, error);
    if (trigger.kind == QLatin1String(TriggerKinds::CampaignDraft))
        return campaignDraft(db, trigger, today, error);
    *error = tr("Trigger kind \"%1\" has no condition to check.").arg(trigger.kind);
    return std::nullopt;
}

std::optional<QList<TriggerFiring>> evaluate(QSqlDatabase &db, const QDateTime &now, QString *error)
{
    std::optional<QList<Trigger>> triggers = TriggerStore::load(db, error);
    if (!triggers)
        return std::nullopt;
    const std::optional<TriggerNames> names = TriggerNames::load(db, error);
    if (!names)
        return std::nullopt;
    QList<TriggerFiring> firings;
    for (Trigger &trigger : *triggers) {
        if (!trigger.enabled)
            continue;
        const Trigger before = trigger;
        if (trigger.kind == QLatin1String(TriggerKinds::Event)) {
            if (!evaluateEvent(db, trigger, now, &firings, error))
                return std::nullopt;
        } else {
            const std::optional<Condition> condition = check(db, trigger, now, error);
            if (!condition) {
                *error = tr("Trigger \"%1\": %2").arg(trigger.name, *error);
                return std::nullopt;
            }
            // Fires on the change to true only; a condition that stops holding re-arms it.
            if (condition->holds && !trigger.active &&
                !fire(db, trigger,
                      TriggerKinds::describe(trigger, *names) + QStringLiteral(": ") +
                          condition->detail,
                      {}, {}, now, &firings, error))
                return std::nullopt;
            trigger.active = condition->holds;
            trigger.lastValue = condition->value;
        }
        if (!(trigger == before) && !TriggerStore::saveState(db, trigger, error))
            return std::nullopt;
    }
    return firings;
}

} // namespace TriggerEvaluator
