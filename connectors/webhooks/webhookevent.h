#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

// One delivery exactly as the receiver stored it in webhook_events, before any processing.
// The receiver owns storing it; processors only read it.
struct WebhookEvent
{
    qint64 id = 0;                  // webhook_events.id
    QString provider;               // the connector kind of the source: "github", "linear", ...
    QString deliveryId;             // the provider's delivery id, or a digest of the body
    std::optional<qint64> sourceId; // the source whose endpoint (/hooks/<source name>) took it
    QString eventType;              // the provider's own event name (X-GitHub-Event, ...)
    QDateTime receivedAt;           // UTC
    QByteArray payload;             // the raw body, byte for byte
    // The request's headers (lower-case names), without those carrying a secret or signature.
    QJsonObject headers;
};
