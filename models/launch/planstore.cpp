#include "planstore.h"

#include "isodate.h"
#include "plantemplate.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace Launch {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Launch::PlanStore", text);
}

QVariant dayValue(const QDate &date)
{
    return date.isValid() ? QVariant(IsoDate::day(date)) : QVariant(QMetaType(QMetaType::QString));
}

QDate dayOf(const QVariant &value)
{
    return QDate::fromString(value.toString(), Qt::ISODate);
}

QString jsonList(const QStringList &values)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

QStringList listOf(const QVariant &value)
{
    QStringList values;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    for (const QJsonValue &entry : array)
        values.append(entry.toString());
    return values;
}

// All or nothing, inside or outside the caller's transaction.
class Savepoint
{
public:
    explicit Savepoint(const QSqlDatabase &db)
        : m_db(db)
    {
        QSqlQuery query(m_db);
        m_open = query.exec(QStringLiteral("SAVEPOINT launch_plan_store"));
        if (!m_open)
            m_error = query.lastError().text();
    }
    ~Savepoint()
    {
        if (!m_open)
            return;
        QSqlQuery query(m_db);
        query.exec(QStringLiteral("ROLLBACK TO launch_plan_store"));
        query.exec(QStringLiteral("RELEASE launch_plan_store"));
    }
    Savepoint(const Savepoint &) = delete;
    Savepoint &operator=(const Savepoint &) = delete;

    bool isOpen() const { return m_open; }
    QString error() const { return m_error; }
    bool release(QString *error)
    {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("RELEASE launch_plan_store"))) {
            *error = query.lastError().text();
            return false;
        }
        m_open = false;
        return true;
    }

private:
    QSqlDatabase m_db;
    bool m_open = false;
    QString m_error;
};

bool run(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    *error = tr("The plan could not be saved: %1").arg(query.lastError().text());
    return false;
}

} // namespace

PlanStore::PlanStore(const QSqlDatabase &db)
    : m_db(db)
{
}

QList<PlanSummary> PlanStore::list(QString *error) const
{
    QSqlQuery query(m_db);
    if (!query.exec(
            QStringLiteral("SELECT p.id, p.product, p.name, p.launch_date, p.status, "
                           "(SELECT count(*) FROM launch_phases f WHERE f.plan_id = p.id) + "
                           "(SELECT count(*) FROM launch_milestones m WHERE m.plan_id = p.id) "
                           "FROM launch_plans p ORDER BY p.launch_date, p.id"))) {
        if (error)
            *error = query.lastError().text();
        return {};
    }
    QList<PlanSummary> plans;
    while (query.next()) {
        plans.append({query.value(0).toLongLong(), query.value(1).toString(),
                      query.value(2).toString(), dayOf(query.value(3)), query.value(4).toString(),
                      query.value(5).toInt()});
    }
    return plans;
}

