#include "hmacverifier.h"

#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HmacVerifier", text);
}

// The handshake's secret must not be replaceable by whoever can reach the endpoint: once a
// secret is set, a new handshake is refused until the user clears it.
WebhookVerdict refusedHandshake()
{
    return WebhookVerdict::reject(
        403, tr("A handshake arrived but this source already has a signing secret; clear it "
                "with 'webhooks secret NAME' and an empty line to register again."));
}

} // namespace

HmacVerifier::HmacVerifier(HmacScheme scheme)
    : m_scheme(std::move(scheme))
{
}

std::optional<WebhookVerdict> HmacVerifier::handshake(const WebhookRequest &request,
                                                      bool hasSecret) const
{
    QByteArray offered;
    if (!m_scheme.handshakeHeader.isEmpty())
        offered = request.header(m_scheme.handshakeHeader);
    if (offered.isEmpty() && !m_scheme.handshakeField.isEmpty() &&
        request.header(m_scheme.signatureHeader).isEmpty())
        offered = WebhookCrypto::jsonField(request.body, m_scheme.handshakeField).toUtf8();
    if (offered.isEmpty())
        return std::nullopt;
    if (hasSecret)
        return refusedHandshake();
    WebhookVerdict verdict;
    verdict.kind = WebhookVerdict::Kind::Answer;
    verdict.status = 200;
    verdict.learnedSecret = offered;
    if (!m_scheme.handshakeHeader.isEmpty())
        verdict.responseHeaders.append({m_scheme.handshakeHeader, offered});
    return verdict;
}

WebhookVerdict HmacVerifier::verify(const WebhookRequest &request, const QByteArray &secret) const
{
    const QByteArray header = request.header(m_scheme.signatureHeader);
    if (header.isEmpty())
        return WebhookVerdict::unauthorized(
            tr("The %1 header is missing.").arg(QString::fromLatin1(m_scheme.signatureHeader)));
    if (!header.startsWith(m_scheme.prefix))
        return WebhookVerdict::unauthorized(tr("The %1 header is not of the form %2<digest>.")
                                                .arg(QString::fromLatin1(m_scheme.signatureHeader),
                                                     QString::fromLatin1(m_scheme.prefix)));
    const QByteArray encoded = header.mid(m_scheme.prefix.size()).trimmed();
    const QByteArray given = m_scheme.encoding == HmacScheme::Encoding::Hex
                                 ? QByteArray::fromHex(encoded)
                                 : QByteArray::fromBase64(encoded);
    const QByteArray expected = WebhookCrypto::hmacSha256(secret, request.body);
    if (!WebhookCrypto::constantTimeEquals(given, expected))
        return WebhookVerdict::unauthorized(tr("The signature does not match the body."));

    if (m_scheme.toleranceSeconds > 0) {
        QByteArray stamp;
        if (!m_scheme.timestampField.isEmpty())
            stamp = WebhookCrypto::jsonField(request.body, m_scheme.timestampField).toLatin1();
        if (stamp.isEmpty() && !m_scheme.timestampHeader.isEmpty())
            stamp = request.header(m_scheme.timestampHeader);
        const QDateTime at = WebhookCrypto::epochTime(stamp);
        if (!at.isValid())
            return WebhookVerdict::unauthorized(tr("The delivery carries no timestamp."));
        if (!WebhookCrypto::withinWindow(at, request.receivedAt, m_scheme.toleranceSeconds))
            return WebhookVerdict::stale(
                tr("The timestamp is more than %1 seconds away.").arg(m_scheme.toleranceSeconds));
    }

    QString eventType;
    if (!m_scheme.eventHeader.isEmpty())
        eventType = QString::fromUtf8(request.header(m_scheme.eventHeader));
    if (eventType.isEmpty() && !m_scheme.eventField.isEmpty())
        eventType = WebhookCrypto::jsonField(request.body, m_scheme.eventField);
    const QString delivery = m_scheme.deliveryHeader.isEmpty()
                                 ? QString()
                                 : QString::fromUtf8(request.header(m_scheme.deliveryHeader));
    return WebhookVerdict::accept(delivery, eventType);
}

HmacScheme HmacVerifier::github()
{
    HmacScheme s;
    s.provider = QStringLiteral("github");
    s.signatureHeader = "x-hub-signature-256";
    s.prefix = "sha256=";
    s.deliveryHeader = "x-github-delivery";
    s.eventHeader = "x-github-event";
    return s;
}

HmacScheme HmacVerifier::jira()
{
    HmacScheme s;
    s.provider = QStringLiteral("jira");
    s.signatureHeader = "x-hub-signature";
    s.prefix = "sha256=";
    s.deliveryHeader = "x-atlassian-webhook-identifier";
    s.eventField = QStringLiteral("webhookEvent");
    return s;
}

HmacScheme HmacVerifier::linear()
{
    HmacScheme s;
    s.provider = QStringLiteral("linear");
    s.signatureHeader = "linear-signature";
    s.deliveryHeader = "linear-delivery";
    s.eventHeader = "linear-event";
    s.eventField = QStringLiteral("type");
    s.timestampField = QStringLiteral("webhookTimestamp");
    s.timestampHeader = "linear-timestamp";
    s.toleranceSeconds = 60;
    return s;
}

HmacScheme HmacVerifier::asana()
{
    HmacScheme s;
    s.provider = QStringLiteral("asana");
    s.signatureHeader = "x-hook-signature";
    s.handshakeHeader = "x-hook-secret";
    return s;
}

HmacScheme HmacVerifier::notion()
{
    HmacScheme s;
    s.provider = QStringLiteral("notion");
    s.signatureHeader = "x-notion-signature";
    s.prefix = "sha256=";
    s.eventField = QStringLiteral("type");
    s.handshakeField = QStringLiteral("verification_token");
    return s;
}
