#pragma once

#include "webhookverifier.h"

// The providers that sign the raw body with HMAC-SHA256 and differ only in where the
// signature, delivery id and event name travel: one table row each.
struct HmacScheme
{
    enum class Encoding { Hex, Base64 };

    QString provider;
    QByteArray signatureHeader;
    QByteArray prefix; // before the digest, as in "sha256="
    Encoding encoding = Encoding::Hex;
    QByteArray deliveryHeader; // empty: the receiver uses a digest of the body
    QByteArray eventHeader;
    QString eventField; // a body field naming the event when no header does (dotted path)
    // A signed timestamp in the body (Linear), else in a header; none when both are empty.
    QString timestampField;
    QByteArray timestampHeader;
    int toleranceSeconds = 0;
    // A handshake header whose value is echoed back and becomes the secret (Asana).
    QByteArray handshakeHeader;
    // A body field the service sends once, unsigned, carrying the secret (Notion).
    QString handshakeField;
};

class HmacVerifier : public WebhookVerifier
{
public:
    explicit HmacVerifier(HmacScheme scheme);

    QString provider() const override { return m_scheme.provider; }
    std::optional<WebhookVerdict> handshake(const WebhookRequest &request,
                                            bool hasSecret) const override;
    WebhookVerdict verify(const WebhookRequest &request, const QByteArray &secret) const override;

    static HmacScheme github();
    static HmacScheme jira();
    static HmacScheme linear();
    static HmacScheme asana();
    static HmacScheme notion();

private:
    HmacScheme m_scheme;
};