std::optional<LaunchPlan> PlanStore::load(qint64 id, QString *error) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT product, name, launch_date, audiences, channels, status, "
                                 "created_at, updated_at FROM launch_plans WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    if (!query.next()) {
        *error = tr("There is no launch plan with id %1.").arg(id);
        return std::nullopt;
    }
    LaunchPlan plan;
    plan.id = id;
    plan.product = query.value(0).toString();
    plan.name = query.value(1).toString();
    plan.launchDate = dayOf(query.value(2));
    plan.audiences = listOf(query.value(3));
    plan.channels = listOf(query.value(4));
    plan.status = query.value(5).toString();
    plan.createdAt = IsoDate::parse(query.value(6).toString());
    plan.updatedAt = IsoDate::parse(query.value(7).toString());

    query.prepare(QStringLiteral(
        "SELECT feature_id FROM launch_plan_features WHERE plan_id = ? ORDER BY rowid"));
    query.addBindValue(id);
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    while (query.next())
        plan.featureIds.append(query.value(0).toLongLong());

    query.prepare(QStringLiteral(
        "SELECT c.item_id, c.kind, c.name, c.owner, c.description, p.item_id, c.start_date, "
        "c.end_date, c.progress, c.critical, c.done, c.baseline_start, c.baseline_end, "
        "c.position FROM launch_phases c LEFT JOIN launch_phases p ON p.id = c.parent_id "
        "WHERE c.plan_id = ? "
        "UNION ALL "
        "SELECT m.item_id, 'milestone', m.name, m.owner, m.description, p.item_id, m.due_date, "
        "m.due_date, m.progress, m.critical, m.done, m.baseline_start, m.baseline_end, "
        "m.position FROM launch_milestones m LEFT JOIN launch_phases p ON p.id = m.phase_id "
        "WHERE m.plan_id = ? ORDER BY 14, 1"));
    query.addBindValue(id);
    query.addBindValue(id);
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    while (query.next()) {
        PlanItem item;
        item.id = query.value(0).toInt();
        item.kind = kindNamed(query.value(1).toString()).value_or(ItemKind::Task);
        item.name = query.value(2).toString();
        item.owner = query.value(3).toString();
        item.description = query.value(4).toString();
        item.parentId = query.value(5).toInt();
        item.start = dayOf(query.value(6));
        item.end = dayOf(query.value(7));
        item.progress = query.value(8).toDouble();
        item.critical = query.value(9).toBool();
        item.done = query.value(10).toBool();
        item.baselineStart = dayOf(query.value(11));
        item.baselineEnd = dayOf(query.value(12));
        plan.items.append(item);
    }

    // Dependencies name rows of either table; an end whose row is gone is dropped.
    query.prepare(QStringLiteral(
        "SELECT d.dependency_id, d.type, d.description, "
        "CASE d.from_kind WHEN 'milestone' THEN (SELECT item_id FROM launch_milestones WHERE "
        "id = d.from_id) ELSE (SELECT item_id FROM launch_phases WHERE id = d.from_id) END, "
        "CASE d.to_kind WHEN 'milestone' THEN (SELECT item_id FROM launch_milestones WHERE "
        "id = d.to_id) ELSE (SELECT item_id FROM launch_phases WHERE id = d.to_id) END "
        "FROM launch_dependencies d WHERE d.plan_id = ? ORDER BY d.id"));
    query.addBindValue(id);
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    while (query.next()) {
        if (query.value(3).isNull() || query.value(4).isNull())
            continue;
        Dependency dependency;
        dependency.id = query.value(0).toInt();
        dependency.type =
            dependencyTypeNamed(query.value(1).toString()).value_or(DependencyType::Timeline);
        dependency.description = query.value(2).toString();
        dependency.fromId = query.value(3).toInt();
        dependency.toId = query.value(4).toInt();
        plan.dependencies.append(dependency);
    }
    return plan;
}

QString PlanStore::problem(const LaunchPlan &plan)
{
    if (plan.product.trimmed().isEmpty())
        return tr("The plan has no product name.");
    if (plan.name.trimmed().isEmpty())
        return tr("The plan has no name.");
    if (!plan.launchDate.isValid())
        return tr("The plan has no valid launch date.");
    QHash<int, const PlanItem *> byId;
    for (const PlanItem &item : plan.items) {
        if (item.id <= 0)
            return tr("\"%1\" has no id.").arg(item.name);
        if (byId.contains(item.id))
            return tr("\"%1\" and \"%2\" share the id %3.")
                .arg(byId.value(item.id)->name, item.name)
                .arg(item.id);
        if (item.name.trimmed().isEmpty())
            return tr("The item with id %1 has no name.").arg(item.id);
        if (!item.start.isValid() || !item.end.isValid())
            return tr("\"%1\" needs a start and an end date.").arg(item.name);
        if (item.end < item.start)
            return tr("\"%1\" ends before it starts.").arg(item.name);
        if (item.isMilestone() && item.start != item.end)
            return tr("The milestone \"%1\" must start and end on the same day.").arg(item.name);
        if (item.progress < 0.0 || item.progress > 1.0)
            return tr("The progress of \"%1\" must be between 0 and 1.").arg(item.name);
        byId.insert(item.id, &item);
    }
    for (const PlanItem &item : plan.items) {
        if (item.parentId == 0)
            continue;
        const PlanItem *parent = byId.value(item.parentId);
        if (item.kind == ItemKind::Phase || !parent || parent->kind != ItemKind::Phase)
            return tr("\"%1\" must belong to a phase of the plan.").arg(item.name);
    }
    QSet<int> dependencyIds;
    for (const Dependency &dependency : plan.dependencies) {
        if (dependency.id <= 0 || dependencyIds.contains(dependency.id))
            return tr("Dependency %1 needs an id of its own.").arg(dependency.id);
        dependencyIds.insert(dependency.id);
        if (!byId.contains(dependency.fromId) || !byId.contains(dependency.toId))
            return tr("Dependency %1 names an item that is not in the plan.").arg(dependency.id);
        if (dependency.fromId == dependency.toId)
            return tr("Dependency %1 joins \"%2\" to itself.")
                .arg(dependency.id)
                .arg(byId.value(dependency.fromId)->name);
    }
    return QString();
}

