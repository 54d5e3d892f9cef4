#pragma once

#include "httptypes.h"

#include <QObject>

#include <functional>
#include <memory>

class QNetworkAccessManager;

// Sends requests asynchronously on the thread it lives on, with the retry policy of a
// connector: retries network errors, timeouts, 5xx and 429 with linear backoff; honours
// Retry-After and rate-limit reset headers; stops with RateLimited when the wait would be
// longer than the policy allows; on 401 asks the auth refresher once and retries once.
// Never logs secrets: Authorization and token-like values are redacted.
//
// Counting: every request sent is an attempt, including one repeated after a server-requested
// wait (Retry-After, rate-limit reset), so a request costs at most maxAttempts requests; the
// retry after a successful token refresh comes on top. When the attempts run out while the
// service is still throttling (429, or 403 with a spent quota), the outcome is RateLimited
// with resumeAt rather than Failed. Redirects are followed here (up to 10, never from HTTPS
// to HTTP) and do not count; credentials are only sent to the original host.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    using Completion = std::function<void(const HttpResult &)>;
    // Applied to every attempt, so a refreshed token is picked up by the retry.
    using Authorizer = std::function<void(HttpRequest &)>;
    // Called once on a 401; calls done(true) when new credentials are in place. done must
    // be called on the client's thread, and always (with false when refreshing failed).
    using Refresher = std::function<void(std::function<void(bool ok)> done)>;

    explicit HttpClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    // Drops requests still in flight without calling their callbacks; call cancelAll()
    // first to have them reported.
    ~HttpClient() override;

    void setRetryPolicy(const RetryPolicy &policy);
    RetryPolicy retryPolicy() const;
    void setRateLimitHeaders(const RateLimitHeaders &headers);
    void setAuthorizer(Authorizer authorizer);
    void setRefresher(Refresher refresher);

    // done is called exactly once, on this object's thread.
    void send(const HttpRequest &request, Completion done);
    // Ends every request in flight with Cancelled.
    void cancelAll();

private:
    class Exchange;
    struct Private;
    std::unique_ptr<Private> d;
};
