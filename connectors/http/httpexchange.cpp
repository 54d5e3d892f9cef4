#include "httpexchange.h"

#include "logging.h"
#include "redaction.h"
#include "serverwait.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

#include <limits>

namespace {

constexpr int maxRedirects = 10;
// Rate-limit resets have one-second resolution and the server's clock is not ours: waiting
// a little past the reset avoids spending an attempt on a request that is still refused.
constexpr qint64 resetMarginMs = 1000;

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(a.scheme() == QLatin1String("https") ? 443 : 80) ==
               b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}

// Errors where the transport failed, as opposed to an HTTP status Qt turned into an error.
// Qt files an HTTP 400 among the protocol errors (ProtocolInvalidOperationError): with a 400
// status it is the service's answer, whose body says what was wrong.
bool isTransportError(QNetworkReply::NetworkError error, int httpStatus)
{
    if (error == QNetworkReply::ProtocolInvalidOperationError && httpStatus == 400)
        return false;
    const int code = int(error);
    return (code > 0 && code < 200) || (code >= 300 && code < 400);
}

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'g', 3);
}

} // namespace

HttpClient::Exchange::Exchange(HttpExchangeSettings settings, HttpRequest request, Completion done,
                               Forget forget, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_request(std::move(request))
    , m_done(std::move(done))
    , m_forget(std::move(forget))
    , m_text(m_request)
{
    m_timeout.setSingleShot(true);
    m_wait.setSingleShot(true);
    // A coarse timer may fire a little early, and a wait for a rate-limit reset must not.
    m_wait.setTimerType(Qt::PreciseTimer);
    connect(&m_timeout, &QTimer::timeout, this, [this] { onTimeout(); });
    connect(&m_wait, &QTimer::timeout, this, [this] { sendAttempt(); });
}

HttpClient::Exchange::~Exchange()
{
    if (m_reply)
        detachReply()->abort();
}

void HttpClient::Exchange::start()
{
    const QString scheme = m_request.url.scheme();
    if (!m_settings.network || !m_request.url.isValid() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        // Reported from the event loop so done never runs inside send().
        QMetaObject::invokeMethod(
            this,
            [this] {
                finish(HttpOutcome::Failed,
                       failureText(HttpClient::tr("not a valid HTTP or HTTPS address"), false));
            },
            Qt::QueuedConnection);
        return;
    }
    sendAttempt();
}

void HttpClient::Exchange::cancel()
{
    if (m_state == State::Done)
        return;
    if (m_reply)
        detachReply()->abort();
    finish(HttpOutcome::Cancelled, failureText(HttpClient::tr("cancelled"), false));
}

void HttpClient::Exchange::sendAttempt()
{
    ++m_attempts;
    m_redirects = 0;
    m_hop = m_request;
    sendHop();
}

void HttpClient::Exchange::sendHop()
{
    HttpRequest outgoing = m_hop;
    if (sameOrigin(outgoing.url, m_request.url)) {
        if (m_settings.authorizer)
            m_settings.authorizer(outgoing);
    } else {
        // Credentials for one service must not follow a redirect to another host.
        outgoing.headers.removeIf([](const auto &header) {
            const QByteArray name = header.first.toLower();
            return name == "authorization" || name == "cookie";
        });
    }
    m_text.rememberCredentials(outgoing);

    m_response = HttpResponse();
    m_reasonPhrase.clear();
    m_expectedBytes = -1;
    m_sink.reset();
    m_state = State::Sending;
    m_elapsed.start();

    if (hubHttp().isDebugEnabled()) {
        QStringList headers;
        for (const auto &[name, value] : std::as_const(outgoing.headers))
            headers.append(QString::fromLatin1(name + ": " + Redaction::headerValue(name, value)));
        qCDebug(hubHttp).noquote()
            << QStringLiteral("%1 %2 (attempt %3 of %4%5)%6")
                   .arg(QString::fromLatin1(outgoing.method), Redaction::url(outgoing.url))
                   .arg(m_attempts)
                   .arg(m_settings.policy.maxAttempts)
                   .arg(m_redirects ? QStringLiteral(", redirect %1").arg(m_redirects) : QString())
                   .arg(headers.isEmpty()
                            ? QString()
                            : QString(QStringLiteral(" [") + headers.join(QStringLiteral(", ")) +
                                      QLatin1Char(']')));
    }

    m_reply = dispatch(outgoing);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] { onMetaDataChanged(); });
    connect(m_reply, &QIODevice::readyRead, this, [this] { onReadyRead(); });
    connect(m_reply, &QNetworkReply::uploadProgress, this, [this] { m_timeout.start(); });
    connect(m_reply, &QNetworkReply::finished, this, [this] { onFinished(); });
    m_timeout.start(m_settings.policy.timeoutMs);
}