bool PlanStore::save(LaunchPlan &plan, QString *error)
{
    LaunchPlan saved = plan;
    for (PlanItem &item : saved.items) {
        if (item.id <= 0)
            item.id = saved.nextItemId();
    }
    for (Dependency &dependency : saved.dependencies) {
        if (dependency.id <= 0)
            dependency.id = saved.nextDependencyId();
    }
    if (saved.status.isEmpty())
        saved.status = QStringLiteral("draft");
    if (const QString problem = PlanStore::problem(saved); !problem.isEmpty()) {
        *error = tr("The plan could not be saved: %1").arg(problem);
        return false;
    }
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    if (!saved.createdAt.isValid())
        saved.createdAt = now;
    saved.updatedAt = now;

    Savepoint savepoint(m_db);
    if (!savepoint.isOpen()) {
        *error = tr("The plan could not be saved: %1").arg(savepoint.error());
        return false;
    }
    if (!write(saved, error) || !savepoint.release(error))
        return false;
    plan = saved;
    return true;
}

bool PlanStore::write(LaunchPlan &plan, QString *error)
{
    QSqlQuery query(m_db);
    const QVariantList planValues{plan.product,
                                  plan.name,
                                  IsoDate::day(plan.launchDate),
                                  jsonList(plan.audiences),
                                  jsonList(plan.channels),
                                  plan.status,
                                  IsoDate::timestamp(plan.createdAt),
                                  IsoDate::timestamp(plan.updatedAt)};
    if (plan.id == 0) {
        query.prepare(QStringLiteral(
            "INSERT INTO launch_plans (product, name, launch_date, audiences, channels, status, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant &value : planValues)
            query.addBindValue(value);
        if (!run(query, error))
            return false;
        plan.id = query.lastInsertId().toLongLong();
    } else {
        query.prepare(QStringLiteral(
            "UPDATE launch_plans SET product = ?, name = ?, launch_date = ?, audiences = ?, "
            "channels = ?, status = ?, created_at = ?, updated_at = ? WHERE id = ?"));
        for (const QVariant &value : planValues)
            query.addBindValue(value);
        query.addBindValue(plan.id);
        if (!run(query, error))
            return false;
        if (query.numRowsAffected() != 1) {
            *error = tr("There is no launch plan with id %1.").arg(plan.id);
            return false;
        }
        // Replaced entirely: children first, since dependencies name rows, not keys.
        for (const char *table : {"launch_dependencies", "launch_milestones", "launch_phases",
                                  "launch_plan_features"}) {
            query.prepare(
                QStringLiteral("DELETE FROM %1 WHERE plan_id = ?").arg(QLatin1String(table)));
            query.addBindValue(plan.id);
            if (!run(query, error))
                return false;
        }
    }

    query.prepare(
        QStringLiteral("INSERT INTO launch_plan_features (plan_id, feature_id) VALUES (?, ?)"));
    for (qint64 featureId : std::as_const(plan.featureIds)) {
        query.addBindValue(plan.id);
        query.addBindValue(featureId);
        if (!query.exec()) {
            *error = tr("The plan could not be saved: feature %1 is not in the workspace (%2).")
                         .arg(featureId)
                         .arg(query.lastError().text());
            return false;
        }
    }

    // Phases before tasks and milestones, which name their phase's row.
    QHash<int, qint64> rowOf;
    QSqlQuery phases(m_db);
    phases.prepare(QStringLiteral(
        "INSERT INTO launch_phases (plan_id, item_id, name, kind, parent_id, owner, description, "
        "start_date, end_date, progress, critical, done, baseline_start, baseline_end, "
        "position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery milestones(m_db);
    milestones.prepare(QStringLiteral(
        "INSERT INTO launch_milestones (plan_id, item_id, phase_id, name, owner, description, "
        "due_date, progress, critical, done, baseline_start, baseline_end, position) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QVariant noParent(QMetaType(QMetaType::LongLong));
    for (bool phasePass : {true, false}) {
        for (int position = 0; position < plan.items.size(); ++position) {
            const PlanItem &item = plan.items.at(position);
            if ((item.kind == ItemKind::Phase) != phasePass)
                continue;
            const QVariant parent =
                item.parentId != 0 ? QVariant(rowOf.value(item.parentId)) : noParent;
            QSqlQuery &insert = item.isMilestone() ? milestones : phases;
            insert.addBindValue(plan.id);
            insert.addBindValue(item.id);
            if (item.isMilestone()) {
                insert.addBindValue(parent);
                insert.addBindValue(item.name);
                insert.addBindValue(item.owner);
                insert.addBindValue(item.description);
                insert.addBindValue(IsoDate::day(item.end));
            } else {
                insert.addBindValue(item.name);
                insert.addBindValue(kindName(item.kind));
                insert.addBindValue(parent);
                insert.addBindValue(item.owner);
                insert.addBindValue(item.description);
                insert.addBindValue(IsoDate::day(item.start));
                insert.addBindValue(IsoDate::day(item.end));
            }
            insert.addBindValue(item.progress);
            insert.addBindValue(item.critical ? 1 : 0);
            insert.addBindValue(item.done ? 1 : 0);
            insert.addBindValue(dayValue(item.baselineStart));
            insert.addBindValue(dayValue(item.baselineEnd));
            insert.addBindValue(position);
            if (!run(insert, error))
                return false;
            rowOf.insert(item.id, insert.lastInsertId().toLongLong());
        }
    }

    query.prepare(QStringLiteral(
        "INSERT INTO launch_dependencies (plan_id, dependency_id, from_kind, from_id, to_kind, "
        "to_id, type, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    const auto tableKind = [&](int itemId) {
        return plan.item(itemId)->isMilestone() ? QStringLiteral("milestone")
                                                : QStringLiteral("phase");
    };
    for (const Dependency &dependency : std::as_const(plan.dependencies)) {
        query.addBindValue(plan.id);
        query.addBindValue(dependency.id);
        query.addBindValue(tableKind(dependency.fromId));
        query.addBindValue(rowOf.value(dependency.fromId));
        query.addBindValue(tableKind(dependency.toId));
        query.addBindValue(rowOf.value(dependency.toId));
        query.addBindValue(dependencyTypeName(dependency.type));
        query.addBindValue(dependency.description);
        if (!run(query, error))
            return false;
    }
    return true;
}

bool PlanStore::remove(qint64 id, QString *error)
{
    Savepoint savepoint(m_db);
    if (!savepoint.isOpen()) {
        *error = savepoint.error();
        return false;
    }
    QSqlQuery query(m_db);
    for (const char *table :
         {"launch_dependencies", "launch_milestones", "launch_phases", "launch_plan_features"}) {
        query.prepare(QStringLiteral("DELETE FROM %1 WHERE plan_id = ?").arg(QLatin1String(table)));
        query.addBindValue(id);
        if (!query.exec()) {
            *error = query.lastError().text();
            return false;
        }
    }
    query.prepare(QStringLiteral("DELETE FROM launch_plans WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    if (query.numRowsAffected() != 1) {
        *error = tr("There is no launch plan with id %1.").arg(id);
        return false;
    }
    return savepoint.release(error);
}

} // namespace Launch
