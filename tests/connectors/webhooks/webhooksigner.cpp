#include "webhooksigner.h"

#include "webhooks/verifiers/hubspotverifier.h"
#include "webhooks/verifiers/webhookverifier.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace {

QByteArray hexHmac(const QByteArray &secret, const QByteArray &body)
{
    return WebhookCrypto::hmacSha256(secret, body).toHex();
}

QByteArray number(qint64 value)
{
    return QByteArray::number(value);
}

void flipLastByte(QByteArray &bytes)
{
    bytes[bytes.size() - 1] = char(bytes.at(bytes.size() - 1) ^ 0x01);
}

QByteArray jwt(const QByteArray &secret, const QDateTime &at)
{
    const auto mode = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    const QByteArray header = QByteArray(R"({"alg":"HS256","typ":"JWT"})").toBase64(mode);
    const QByteArray claimsJson = QByteArray(R"({"accountId":1,"userId":2,"exp":)") +
                                  number(at.addSecs(300).toSecsSinceEpoch()) + '}';
    const QByteArray claims = claimsJson.toBase64(mode);
    const QByteArray signature =
        WebhookCrypto::hmacSha256(secret, header + '.' + claims).toBase64(mode);
    return header + '.' + claims + '.' + signature;
}

} // namespace

namespace WebhookSigner {

QStringList schemes()
{
    return {QStringLiteral("github"),          QStringLiteral("jira"),
            QStringLiteral("linear"),          QStringLiteral("asana"),
            QStringLiteral("notion"),          QStringLiteral("gitlab"),
            QStringLiteral("gitlab-standard"), QStringLiteral("hubspot"),
            QStringLiteral("pipedrive"),       QStringLiteral("mailchimp"),
            QStringLiteral("productboard"),    QStringLiteral("figma"),
            QStringLiteral("monday")};
}

QString provider(const QString &scheme)
{
    return scheme == QLatin1String("gitlab-standard") ? QStringLiteral("gitlab") : scheme;
}

bool hasTimestamp(const QString &scheme)
{
    return scheme == QLatin1String("linear") || scheme == QLatin1String("hubspot") ||
           scheme == QLatin1String("gitlab-standard") || scheme == QLatin1String("monday");
}

SignedDelivery sign(const QString &scheme, const QByteArray &secret, const QByteArray &path, int n,
                    const QDateTime &at, const QByteArray &publicBase)
{
    SignedDelivery d;
    d.target = path;
    const QByteArray id = "d-" + number(n);
    auto header = [&d](const QByteArray &name, const QByteArray &value) {
        d.headers.append({name, value});
    };
    header("Content-Type", "application/json");
    if (scheme == QLatin1String("github")) {
        d.body = R"({"action":"published","release":{"id":)" + number(n) + R"(,"tag_name":"v1.)" +
                 number(n) + R"(","name":"Rocket"},"repository":{"full_name":"acme/rocket"}})";
        header("X-GitHub-Event", "release");
        header("X-GitHub-Delivery", id);
        header("X-Hub-Signature-256", "sha256=" + hexHmac(secret, d.body));
        d.deliveryId = QString::fromLatin1(id);
    } else if (scheme == QLatin1String("jira")) {
        d.body = R"({"timestamp":)" + number(at.toMSecsSinceEpoch()) +
                 R"(,"webhookEvent":"jira:issue_updated","issue":{"id":")" + number(n) +
                 R"(","key":"ROCK-)" + number(n) + R"("}})";
        header("X-Atlassian-Webhook-Identifier", id);
        header("X-Hub-Signature", "sha256=" + hexHmac(secret, d.body));
        d.deliveryId = QString::fromLatin1(id);
    } else if (scheme == QLatin1String("linear")) {
        d.body = R"({"action":"create","type":"Issue","data":{"id":"issue-)" + number(n) +
                 R"(","title":"Crash on launch"},"webhookTimestamp":)" +
                 number(at.toMSecsSinceEpoch()) + '}';
        header("Linear-Event", "Issue");
        header("Linear-Delivery", id);
        header("Linear-Signature", hexHmac(secret, d.body));
        d.deliveryId = QString::fromLatin1(id);
    } else if (scheme == QLatin1String("asana")) {
        d.body = R"({"events":[{"action":"changed","resource":{"gid":")" + number(n) +
                 R"(","resource_type":"task"},"change":{"field":"name","action":"changed"}}]})";
        header("X-Hook-Signature", hexHmac(secret, d.body));
    } else if (scheme == QLatin1String("notion")) {
        d.body = R"({"id":"evt-)" + number(n) +
                 R"(","type":"page.content_updated","entity":{"id":"p)" + number(n) +
                 R"(","type":"page"}})";
        header("X-Notion-Signature", "sha256=" + hexHmac(secret, d.body));
    } else if (scheme == QLatin1String("gitlab") || scheme == QLatin1String("gitlab-standard")) {
        d.body = R"({"object_kind":"issue","event_type":"issue","object_attributes":{"iid":)" +
                 number(n) + R"(,"title":"Broken build"}})";
        header("X-Gitlab-Event", "Issue Hook");
        header("Idempotency-Key", id);
        if (scheme == QLatin1String("gitlab")) {
            header("X-Gitlab-Token", secret);
        } else {
            const QByteArray timestamp = number(at.toSecsSinceEpoch());
            header("webhook-id", id);
            header("webhook-timestamp", timestamp);
            const QByteArray key =
                secret.startsWith("whsec_") ? QByteArray::fromBase64(secret.mid(6)) : secret;
            const QByteArray signed_ = id + '.' + timestamp + '.' + d.body;
            header("webhook-signature", "v1," + WebhookCrypto::hmacSha256(key, signed_).toBase64());
        }
        d.deliveryId = QString::fromLatin1(id);
    } else if (scheme == QLatin1String("hubspot")) {
        d.body = R"([{"eventId":)" + number(n) +
                 R"(,"subscriptionType":"contact.propertyChange","objectId":)" + number(n) +
                 R"(,"propertyName":"lifecyclestage","propertyValue":"customer"}])";
        const QByteArray timestamp = number(at.toMSecsSinceEpoch());
        header("X-HubSpot-Request-Timestamp", timestamp);
        header("X-HubSpot-Signature-v3",
               HubSpotVerifier::signature(secret, "POST", publicBase + path, d.body, timestamp));
    } else if (scheme == QLatin1String("pipedrive")) {
        d.body =
            R"({"v":1,"event":"updated.deal","meta":{"action":"updated","object":"deal","id":)" +
            number(n) + R"(},"current":{"id":)" + number(n) + R"(,"title":"Big deal"}})";
        header("Authorization", "Basic " + secret.toBase64());
    } else if (scheme == QLatin1String("mailchimp")) {
        d.headers.clear();
        header("Content-Type", "application/x-www-form-urlencoded");
        d.body = "type=subscribe&fired_at=2026-11-28+10%3A00%3A00&data%5Bid%5D=" + number(n) +
                 "&data%5Bemail%5D=user" + number(n) + "%40example.com";
        d.target = path + "?secret=" + QUrl::toPercentEncoding(QString::fromUtf8(secret));
    } else if (scheme == QLatin1String("productboard")) {
        d.body =
            R"({"data":{"id":"f)" + number(n) +
            R"(","eventType":"feature.updated","links":{"target":"https://api.productboard.com/features/f)" +
            number(n) + R"("}}})";
        d.target = path + "?secret=" + QUrl::toPercentEncoding(QString::fromUtf8(secret));
    } else if (scheme == QLatin1String("figma")) {
        const QJsonObject object{{QStringLiteral("event_type"), QStringLiteral("FILE_COMMENT")},
                                 {QStringLiteral("passcode"), QString::fromUtf8(secret)},
                                 {QStringLiteral("timestamp"), at.toString(Qt::ISODate)},
                                 {QStringLiteral("webhook_id"), QStringLiteral("77")},
                                 {QStringLiteral("file_key"), QStringLiteral("k%1").arg(n)}};
        d.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    } else if (scheme == QLatin1String("monday")) {
        d.body = R"({"event":{"type":"update_column_value","boardId":1,"pulseId":)" + number(n) +
                 R"(,"value":{"label":"Done"}}})";
        header("Authorization", jwt(secret, at));
    }
    return d;
}

