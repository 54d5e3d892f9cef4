#include "triggerstore.h"

#include "isodate.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace TriggerStore {
namespace {

QString parametersText(const Trigger &trigger)
{
    return QString::fromUtf8(QJsonDocument(trigger.parameters).toJson(QJsonDocument::Compact));
}

bool failed(const QSqlQuery &query, QString *error)
{
    *error = QCoreApplication::translate("TriggerStore", "Could not save the trigger: %1")
                 .arg(query.lastError().text());
    return false;
}

} // namespace

std::optional<QList<Trigger>> load(const QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral(
            "SELECT id, name, kind, parameters, enabled, active, last_value, last_fired, "
            "last_activity_id FROM triggers ORDER BY id"))) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    QList<Trigger> triggers;
    while (query.next()) {
        Trigger trigger;
        trigger.id = query.value(0).toLongLong();
        trigger.name = query.value(1).toString();
        trigger.kind = query.value(2).toString();
        trigger.parameters = QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object();
        trigger.enabled = query.value(4).toBool();
        trigger.active = query.value(5).toBool();
        if (!query.isNull(6))
            trigger.lastValue = query.value(6).toDouble();
        trigger.lastFired = query.value(7).toString();
        trigger.lastActivityId = query.value(8).toLongLong();
        triggers.append(trigger);
    }
    return triggers;
}

std::optional<qint64> insert(QSqlDatabase &db, const Trigger &trigger, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO triggers (id, name, kind, parameters, enabled, active, last_value, "
        "last_fired, last_activity_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
        "CASE WHEN ? > 0 AND ? >= 0 THEN ? ELSE (SELECT coalesce(max(id), 0) FROM activity) "
        "END, ?)"));
    query.addBindValue(trigger.id > 0 ? QVariant(trigger.id)
                                      : QVariant(QMetaType(QMetaType::LongLong)));
    query.addBindValue(trigger.name.trimmed());
    query.addBindValue(trigger.kind);
    query.addBindValue(parametersText(trigger));
    query.addBindValue(trigger.enabled ? 1 : 0);
    query.addBindValue(trigger.active ? 1 : 0);
    query.addBindValue(trigger.lastValue ? QVariant(*trigger.lastValue)
                                         : QVariant(QMetaType(QMetaType::Double)));
    query.addBindValue(trigger.lastFired.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                                   : QVariant(trigger.lastFired));
    query.addBindValue(trigger.id);
    query.addBindValue(trigger.lastActivityId);
    query.addBindValue(trigger.lastActivityId);
    query.addBindValue(IsoDate::timestamp(QDateTime::currentDateTimeUtc()));
    if (!query.exec()) {
        failed(query, error);
        return std::nullopt;
    }
    return query.lastInsertId().toLongLong();
}

bool update(QSqlDatabase &db, const Trigger &trigger, QString *error)
{
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("UPDATE triggers SET name = ?, enabled = ?, "
                       "active = CASE WHEN kind = ? AND parameters = ? THEN active ELSE 0 END, "
                       "kind = ?, parameters = ? WHERE id = ?"));
    const QString parameters = parametersText(trigger);
    query.addBindValue(trigger.name.trimmed());
    query.addBindValue(trigger.enabled ? 1 : 0);
    query.addBindValue(trigger.kind);
    query.addBindValue(parameters);
    query.addBindValue(trigger.kind);
    query.addBindValue(parameters);
    query.addBindValue(trigger.id);
    return query.exec() || failed(query, error);
}

bool remove(QSqlDatabase &db, qint64 id, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM triggers WHERE id = ?"));
    query.addBindValue(id);
    return query.exec() || failed(query, error);
}

bool saveState(QSqlDatabase &db, const Trigger &trigger, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE triggers SET active = ?, last_value = ?, last_fired = ?, "
                                 "last_activity_id = ? WHERE id = ?"));
    query.addBindValue(trigger.active ? 1 : 0);
    query.addBindValue(trigger.lastValue ? QVariant(*trigger.lastValue)
                                         : QVariant(QMetaType(QMetaType::Double)));
    query.addBindValue(trigger.lastFired.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                                   : QVariant(trigger.lastFired));
    query.addBindValue(trigger.lastActivityId);
    query.addBindValue(trigger.id);
    return query.exec() || failed(query, error);
}

} // namespace TriggerStore
