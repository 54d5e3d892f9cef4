#pragma once

#include "activity/hubevent.h"
#include "webhooks/webhookprocessor.h"

#include <QJsonValue>
#include <QStringList>
#include <QVariantList>

// Rows for one canonical table, with the columns a sync of the same records writes
// (external_id first, raw last), so a delivery and a sync upsert the same row.
struct TableRows
{
    QString table;
    QStringList columns;
    QList<QVariantList> rows;
};

// What one delivery stands for: rows to write and the hub events it is.
struct MappedDelivery
{
    WebhookProcessor::Result result = WebhookProcessor::Result::Ignored;
    QString error; // Failed: what is wrong, naming the field; Ignored: why
    QList<TableRows> writes;
    QList<HubEvent> events; // sourceId and webhook fields are filled in by the processor

    static MappedDelivery ignored(const QString &why);
    static MappedDelivery failed(const QString &why);
};

// Turns one provider's payloads into canonical rows and hub events. No database access:
// the processor writes what the mapper returns.
class PayloadMapper
{
public:
    virtual ~PayloadMapper() = default;
    // eventType: the provider's own event name as the receiver stored it (may be empty when
    // the provider names the event in the body).
    virtual MappedDelivery map(const QString &eventType, const QJsonValue &body,
                               qint64 sourceId) const = 0;
};
