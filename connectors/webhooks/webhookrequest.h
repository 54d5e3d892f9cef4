#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QUrlQuery>

// One HTTP request as it reached /hooks/<source name>, before anything trusts it.
struct WebhookRequest
{
    QByteArray method;                     // "POST", "GET", ...
    QByteArray target;                     // the request target as sent: path and query
    QUrlQuery query;                       // decoded query of target
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;                       // raw, byte for byte
    QDateTime receivedAt;                  // UTC; the clock timestamp windows are checked against
    QByteArray publicUrl; // the URL the service called (scheme, host, target), for HubSpot

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};
