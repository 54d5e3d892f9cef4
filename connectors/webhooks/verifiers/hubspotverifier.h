#pragma once

#include "webhookverifier.h"

// HubSpot's v3 signature: X-HubSpot-Signature-v3 is the base64 HMAC-SHA256, keyed with the
// app's client secret, of method + URI + body + X-HubSpot-Request-Timestamp, and the
// timestamp (ms) may be at most five minutes old. The URI is the one HubSpot called, so
// behind a tunnel the receiver must know its public address.
class HubSpotVerifier : public WebhookVerifier
{
public:
    static constexpr int ToleranceSeconds = 5 * 60;

    QString provider() const override { return QStringLiteral("hubspot"); }
    WebhookVerdict verify(const WebhookRequest &request, const QByteArray &secret) const override;

    static QByteArray signature(const QByteArray &secret, const QByteArray &method,
                                const QByteArray &uri, const QByteArray &body,
                                const QByteArray &timestamp);
};

// Monday: a JSON {"challenge": ...} echoed back when the webhook is set up, then deliveries
// whose Authorization header is an HS256 JWT signed with the app's signing secret.
class MondayVerifier : public WebhookVerifier
{
public:
    QString provider() const override { return QStringLiteral("monday"); }
    std::optional<WebhookVerdict> handshake(const WebhookRequest &request,
                                            bool hasSecret) const override;
    WebhookVerdict verify(const WebhookRequest &request, const QByteArray &secret) const override;
};
