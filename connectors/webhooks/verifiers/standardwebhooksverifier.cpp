#include "standardwebhooksverifier.h"

#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("StandardWebhooksVerifier", text);
}

} // namespace

StandardWebhooksVerifier::StandardWebhooksVerifier(const QString &provider,
                                                   const QByteArray &eventHeader)
    : m_provider(provider)
    , m_eventHeader(eventHeader)
{
}

bool StandardWebhooksVerifier::applies(const WebhookRequest &request)
{
    return !request.header("webhook-signature").isEmpty();
}

QByteArray StandardWebhooksVerifier::key(const QByteArray &secret)
{
    if (secret.startsWith("whsec_"))
        return QByteArray::fromBase64(secret.mid(6));
    return secret;
}

WebhookVerdict StandardWebhooksVerifier::verify(const WebhookRequest &request,
                                                const QByteArray &secret) const
{
    const QByteArray id = request.header("webhook-id");
    const QByteArray timestamp = request.header("webhook-timestamp");
    const QByteArray signatures = request.header("webhook-signature");
    if (id.isEmpty() || timestamp.isEmpty() || signatures.isEmpty())
        return WebhookVerdict::unauthorized(
            tr("A webhook-id, webhook-timestamp or webhook-signature header is missing."));
    const QByteArray expected =
        WebhookCrypto::hmacSha256(key(secret), id + '.' + timestamp + '.' + request.body);
    bool matched = false;
    // Every entry is checked, so the time taken does not tell which one matched.
    for (const QByteArray &entry : signatures.split(' ')) {
        if (!entry.startsWith("v1,"))
            continue;
        if (WebhookCrypto::constantTimeEquals(QByteArray::fromBase64(entry.mid(3)), expected))
            matched = true;
    }
    if (!matched)
        return WebhookVerdict::unauthorized(tr("The signature does not match the body."));
    if (!WebhookCrypto::withinWindow(WebhookCrypto::epochTime(timestamp), request.receivedAt,
                                     ToleranceSeconds))
        return WebhookVerdict::stale(tr("The webhook-timestamp is more than five minutes away."));
    const QString eventType =
        m_eventHeader.isEmpty() ? QString() : QString::fromUtf8(request.header(m_eventHeader));
    return WebhookVerdict::accept(QString::fromUtf8(id), eventType);
}

WebhookVerdict GitLabVerifier::verify(const WebhookRequest &request, const QByteArray &secret) const
{
    if (StandardWebhooksVerifier::applies(request))
        return StandardWebhooksVerifier(provider(), "x-gitlab-event").verify(request, secret);
    const QByteArray token = request.header("x-gitlab-token");
    if (token.isEmpty())
        return WebhookVerdict::unauthorized(tr("The X-Gitlab-Token header is missing."));
    if (!WebhookCrypto::constantTimeEquals(token, secret))
        return WebhookVerdict::unauthorized(tr("The X-Gitlab-Token does not match."));
    QByteArray delivery = request.header("idempotency-key");
    if (delivery.isEmpty())
        delivery = request.header("x-gitlab-event-uuid");
    return WebhookVerdict::accept(QString::fromUtf8(delivery),
                                  QString::fromUtf8(request.header("x-gitlab-event")));
}