QNetworkReply *HttpClient::Exchange::dispatch(const HttpRequest &outgoing)
{
    QNetworkRequest request(outgoing.url);
    for (const auto &[name, value] : outgoing.headers)
        request.setRawHeader(name, value);
    // Redirects are followed here, so credentials can be dropped when the host changes.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);

    QNetworkAccessManager *network = m_settings.network;
    const QByteArray method = outgoing.method.toUpper();
    if (method == "GET" && outgoing.body.isEmpty())
        return network->get(request);
    if (method == "HEAD")
        return network->head(request);
    if (method == "POST")
        return network->post(request, outgoing.body);
    if (method == "PUT")
        return network->put(request, outgoing.body);
    return network->sendCustomRequest(request, method, outgoing.body);
}

QNetworkReply *HttpClient::Exchange::detachReply()
{
    m_timeout.stop();
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    disconnect(reply, nullptr, this, nullptr);
    reply->deleteLater();
    return reply;
}

void HttpClient::Exchange::onMetaDataChanged()
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!m_request.saveBodyTo.isEmpty() && status >= 200 && status < 300 && !m_sink) {
        // Each attempt starts the file afresh, so a retried download never appends.
        m_sink = std::make_unique<QFile>(m_request.saveBodyTo);
        if (!m_sink->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            const QString reason = HttpClient::tr("cannot write the response to %1: %2")
                                       .arg(m_request.saveBodyTo, m_sink->errorString());
            detachReply()->abort();
            m_sink.reset();
            finish(HttpOutcome::Failed, failureText(reason, false));
            return;
        }
    }
    if (m_sink)
        return; // a saved body has no size limit and is not held in memory
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (!length.isValid())
        return;
    m_expectedBytes = length.toLongLong();
    // A HEAD response announces the size of a body it does not send.
    if (m_hop.method.toUpper() != "HEAD" && m_expectedBytes > m_settings.policy.maxBodyBytes) {
        failOversized();
        return;
    }
    m_response.body.reserve(qsizetype(m_expectedBytes));
}

bool HttpClient::Exchange::saveChunk(const QByteArray &chunk)
{
    if (chunk.isEmpty())
        return true;
    if (m_sink->write(chunk) != chunk.size()) {
        const QString reason = HttpClient::tr("cannot write the response to %1: %2")
                                   .arg(m_request.saveBodyTo, m_sink->errorString());
        if (m_reply)
            detachReply()->abort();
        m_sink.reset();
        finish(HttpOutcome::Failed, failureText(reason, false));
        return false;
    }
    m_response.savedBytes += chunk.size();
    return true;
}

void HttpClient::Exchange::onReadyRead()
{
    m_timeout.start();
    if (m_sink) {
        saveChunk(m_reply->readAll());
        return;
    }
    m_response.body.append(m_reply->readAll());
    if (m_response.body.size() > m_settings.policy.maxBodyBytes)
        failOversized();
}

void HttpClient::Exchange::onTimeout()
{
    detachReply()->abort();
    qCDebug(hubHttp).noquote() << QStringLiteral("%1 %2: no data for %3 s")
                                      .arg(QString::fromLatin1(m_request.method),
                                           Redaction::url(m_hop.url),
                                           seconds(m_settings.policy.timeoutMs));
    m_response = HttpResponse();
    retryOrGiveUp(
        HttpClient::tr("timed out (no data for %1 s)").arg(seconds(m_settings.policy.timeoutMs)),
        std::nullopt, 0, false);
}

