#include "eventmapping.h"

#include "isodate.h"
#include "usagerollup.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {

constexpr int MaxLength = 255;

} // namespace

bool EventMapping::isPattern(const QString &text)
{
    return text.contains(QLatin1Char('*')) || text.contains(QLatin1Char('?'));
}

QString EventMapping::validate(const QString &text)
{
    if (text.trimmed().isEmpty())
        return tr("The event name or pattern is empty.");
    if (text != text.trimmed())
        return tr("The event name or pattern \"%1\" starts or ends with a space; event names "
                  "are matched exactly.")
            .arg(text);
    if (text.size() > MaxLength)
        return tr("The event name or pattern is longer than %1 characters.").arg(MaxLength);
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return tr("The event name or pattern \"%1\" contains a control character.").arg(text);
    }
    if (isPattern(text) && (text.contains(QLatin1Char('[')) || text.contains(QLatin1Char(']'))))
        return tr("The pattern \"%1\" contains [ or ]: only * (any text) and ? (one character) "
                  "are wildcards.")
            .arg(text);
    return QString();
}

qint64 EventMapping::findFeature(const QSqlDatabase &db, const QString &idOrName, QString *error)
{
    QSqlQuery query(db);
    bool isNumber = false;
    const qint64 id = idOrName.toLongLong(&isNumber);
    if (isNumber) {
        query.prepare(QStringLiteral("SELECT id FROM features WHERE id = ?"));
        query.addBindValue(id);
    } else {
        query.prepare(QStringLiteral("SELECT id FROM features WHERE name = ? ORDER BY id"));
        query.addBindValue(idOrName);
    }
    if (!query.exec()) {
        *error = query.lastError().text();
        return 0;
    }
    QList<qint64> found;
    while (query.next())
        found.append(query.value(0).toLongLong());
    if (found.isEmpty()) {
        *error = isNumber ? tr("There is no feature with id %1.").arg(id)
                          : tr("There is no feature named \"%1\" (names are matched exactly; "
                               "'product-hub features list' shows them).")
                                .arg(idOrName);
        return 0;
    }
    if (found.size() > 1) {
        QStringList ids;
        for (const qint64 each : std::as_const(found))
            ids.append(QString::number(each));
        *error = tr("Several features are named \"%1\" (ids %2): give the id instead.")
                     .arg(idOrName, ids.join(QStringLiteral(", ")));
        return 0;
    }
    return found.first();
}

QList<EventMapping::Entry> EventMapping::entries(const QSqlDatabase &db, QString *error)
{
    QList<Entry> result;
    QSqlQuery query(db);
    if (!query.exec(
            QStringLiteral("SELECT m.id, m.pattern, m.is_pattern, m.feature_id, f.name "
                           "FROM usage_event_mappings m JOIN features f ON f.id = m.feature_id "
                           "ORDER BY m.pattern, m.id"))) {
        *error = query.lastError().text();
        return result;
    }
    while (query.next())
        result.append({query.value(0).toLongLong(), query.value(1).toString(),
                       query.value(2).toBool(), query.value(3).toLongLong(),
                       query.value(4).toString()});
    return result;
}

QList<EventMapping::Unmapped> EventMapping::unmapped(const QSqlDatabase &db, QString *error)
{
    QList<Unmapped> result;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral(
            "SELECT c.event_name, sum(c.event_count), count(DISTINCT c.user_id), max(c.day) "
            "FROM usage_event_counts c WHERE NOT EXISTS (SELECT 1 FROM usage_event_mappings m "
            "WHERE (m.is_pattern = 0 AND m.pattern = c.event_name) "
            "OR (m.is_pattern = 1 AND c.event_name GLOB m.pattern)) "
            "GROUP BY c.event_name ORDER BY 2 DESC, 1"))) {
        *error = query.lastError().text();
        return result;
    }
    while (query.next())
        result.append({query.value(0).toString(), query.value(1).toLongLong(),
                       query.value(2).toLongLong(), query.value(3).toString()});
    return result;
}

bool EventMapping::add(QSqlDatabase &db, const QString &text, qint64 featureId, qint64 *id,
                       QString *error)
{
    const QString invalid = validate(text);
    if (!invalid.isEmpty()) {
        *error = invalid;
        return false;
    }
    const bool pattern = isPattern(text);
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("SELECT id FROM usage_event_mappings WHERE pattern = ? AND feature_id = ?"));
    query.addBindValue(text);
    query.addBindValue(featureId);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    if (query.next()) {
        *error = tr("\"%1\" is already mapped to this feature (entry %2).")
                     .arg(text)
                     .arg(query.value(0).toLongLong());
        return false;
    }
    query.prepare(QStringLiteral("INSERT INTO usage_event_mappings (pattern, is_pattern, "
                                 "feature_id, created_at) VALUES (?, ?, ?, ?)"));
    query.addBindValue(text);
    query.addBindValue(pattern ? 1 : 0);
    query.addBindValue(featureId);
    query.addBindValue(IsoDate::timestamp(QDateTime::currentDateTimeUtc()));
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    if (id)
        *id = query.lastInsertId().toLongLong();
    QString readError;
    const QStringList days = UsageRollup::daysMatching(db, text, pattern, &readError);
    if (!readError.isEmpty()) {
        *error = readError;
        return false;
    }
    return UsageRollup::rerollDays(db, days, error);
}

bool EventMapping::remove(QSqlDatabase &db, qint64 id, QString *error)
{
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("SELECT pattern, is_pattern FROM usage_event_mappings WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    if (!query.next()) {
        *error =
            tr("There is no mapping entry %1 ('product-hub usage map list' shows them).").arg(id);
        return false;
    }
    const QString pattern = query.value(0).toString();
    const bool isPattern = query.value(1).toBool();
    query.prepare(QStringLiteral("DELETE FROM usage_event_mappings WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    QString readError;
    const QStringList days = UsageRollup::daysMatching(db, pattern, isPattern, &readError);
    if (!readError.isEmpty()) {
        *error = readError;
        return false;
    }
    return UsageRollup::rerollDays(db, days, error);
}
