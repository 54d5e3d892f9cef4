#include "webhookreplay.h"

#include "isodate.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace WebhookReplay {

bool load(const QSqlDatabase &db, qint64 id, WebhookEvent *event, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT provider, delivery_id, source_id, event_type, "
                                 "received_at, payload FROM webhook_events WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    if (!query.next()) {
        *error = QCoreApplication::translate("WebhookReplay", "Delivery %1 is no longer stored.")
                     .arg(id);
        return false;
    }
    event->id = id;
    event->provider = query.value(0).toString();
    event->deliveryId = query.value(1).toString();
    event->sourceId =
        query.isNull(2) ? std::nullopt : std::optional<qint64>(query.value(2).toLongLong());
    event->eventType = query.value(3).toString();
    event->receivedAt = IsoDate::parse(query.value(4).toString());
    event->payload = query.value(5).toByteArray();
    return true;
}

bool replay(QSqlDatabase &db, WebhookProcessor &processor, qint64 id,
            WebhookProcessor::Outcome *outcome, QString *error)
{
    WebhookEvent event;
    if (!load(db, id, &event, error))
        return false;
    const WebhookProcessor::Outcome done = processor.process(db, event);
    QString status = QStringLiteral("processed");
    if (done.result == WebhookProcessor::Result::Ignored)
        status = QStringLiteral("ignored");
    else if (done.result == WebhookProcessor::Result::Failed)
        status = QStringLiteral("failed");
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE webhook_events SET status = ?, error = ? WHERE id = ?"));
    query.addBindValue(status);
    query.addBindValue(done.error.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                            : QVariant(done.error));
    query.addBindValue(id);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    if (outcome)
        *outcome = done;
    return true;
}

} // namespace WebhookReplay