void HttpClient::Exchange::onFinished()
{
    QNetworkReply *reply = detachReply();
    if (m_sink) {
        if (!saveChunk(reply->readAll()))
            return;
        m_sink->close();
    } else {
        m_response.body.append(reply->readAll());
    }
    const qint64 received = m_sink ? m_response.savedBytes : qint64(m_response.body.size());
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    m_response.status = status.toInt();
    m_response.url = reply->url();
    m_response.headers = reply->rawHeaderPairs();
    m_reasonPhrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();

    qCDebug(hubHttp).noquote() << QStringLiteral("%1 %2: HTTP %3, %4 bytes in %5 ms")
                                      .arg(QString::fromLatin1(m_hop.method),
                                           Redaction::url(m_hop.url))
                                      .arg(m_response.status)
                                      .arg(m_response.body.size())
                                      .arg(m_elapsed.elapsed());

    if (!status.isValid()) {
        retryOrGiveUp(m_text.networkError(*reply, m_hop.url), std::nullopt, 0, false);
        return;
    }
    // Qt turns a connection closed before Content-Length bytes into a transport error; the
    // length check also covers a reply that finishes quietly short. Compressed bodies are
    // longer than their Content-Length once Qt inflates them, so they are not compared.
    const bool hasBody =
        m_hop.method.toUpper() != "HEAD" && m_response.status != 204 && m_response.status != 304;
    const bool shortBody = hasBody && m_expectedBytes >= 0 &&
                           m_response.header("content-encoding").isEmpty() &&
                           received < m_expectedBytes;
    if (isTransportError(reply->error(), m_response.status) || shortBody) {
        const QString reason =
            m_expectedBytes >= 0
                ? HttpClient::tr("the response body was truncated (%1 of %2 bytes received)")
                      .arg(received)
                      .arg(m_expectedBytes)
                : HttpClient::tr("the response body was truncated (%1)")
                      .arg(m_text.networkError(*reply, m_hop.url));
        m_response.body.clear();
        retryOrGiveUp(reason, std::nullopt, 0, false);
        return;
    }
    handleStatus();
}

