#include "webhookjournal.h"

#include "isodate.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

const QString SelectEntry = QStringLiteral(
    "SELECT e.id, e.provider, e.delivery_id, e.source_id, e.event_type, e.received_at, "
    "e.payload, e.headers, e.status, e.error, e.attempts, e.processed_at, s.name "
    "FROM webhook_events e LEFT JOIN sources s ON s.id = e.source_id ");

WebhookJournal::Entry readEntry(const QSqlQuery &query)
{
    WebhookJournal::Entry entry;
    entry.event.id = query.value(0).toLongLong();
    entry.event.provider = query.value(1).toString();
    entry.event.deliveryId = query.value(2).toString();
    if (!query.value(3).isNull())
        entry.event.sourceId = query.value(3).toLongLong();
    entry.event.eventType = query.value(4).toString();
    entry.event.receivedAt = IsoDate::parse(query.value(5).toString());
    entry.event.payload = query.value(6).toByteArray();
    entry.event.headers = QJsonDocument::fromJson(query.value(7).toByteArray()).object();
    entry.status = query.value(8).toString();
    entry.error = query.value(9).toString();
    entry.attempts = query.value(10).toInt();
    if (!query.value(11).isNull())
        entry.processedAt = IsoDate::parse(query.value(11).toString());
    entry.sourceName = query.value(12).toString();
    return entry;
}

bool fail(const QSqlQuery &query, QString *error)
{
    if (error)
        *error = query.lastError().text();
    return false;
}

} // namespace

WebhookJournal::WebhookJournal(const QSqlDatabase &db)
    : m_db(db)
{
}

std::optional<qint64> WebhookJournal::record(const WebhookEvent &event, bool *duplicate,
                                             QString *error)
{
    QSqlQuery query(m_db);
    // The body is bound as a blob so that it is stored byte for byte, whatever its encoding.
    query.prepare(QStringLiteral(
        "INSERT INTO webhook_events(provider, delivery_id, source_id, event_type, received_at, "
        "payload, headers) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(provider, delivery_id) DO NOTHING"));
    query.addBindValue(event.provider);
    query.addBindValue(event.deliveryId);
    query.addBindValue(event.sourceId ? QVariant(*event.sourceId) : QVariant());
    query.addBindValue(event.eventType.isEmpty() ? QVariant() : QVariant(event.eventType));
    query.addBindValue(IsoDate::timestamp(event.receivedAt));
    query.addBindValue(event.payload.isNull() ? QByteArray("") : event.payload);
    query.addBindValue(
        QString::fromUtf8(QJsonDocument(event.headers).toJson(QJsonDocument::Compact)));
    if (!query.exec()) {
        fail(query, error);
        return std::nullopt;
    }
    if (query.numRowsAffected() == 1) {
        *duplicate = false;
        return query.lastInsertId().toLongLong();
    }
    *duplicate = true;
    query.prepare(
        QStringLiteral("SELECT id FROM webhook_events WHERE provider = ? AND delivery_id = ?"));
    query.addBindValue(event.provider);
    query.addBindValue(event.deliveryId);
    if (!query.exec() || !query.next()) {
        fail(query, error);
        return std::nullopt;
    }
    return query.value(0).toLongLong();
}

bool WebhookJournal::markOutcome(qint64 id, const QString &status, const QString &processingError,
                                 QString *error)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE webhook_events SET status = ?, error = ?, "
                                 "attempts = attempts + 1, processed_at = ? WHERE id = ?"));
    query.addBindValue(status);
    query.addBindValue(processingError.isEmpty() ? QVariant() : QVariant(processingError));
    query.addBindValue(IsoDate::timestamp(QDateTime::currentDateTimeUtc()));
    query.addBindValue(id);
    return query.exec() || fail(query, error);
}

bool WebhookJournal::requeue(qint64 id, QString *error)
{
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("UPDATE webhook_events SET status = 'received', error = NULL WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return fail(query, error);
    if (query.numRowsAffected() != 1) {
        if (error)
            *error = QObject::tr("There is no webhook delivery with id %1.").arg(id);
        return false;
    }
    return true;
}

QList<WebhookJournal::Entry> WebhookJournal::list(const Filter &filter, QString *error) const
{
    QString sql = SelectEntry + QStringLiteral("WHERE 1 = 1");
    QVariantList binds;
    if (!filter.status.isEmpty()) {
        sql += QStringLiteral(" AND e.status = ?");
        binds.append(filter.status);
    }
    if (!filter.provider.isEmpty()) {
        sql += QStringLiteral(" AND e.provider = ?");
        binds.append(filter.provider);
    }
    if (filter.sourceId) {
        sql += QStringLiteral(" AND e.source_id = ?");
        binds.append(*filter.sourceId);
    }
    sql += QStringLiteral(" ORDER BY e.received_at DESC, e.id DESC LIMIT ? OFFSET ?");
    binds << filter.limit << filter.offset;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &bind : std::as_const(binds))
        query.addBindValue(bind);
    QList<Entry> entries;
    if (!query.exec()) {
        fail(query, error);
        return entries;
    }
    while (query.next())
        entries.append(readEntry(query));
    return entries;
}

std::optional<WebhookJournal::Entry> WebhookJournal::get(qint64 id, QString *error) const
{
    QSqlQuery query(m_db);
    query.prepare(SelectEntry + QStringLiteral("WHERE e.id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        fail(query, error);
        return std::nullopt;
    }
    if (!query.next()) {
        if (error)
            *error = QObject::tr("There is no webhook delivery with id %1.").arg(id);
        return std::nullopt;
    }
    return readEntry(query);
}

QList<qint64> WebhookJournal::pending(int limit, QString *error) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id FROM webhook_events WHERE status = 'received' ORDER BY id LIMIT ?"));
    query.addBindValue(limit);
    QList<qint64> ids;
    if (!query.exec()) {
        fail(query, error);
        return ids;
    }
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

WebhookJournal::Counts WebhookJournal::counts(QString *error) const
{
    Counts counts;
    QSqlQuery query(m_db);
    if (!query.exec(
            QStringLiteral("SELECT status, count(*) FROM webhook_events GROUP BY status"))) {
        fail(query, error);
        return counts;
    }
    while (query.next()) {
        const QString status = query.value(0).toString();
        const int n = query.value(1).toInt();
        if (status == QLatin1String(Received))
            counts.received = n;
        else if (status == QLatin1String(Processed))
            counts.processed = n;
        else if (status == QLatin1String(Ignored))
            counts.ignored = n;
        else if (status == QLatin1String(Failed))
            counts.failed = n;
    }
    return counts;
}
