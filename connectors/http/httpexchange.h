#pragma once

#include "httpclient.h"
#include "httpfailuretext.h"

#include <QElapsedTimer>
#include <QTimer>

#include <memory>
#include <optional>

class QFile;
class QNetworkReply;

// Private to HttpClient: the engine and others use httpclient.h only.

// What an exchange needs from its client, copied when it starts so that changing the
// client's settings does not alter requests already in flight.
struct HttpExchangeSettings
{
    QNetworkAccessManager *network = nullptr;
    RetryPolicy policy;
    RateLimitHeaders rateLimit;
    HttpClient::Authorizer authorizer;
    HttpClient::Refresher refresher;
};

// One request from its first attempt to its result. A small state machine:
// Sending -> Waiting (backoff or server-requested pause) -> Sending ... -> Done, with a
// detour through Refreshing on the first 401. Redirect hops stay inside one attempt.
class HttpClient::Exchange : public QObject
{
public:
    using Forget = std::function<void(Exchange *)>;

    Exchange(HttpExchangeSettings settings, HttpRequest request, Completion done, Forget forget,
             QObject *parent);
    ~Exchange() override;

    void start();
    void cancel();

private:
    enum class State { Idle, Sending, Waiting, Refreshing, Done };

    void sendAttempt();
    void sendHop();
    QNetworkReply *dispatch(const HttpRequest &outgoing);
    QNetworkReply *detachReply();

    void onMetaDataChanged();
    void onReadyRead();
    // With saveBodyTo: false (and the exchange finished) when the file cannot be written.
    bool saveChunk(const QByteArray &chunk);
    void onTimeout();
    void onFinished();

    void handleStatus();
    void handleUnauthorized();
    void followRedirect();
    void retryOrGiveUp(const QString &reason, std::optional<QDateTime> serverResume,
                       qint64 marginMs, bool throttled);
    void failOversized();
    void finish(HttpOutcome outcome, const QString &error, const QDateTime &resumeAt = {});

    QString statusText() const;
    // "GET <redacted url> failed: <reason>[ after N attempts][; the service says: ...][; advice]"
    QString failureText(const QString &reason, bool withAttempts, const QString &advice = {}) const;

    HttpExchangeSettings m_settings;
    HttpRequest m_request; // as the caller sent it
    HttpRequest m_hop;     // this attempt's current hop (differs after a redirect)
    Completion m_done;
    Forget m_forget;

    State m_state = State::Idle;
    QNetworkReply *m_reply = nullptr;
    HttpResponse m_response;
    QString m_reasonPhrase;
    qint64 m_expectedBytes = -1;
    int m_attempts = 0;
    int m_redirects = 0;
    bool m_refreshed = false;
    HttpFailureText m_text;
    QTimer m_timeout;
    QTimer m_wait;
    QElapsedTimer m_elapsed;
    std::unique_ptr<QFile> m_sink; // with saveBodyTo, once a 2xx status arrived
};
