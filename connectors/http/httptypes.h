#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

// One HTTP request as the connector engine builds it.
struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // When set, a 2xx response's body is written to this file (replacing what it held) rather
    // than kept in memory, with no size limit: for exports too large to hold. Error bodies
    // are still kept in the response.
    QString saveBodyTo;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const; // case-insensitive
};

// What came back from the server, whole.
struct HttpResponse
{
    int status = 0;
    QUrl url; // the final URL
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    qint64 savedBytes = 0; // with HttpRequest::saveBodyTo: the body's bytes in the file

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
};

// How a request ended after every retry the policy allowed.
enum class HttpOutcome {
    Ok,           // a 2xx response with a complete body (or 304 to a conditional request)
    Failed,       // network error, timeout, 4xx/5xx after retries, truncated or oversized body
    RateLimited,  // the server asks us to wait longer than the policy allows
    Unauthorized, // 401 (or 403 the auth refresher could not fix)
    Cancelled,
};

struct HttpResult
{
    HttpOutcome outcome = HttpOutcome::Failed;
    HttpResponse response; // the last response received, if any
    QString error;         // for the user: names the URL (redacted) and the reason
    QDateTime resumeAt;    // with RateLimited: when the server will accept requests again (UTC)
    int attempts = 0;

    bool ok() const { return outcome == HttpOutcome::Ok; }
};

// When and how to retry. Defaults follow the architecture: 3 attempts, linear backoff.
struct RetryPolicy
{
    int maxAttempts = 3;                    // attempts in all, including the first
    int backoffMs = 1000;                   // wait backoffMs * attempt before retrying (linear)
    int timeoutMs = 30000;                  // per attempt: no bytes for this long fails the attempt
    qint64 maxBodyBytes = 64 * 1024 * 1024; // larger responses fail cleanly
    // Waits asked by the server (Retry-After, rate-limit reset) up to this long are honoured
    // by sleeping; longer ones end the request as RateLimited with resumeAt.
    int maxWaitSeconds = 120;
};

// The rate-limit headers a service sends, from its manifest.
struct RateLimitHeaders
{
    QByteArray remaining; // e.g. x-ratelimit-remaining
    QByteArray reset;     // e.g. x-ratelimit-reset
    enum class ResetKind {
        EpochSeconds,
        EpochMilliseconds,
        SecondsFromNow
    } resetKind = ResetKind::EpochSeconds;
};