SignedDelivery tampered(const QString &scheme, SignedDelivery delivery)
{
    const bool bodyUnsigned = scheme == QLatin1String("gitlab") ||
                              scheme == QLatin1String("pipedrive") ||
                              scheme == QLatin1String("monday");
    const bool secretInQuery =
        scheme == QLatin1String("mailchimp") || scheme == QLatin1String("productboard");
    if (secretInQuery) {
        flipLastByte(delivery.target);
    } else if (bodyUnsigned) {
        for (auto &header : delivery.headers) {
            if (header.first == "X-Gitlab-Token") {
                flipLastByte(header.second);
            } else if (header.first == "Authorization" && header.second.startsWith("Basic ")) {
                // Changed inside the encoding: a changed padding character decodes the same.
                QByteArray credentials = QByteArray::fromBase64(header.second.mid(6));
                flipLastByte(credentials);
                header.second = "Basic " + credentials.toBase64();
            } else if (header.first == "Authorization") {
                // The JWT's first character: its signed header no longer says HS256.
                header.second[0] = char(header.second.at(0) ^ 0x01);
            }
        }
    } else if (scheme == QLatin1String("figma")) {
        delivery.body.replace("\"passcode\":\"", "\"passcode\":\"x");
    } else {
        // A digit of the body: the JSON stays valid, only the signature breaks.
        for (char &c : delivery.body) {
            if (c >= '0' && c <= '9') {
                c = c == '9' ? '0' : char(c + 1);
                break;
            }
        }
    }
    return delivery;
}

WebhookRequest toRequest(const SignedDelivery &delivery, const QDateTime &receivedAt,
                         const QByteArray &publicBase)
{
    WebhookRequest request;
    request.method = delivery.method;
    request.target = delivery.target;
    const qsizetype question = delivery.target.indexOf('?');
    if (question >= 0)
        request.query = QUrlQuery(QString::fromUtf8(delivery.target.mid(question + 1)));
    for (const auto &header : delivery.headers)
        request.headers.insert(header.first.toLower(), header.second);
    request.body = delivery.body;
    request.receivedAt = receivedAt;
    request.publicUrl = publicBase + delivery.target;
    return request;
}

} // namespace WebhookSigner