void HttpClient::Exchange::handleStatus()
{
    const int status = m_response.status;
    // 304 answers a conditional request the caller made (ETag, If-Modified-Since).
    if ((status >= 200 && status < 300) || status == 304) {
        finish(HttpOutcome::Ok, {});
        return;
    }
    if ((status == 301 || status == 302 || status == 303 || status == 307 || status == 308) &&
        !m_response.header("location").isEmpty()) {
        followRedirect();
        return;
    }
    if (status == 401) {
        handleUnauthorized();
        return;
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::optional<QDateTime> resume = ServerWait::retryAfter(m_response.header("retry-after"), now);
    qint64 marginMs = 0;
    if (const auto reset = ServerWait::rateLimitReset(m_response, m_settings.rateLimit, now)) {
        if (!resume || *reset > *resume) {
            resume = reset;
            marginMs = resetMarginMs;
        }
    }
    // GitHub signals its limits with 403 as well as 429; a 403 without a spent quota or a
    // Retry-After is a permission problem that retrying cannot fix.
    const bool throttled = status == 429 || (status == 403 && resume);
    if (throttled || status >= 500) {
        retryOrGiveUp(statusText(), resume, marginMs, throttled);
        return;
    }
    finish(HttpOutcome::Failed, failureText(statusText(), false));
}

void HttpClient::Exchange::handleUnauthorized()
{
    if (!m_settings.refresher || m_refreshed) {
        finish(HttpOutcome::Unauthorized, failureText(statusText(), false));
        return;
    }
    m_refreshed = true;
    m_state = State::Refreshing;
    qCDebug(hubHttp).noquote() << QStringLiteral("%1 %2: HTTP 401, refreshing credentials")
                                      .arg(QString::fromLatin1(m_request.method),
                                           Redaction::url(m_request.url));
    QPointer<Exchange> self(this);
    m_settings.refresher([self](bool ok) {
        // Ignored when the exchange was cancelled meanwhile or done is called twice.
        if (!self || self->m_state != State::Refreshing)
            return;
        if (ok) {
            self->sendAttempt();
            return;
        }
        self->finish(
            HttpOutcome::Unauthorized,
            self->failureText(HttpClient::tr("%1, and the credentials could not be refreshed")
                                  .arg(self->statusText()),
                              false));
    });
}

void HttpClient::Exchange::followRedirect()
{
    const QUrl target =
        m_hop.url.resolved(QUrl::fromEncoded(m_response.header("location").trimmed()));
    if (++m_redirects > maxRedirects) {
        finish(HttpOutcome::Failed, failureText(HttpClient::tr("too many redirects"), false));
        return;
    }
    const bool downgrade =
        m_hop.url.scheme() == QLatin1String("https") && target.scheme() != QLatin1String("https");
    if (!target.isValid() || downgrade ||
        (target.scheme() != QLatin1String("http") && target.scheme() != QLatin1String("https"))) {
        finish(HttpOutcome::Failed,
               failureText(HttpClient::tr("refused a redirect to %1").arg(Redaction::url(target)),
                           false));
        return;
    }
    const int status = m_response.status;
    const QByteArray method = m_hop.method.toUpper();
    if (status == 303 ||
        ((status == 301 || status == 302) && method != "GET" && method != "HEAD")) {
        // What browsers and RFC 9110 do: the redirected request becomes a GET without body.
        m_hop.method = method == "HEAD" ? method : QByteArray("GET");
        m_hop.body.clear();
        m_hop.headers.removeIf([](const auto &header) {
            return header.first.compare("content-type", Qt::CaseInsensitive) == 0;
        });
    }
    m_hop.url = target;
    sendHop();
}

void HttpClient::Exchange::retryOrGiveUp(const QString &reason,
                                         std::optional<QDateTime> serverResume, qint64 marginMs,
                                         bool throttled)
{
    const RetryPolicy &policy = m_settings.policy;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 waitMs = qint64(policy.backoffMs) * m_attempts;
    if (serverResume) {
        waitMs = qMax<qint64>(0, now.msecsTo(*serverResume)) + marginMs;
        if (waitMs > qint64(policy.maxWaitSeconds) * 1000) {
            finish(HttpOutcome::RateLimited,
                   failureText(reason, false,
                               HttpClient::tr("the service accepts requests again at %1")
                                   .arg(serverResume->toString(Qt::ISODate))),
                   *serverResume);
            return;
        }
    }
    // A retry after a token refresh is extra: the refresh itself was not the service failing.
    const int budget = policy.maxAttempts + (m_refreshed ? 1 : 0);
    if (m_attempts >= budget) {
        if (throttled) {
            const QDateTime resumeAt = serverResume.value_or(now.addMSecs(waitMs));
            finish(HttpOutcome::RateLimited,
                   failureText(
                       reason, true,
                       HttpClient::tr("try again after %1").arg(resumeAt.toString(Qt::ISODate))),
                   resumeAt);
        } else {
            finish(HttpOutcome::Failed, failureText(reason, true));
        }
        return;
    }
    qCDebug(hubHttp).noquote() << QStringLiteral("%1 %2: %3; retrying in %4 ms")
                                      .arg(QString::fromLatin1(m_request.method),
                                           Redaction::url(m_request.url), m_text.scrubbed(reason))
                                      .arg(waitMs);
    m_state = State::Waiting;
    m_wait.start(int(qMin<qint64>(waitMs, std::numeric_limits<int>::max())));
}

void HttpClient::Exchange::failOversized()
{
    detachReply()->abort();
    m_response.body.clear();
    const qint64 limit = m_settings.policy.maxBodyBytes;
    const QString reason =
        m_expectedBytes > limit
            ? HttpClient::tr("the response (%1 bytes) is larger than the limit of %2 bytes")
                  .arg(m_expectedBytes)
                  .arg(limit)
            : HttpClient::tr("the response is larger than the limit of %1 bytes").arg(limit);
    finish(HttpOutcome::Failed, failureText(reason, false));
}

void HttpClient::Exchange::finish(HttpOutcome outcome, const QString &error,
                                  const QDateTime &resumeAt)
{
    if (m_state == State::Done)
        return;
    m_state = State::Done;
    m_wait.stop();
    m_timeout.stop();

    HttpResult result;
    result.outcome = outcome;
    result.response = std::move(m_response);
    result.error = error;
    result.resumeAt = resumeAt;
    result.attempts = m_attempts;

    if (outcome == HttpOutcome::Ok || outcome == HttpOutcome::Cancelled)
        qCDebug(hubHttp).noquote()
            << (error.isEmpty()
                    ? QStringLiteral("%1 %2: done")
                          .arg(QString::fromLatin1(m_request.method), Redaction::url(m_request.url))
                    : error);
    else
        qCWarning(hubHttp).noquote() << error;

    // The callback may delete the client (and with it this exchange), so nothing of this
    // object is used after it runs.
    Completion done = std::move(m_done);
    m_done = nullptr;
    m_forget(this);
    deleteLater();
    if (done)
        done(result);
}

QString HttpClient::Exchange::statusText() const
{
    return HttpFailureText::status(m_response.status, m_reasonPhrase);
}

QString HttpClient::Exchange::failureText(const QString &reason, bool withAttempts,
                                          const QString &advice) const
{
    return m_text.compose(reason, withAttempts ? m_attempts : 0, m_response, advice);
}
