#include "httpclient.h"

#include "httpexchange.h"

#include <QThread>

struct HttpClient::Private
{
    QNetworkAccessManager *network = nullptr;
    RetryPolicy policy;
    RateLimitHeaders rateLimit;
    Authorizer authorizer;
    Refresher refresher;
    QList<Exchange *> exchanges; // in flight, in the order they were sent
};

HttpClient::HttpClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->network = network;
}

HttpClient::~HttpClient()
{
    // Requests still in flight are dropped without their callbacks: whoever owns the client
    // is being torn down and may not be able to receive them. Call cancelAll() first to
    // have them reported.
    const QList<Exchange *> exchanges = std::exchange(d->exchanges, {});
    qDeleteAll(exchanges);
}

void HttpClient::setRetryPolicy(const RetryPolicy &policy)
{
    d->policy = policy;
    d->policy.maxAttempts = qMax(1, policy.maxAttempts);
    d->policy.backoffMs = qMax(0, policy.backoffMs);
    d->policy.timeoutMs = qMax(1, policy.timeoutMs);
    d->policy.maxWaitSeconds = qMax(0, policy.maxWaitSeconds);
}

RetryPolicy HttpClient::retryPolicy() const
{
    return d->policy;
}

void HttpClient::setRateLimitHeaders(const RateLimitHeaders &headers)
{
    d->rateLimit = headers;
}

void HttpClient::setAuthorizer(Authorizer authorizer)
{
    d->authorizer = std::move(authorizer);
}

void HttpClient::setRefresher(Refresher refresher)
{
    d->refresher = std::move(refresher);
}

void HttpClient::send(const HttpRequest &request, Completion done)
{
    Q_ASSERT_X(thread() == QThread::currentThread(), "HttpClient::send",
               "requests must be sent on the thread the client lives on");
    HttpExchangeSettings settings{d->network, d->policy, d->rateLimit, d->authorizer, d->refresher};
    auto *exchange = new Exchange(
        std::move(settings), request, std::move(done),
        [this](Exchange *finished) { d->exchanges.removeOne(finished); }, this);
    d->exchanges.append(exchange);
    exchange->start();
}

void HttpClient::cancelAll()
{
    // Callbacks may send new requests; those are not part of this cancellation.
    const QList<Exchange *> exchanges = d->exchanges;
    for (Exchange *exchange : exchanges) {
        if (d->exchanges.contains(exchange))
            exchange->cancel();
    }
}
