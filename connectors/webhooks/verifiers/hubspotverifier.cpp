#include "hubspotverifier.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HubSpotVerifier", text);
}

} // namespace

QByteArray HubSpotVerifier::signature(const QByteArray &secret, const QByteArray &method,
                                      const QByteArray &uri, const QByteArray &body,
                                      const QByteArray &timestamp)
{
    return WebhookCrypto::hmacSha256(secret, method + uri + body + timestamp).toBase64();
}

WebhookVerdict HubSpotVerifier::verify(const WebhookRequest &request,
                                       const QByteArray &secret) const
{
    const QByteArray given = request.header("x-hubspot-signature-v3");
    const QByteArray timestamp = request.header("x-hubspot-request-timestamp");
    if (given.isEmpty() || timestamp.isEmpty())
        return WebhookVerdict::unauthorized(
            tr("The X-HubSpot-Signature-v3 or X-HubSpot-Request-Timestamp header is missing."));
    const QByteArray expected =
        signature(secret, request.method, request.publicUrl, request.body, timestamp);
    if (!WebhookCrypto::constantTimeEquals(QByteArray::fromBase64(given.trimmed()),
                                           QByteArray::fromBase64(expected)))
        return WebhookVerdict::unauthorized(tr("The signature does not match the request."));
    if (!WebhookCrypto::withinWindow(WebhookCrypto::epochTime(timestamp), request.receivedAt,
                                     ToleranceSeconds))
        return WebhookVerdict::stale(tr("The request timestamp is more than five minutes old."));
    return WebhookVerdict::accept(
        QString(), WebhookCrypto::jsonField(request.body, QStringLiteral("subscriptionType")));
}

std::optional<WebhookVerdict> MondayVerifier::handshake(const WebhookRequest &request,
                                                        bool hasSecret) const
{
    Q_UNUSED(hasSecret)
    const QJsonObject object = QJsonDocument::fromJson(request.body).object();
    if (object.size() != 1 || !object.value(QStringLiteral("challenge")).isString())
        return std::nullopt;
    WebhookVerdict verdict;
    verdict.kind = WebhookVerdict::Kind::Answer;
    verdict.status = 200;
    verdict.contentType = "application/json";
    verdict.responseBody = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return verdict;
}

WebhookVerdict MondayVerifier::verify(const WebhookRequest &request, const QByteArray &secret) const
{
    QByteArray token = request.header("authorization").trimmed();
    if (token.startsWith("Bearer "))
        token = token.mid(7).trimmed();
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return WebhookVerdict::unauthorized(tr("The Authorization header holds no JWT."));
    const auto base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    const QJsonObject header =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(0), base64Url)).object();
    if (header.value(QStringLiteral("alg")).toString() != QStringLiteral("HS256"))
        return WebhookVerdict::unauthorized(tr("The JWT is not signed with HS256."));
    const QByteArray expected = WebhookCrypto::hmacSha256(secret, parts.at(0) + '.' + parts.at(1));
    if (!WebhookCrypto::constantTimeEquals(QByteArray::fromBase64(parts.at(2), base64Url),
                                           expected))
        return WebhookVerdict::unauthorized(tr("The JWT signature does not match."));
    const QJsonObject claims =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), base64Url)).object();
    if (claims.contains(QStringLiteral("exp")) &&
        QDateTime::fromSecsSinceEpoch(qint64(claims.value(QStringLiteral("exp")).toDouble()),
                                      Qt::UTC) < request.receivedAt)
        return WebhookVerdict::stale(tr("The JWT has expired."));
    return WebhookVerdict::accept(
        QString(), WebhookCrypto::jsonField(request.body, QStringLiteral("event.type")));
}
