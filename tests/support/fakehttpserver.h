#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>

// A real HTTP/1.1 server on 127.0.0.1 for tests, imitating a service's API. It runs on its own
// thread, so a test may block (QProcess::waitForFinished, blocking sockets) while it answers.
// Keep-alive with Content-Length framing; requests on one connection are answered in order.
// Faults are injected at the byte level: truncated bodies, dropped connections, delays.
class FakeHttpServer
{
public:
    struct Request
    {
        QByteArray method;
        QString path; // decoded, without the query
        QUrlQuery query;
        QUrl url; // absolute, on this server
        QByteArray body;
        QHash<QByteArray, QByteArray> headers; // names in lower case

        QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    };

    struct Response
    {
        enum class Fault {
            None,
            TruncateBody,         // announces the full Content-Length, sends half the body, closes
            CloseWithoutResponse, // closes the connection instead of answering
            DelayMs,              // answers after delayMs (pick one past the client's timeout)
        };

        int status = 200;
        // Content-Length is added when absent, unless a "Connection: close" header asks for a
        // body delimited by closing the connection.
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        Fault fault = Fault::None;
        int delayMs = 0;

        Response &withHeader(const QByteArray &name, const QByteArray &value);

        static Response json(const QByteArray &body, int status = 200);
        static Response html(int status, const QByteArray &body);
        // A 200 JSON response (a body of a few KB) that suffers the fault; set body to change.
        static Response faulty(Fault fault, int delayMs = 0);
    };

    using Handler = std::function<Response(const Request &)>;

    FakeHttpServer();
    ~FakeHttpServer();
    FakeHttpServer(const FakeHttpServer &) = delete;
    FakeHttpServer &operator=(const FakeHttpServer &) = delete;

    // Listens on a free port of 127.0.0.1; false when that is impossible.
    bool start();
    QUrl baseUrl() const; // http://127.0.0.1:<port>
    quint16 port() const;
    // An absolute URL on this server, e.g. url("/repos/acme/rocket/issues?page=2").
    QUrl url(const QString &pathAndQuery) const;

    // Handlers run on the server thread. A method of "*" matches any method.
    void route(const QByteArray &method, const QString &path, Handler handler);
    void routePrefix(const QByteArray &method, const QString &prefix, Handler handler);

    // Requests without this header value get 401 with GitHub's {"message":"Bad credentials"}.
    // Calling it again for the same name replaces the expected value.
    void requireHeader(const QByteArray &name, const QByteArray &value);
    void clearRequiredHeaders();
    // Requests whose Authorization header the check refuses get the same 401. The check runs
    // on the server thread.
    void requireAuthorization(std::function<bool(const QByteArray &authorization)> check);

    // The next `times` requests to path (any method, query ignored) get this response
    // instead of the handler's; checked before required headers.
    void queueFault(const QString &path, const Response &response, int times = 1);

    QList<Request> requests() const; // every request received, in order
    int requestCount(const QString &path) const;
    void clearRequests();
    int connectionCount() const; // connections accepted so far

private:
    class Thread;
    class Connection;
    struct State;
    std::shared_ptr<State> m_state;
    std::unique_ptr<Thread> m_thread;
};
