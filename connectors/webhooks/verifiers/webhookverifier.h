#pragma once

#include "../webhookrequest.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

// What a verifier decided about one request.
struct WebhookVerdict
{
    enum class Kind {
        Accept, // authentic: store it
        Answer, // a handshake or URL probe: answer with the body below, store nothing
        Reject  // refused with status; store nothing
    };

    Kind kind = Kind::Reject;
    int status = 401;
    // Why a request was refused, for the log and the answer. Never holds a secret or signature.
    QString reason;
    QString deliveryId; // Accept: the provider's delivery id; empty means "a digest of the body"
    QString eventType;  // Accept: the provider's own event name, when it names one
    // Answer: what to send back.
    QByteArray responseBody;
    QByteArray contentType;
    QList<QPair<QByteArray, QByteArray>> responseHeaders;
    // Answer: a secret the service handed over in the handshake, to keep in the keychain.
    QByteArray learnedSecret;

    static WebhookVerdict accept(const QString &deliveryId, const QString &eventType);
    static WebhookVerdict reject(int status, const QString &reason);
    static WebhookVerdict unauthorized(const QString &reason) { return reject(401, reason); }
    // A timestamp outside the provider's window: the signature may be right, the request is
    // a replay or a badly delayed delivery.
    static WebhookVerdict stale(const QString &reason) { return reject(403, reason); }
};

// Checks that a request really comes from one provider, by that provider's own scheme.
// Verifiers hold no state and no secret: the receiver hands them the source's secret.
class WebhookVerifier
{
public:
    enum class BodyFormat { Json, Form, Any };

    virtual ~WebhookVerifier() = default;

    virtual QString provider() const = 0;
    // How the provider encodes deliveries; a JSON provider's unparsable body is answered 400.
    virtual BodyFormat bodyFormat() const { return BodyFormat::Json; }
    // POST for every provider; some also probe the URL with a GET.
    virtual bool acceptsMethod(const QByteArray &method) const { return method == "POST"; }
    // Requests answered before (and without) a secret: Asana's X-Hook-Secret handshake,
    // Productboard's and Mailchimp's GET probes, Monday's challenge. hasSecret tells whether
    // the source already has one, so that a handshake cannot replace a secret in place.
    virtual std::optional<WebhookVerdict> handshake(const WebhookRequest &request,
                                                    bool hasSecret) const
    {
        Q_UNUSED(request)
        Q_UNUSED(hasSecret)
        return std::nullopt;
    }
    virtual WebhookVerdict verify(const WebhookRequest &request,
                                  const QByteArray &secret) const = 0;
};

// The primitives every scheme shares.
namespace WebhookCrypto {

QByteArray hmacSha256(const QByteArray &key, const QByteArray &message);
// Compares without an early exit, so the time taken says nothing about where they differ.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);
// A JSON value of the body at a dotted path ("meta.action"), as text; empty when absent or
// when the body is not a JSON object.
QString jsonField(const QByteArray &body, const QString &path);
// A field of an application/x-www-form-urlencoded body.
QString formField(const QByteArray &body, const QString &name);
// Seconds or milliseconds since the epoch, told apart by magnitude; null when not a number.
QDateTime epochTime(const QByteArray &text);
// True when at lies within toleranceSeconds of now, either side.
bool withinWindow(const QDateTime &at, const QDateTime &now, int toleranceSeconds);

} // namespace WebhookCrypto
