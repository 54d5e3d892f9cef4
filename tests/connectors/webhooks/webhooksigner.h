#pragma once

#include "webhooks/webhookrequest.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// Deliveries as each provider sends them, signed by the provider's own scheme from
// /work/shared/reference/saas-apis.md, for the receiver's tests and benchmark.
struct SignedDelivery
{
    QByteArray method = "POST";
    QByteArray target; // path and query
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString deliveryId; // what the receiver should record; empty: a digest of the body
};

namespace WebhookSigner {

// Every scheme signed here: the providers' names, plus "gitlab-standard" for GitLab's
// Standard Webhooks signing.
QStringList schemes();
// The provider (connector kind) of a scheme.
QString provider(const QString &scheme);
// True when the scheme carries a timestamp that can be too old.
bool hasTimestamp(const QString &scheme);

// A correct delivery to path (/hooks/<name>) numbered n, signed at the time at. publicBase is
// the scheme and host the service calls (HubSpot signs the whole URI).
SignedDelivery sign(const QString &scheme, const QByteArray &secret, const QByteArray &path, int n,
                    const QDateTime &at, const QByteArray &publicBase);
// The same delivery with one byte of what proves it changed: the signed body, or, where the
// body is not signed (a shared token, Basic credentials, a JWT), the credential.
SignedDelivery tampered(const QString &scheme, SignedDelivery delivery);

WebhookRequest toRequest(const SignedDelivery &delivery, const QDateTime &receivedAt,
                         const QByteArray &publicBase);

} // namespace WebhookSigner
