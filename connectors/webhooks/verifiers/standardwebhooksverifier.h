#pragma once

#include "webhookverifier.h"

// The Standard Webhooks scheme: webhook-signature carries "v1,<base64 HMAC-SHA256>" entries
// (space separated, any may match) over "{webhook-id}.{webhook-timestamp}.{body}", with a
// five-minute window on webhook-timestamp. A secret of the form "whsec_<base64>" is the
// base64 of the key; any other secret is the key itself.
class StandardWebhooksVerifier : public WebhookVerifier
{
public:
    static constexpr int ToleranceSeconds = 5 * 60;

    explicit StandardWebhooksVerifier(const QString &provider, const QByteArray &eventHeader = {});

    QString provider() const override { return m_provider; }
    WebhookVerdict verify(const WebhookRequest &request, const QByteArray &secret) const override;

    static bool applies(const WebhookRequest &request);
    static QByteArray key(const QByteArray &secret);

private:
    QString m_provider;
    QByteArray m_eventHeader;
};

// GitLab: the classic X-Gitlab-Token (the secret verbatim), or, with a signing token,
// Standard Webhooks headers.
class GitLabVerifier : public WebhookVerifier
{
public:
    QString provider() const override { return QStringLiteral("gitlab"); }
    WebhookVerdict verify(const WebhookRequest &request, const QByteArray &secret) const override;
};
