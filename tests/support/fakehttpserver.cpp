#include "fakehttpserver.h"

#include <QDateTime>
#include <QHostAddress>
#include <QLocale>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <future>

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 409:
        return "Conflict";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

bool hasHeader(const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &name)
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c()
        .toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
        .toLatin1();
}

// Whether the response asks to end the connection after it (header "Connection: close").
bool closesConnection(const FakeHttpServer::Response &response)
{
    for (const auto &[name, value] : response.headers) {
        if (name.compare("connection", Qt::CaseInsensitive) == 0 &&
            value.compare("close", Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray serialize(const FakeHttpServer::Response &response, bool keepAlive)
{
    const bool closing = closesConnection(response);
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                     reasonPhrase(response.status) + "\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    // Without Content-Length, "Connection: close" makes the body end where the connection does.
    if (!hasHeader(response.headers, "content-length") && !closing)
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (!hasHeader(response.headers, "date"))
        out += "Date: " + httpDate(QDateTime::currentDateTimeUtc()) + "\r\n";
    if (!closing)
        out += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    out += "\r\n";
    return out;
}

} // namespace

// Everything the test thread and the server thread share, behind one mutex.
struct FakeHttpServer::State
{
    struct PrefixRoute
    {
        QByteArray method;
        QString prefix;
        Handler handler;
    };

    mutable QMutex mutex;
    quint16 port = 0;
    QHash<QPair<QByteArray, QString>, Handler> routes;
    QList<PrefixRoute> prefixRoutes;
    QHash<QByteArray, QByteArray> requiredHeaders;
    std::function<bool(const QByteArray &)> authorizationCheck;
    QHash<QString, QList<Response>> faults;
    QList<Request> requests;
    int connections = 0;

    Handler findHandler(const Request &request) const
    {
        for (const QByteArray &method : {request.method, QByteArray("*")}) {
            const auto exact = routes.constFind({method, request.path});
            if (exact != routes.cend())
                return *exact;
        }
        const PrefixRoute *best = nullptr;
        for (const PrefixRoute &route : prefixRoutes) {
            if ((route.method == request.method || route.method == "*") &&
                request.path.startsWith(route.prefix) &&
                (!best || route.prefix.size() > best->prefix.size()))
                best = &route;
        }
        return best ? best->handler : Handler();
    }

    Response respond(const Request &request)
    {
        Handler handler;
        std::function<bool(const QByteArray &)> check;
        {
            QMutexLocker locker(&mutex);
            requests.append(request);
            auto fault = faults.find(request.path);
            if (fault != faults.end() && !fault->isEmpty())
                return fault->takeFirst();
            for (auto it = requiredHeaders.cbegin(); it != requiredHeaders.cend(); ++it) {
                if (request.header(it.key()) != it.value()) {
                    return Response::json(R"({"message":"Bad credentials",)"
                                          R"("documentation_url":"https://docs.github.com/rest"})",
                                          401);
                }
            }
            handler = findHandler(request);
            check = authorizationCheck;
        }
        if (check && !check(request.header("authorization"))) {
            return Response::json(R"({"message":"Bad credentials",)"
                                  R"("documentation_url":"https://docs.github.com/rest"})",
                                  401);
        }
        // Outside the lock: a handler may ask the server for its request log.
        if (!handler) {
            return Response::json(R"({"message":"Not Found",)"
                                  R"("documentation_url":"https://docs.github.com/rest"})",
                                  404);
        }
        return handler(request);
    }
};

// One client connection, on the server thread. Parses requests as bytes arrive and answers
// them one at a time, in order, so a delayed answer holds back the ones behind it.
class FakeHttpServer::Connection : public QObject
{
public:
    Connection(QTcpSocket *socket, std::shared_ptr<FakeHttpServer::State> state)
        : m_socket(socket)
        , m_state(std::move(state))
    {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this] {
            m_buffer += m_socket->readAll();
            process();
        });
        connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    }

private:
    void process()
    {
        while (!m_busy && !m_closing) {
            const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
            FakeHttpServer::Request request;
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            request.method = requestLine.value(0);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0) {
                    request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                           lines[i].mid(colon + 1).trimmed());
                }
            }
            const qsizetype length = request.header("content-length").toLongLong();
            if (m_buffer.size() < headerEnd + 4 + length)
                return;
            request.body = m_buffer.mid(headerEnd + 4, length);
            m_buffer.remove(0, headerEnd + 4 + length);

            const QByteArray base = "http://127.0.0.1:" + QByteArray::number(m_state->port);
            request.url = QUrl::fromEncoded(base + requestLine.value(1));
            request.path = request.url.path();
            request.query = QUrlQuery(request.url);
            const bool keepAlive = request.header("connection").toLower() != "close";
            deliver(m_state->respond(request), keepAlive);
        }
    }

    void deliver(const FakeHttpServer::Response &response, bool keepAlive)
    {
        using Fault = FakeHttpServer::Response::Fault;
        switch (response.fault) {
        case Fault::DelayMs: {
            m_busy = true;
            FakeHttpServer::Response later = response;
            later.fault = Fault::None;
            QTimer::singleShot(response.delayMs, this, [this, later, keepAlive] {
                m_busy = false;
                deliver(later, keepAlive);
                process();
            });
            return;
        }
        case Fault::TruncateBody:
            m_socket->write(serialize(response, false));
            m_socket->write(response.body.left(response.body.size() / 2));
            close();
            return;
        case Fault::CloseWithoutResponse:
            close();
            return;
        case Fault::None:
            m_socket->write(serialize(response, keepAlive) + response.body);
            if (!keepAlive || closesConnection(response))
                close();
            return;
        }
    }

    void close()
    {
        m_closing = true;
        // Sends what is buffered, then FIN: the client sees exactly the bytes written.
        m_socket->disconnectFromHost();
    }

    QTcpSocket *m_socket;
    std::shared_ptr<FakeHttpServer::State> m_state;
    QByteArray m_buffer;
    bool m_busy = false;
    bool m_closing = false;
};

// The server's own event loop, so it answers while the test thread blocks.
class FakeHttpServer::Thread : public QThread
{
public:
    explicit Thread(std::shared_ptr<State> state)
        : m_state(std::move(state))
    {
    }

    std::promise<quint16> listening;

protected:
    void run() override
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0)) {
            listening.set_value(0);
            return;
        }
        {
            QMutexLocker locker(&m_state->mutex);
            m_state->port = server.serverPort();
        }
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this, &server] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                {
                    QMutexLocker locker(&m_state->mutex);
                    ++m_state->connections;
                }
                // Parented to the server, so connections still open are closed at the end.
                auto *connection = new Connection(socket, m_state);
                connection->setParent(&server);
            }
        });
        listening.set_value(server.serverPort());
        exec();
    }

private:
    std::shared_ptr<State> m_state;
};

FakeHttpServer::Response &FakeHttpServer::Response::withHeader(const QByteArray &name,
                                                               const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

FakeHttpServer::Response FakeHttpServer::Response::json(const QByteArray &body, int status)
{
    Response response;
    response.status = status;
    response.body = body;
    return response.withHeader("Content-Type", "application/json; charset=utf-8");
}

FakeHttpServer::Response FakeHttpServer::Response::html(int status, const QByteArray &body)
{
    Response response;
    response.status = status;
    response.body = body;
    return response.withHeader("Content-Type", "text/html; charset=utf-8");
}

FakeHttpServer::Response FakeHttpServer::Response::faulty(Fault fault, int delayMs)
{
    QByteArray body = "[";
    for (int i = 0; i < 64; ++i)
        body += (i ? "," : "") + QByteArray(R"({"id":)") + QByteArray::number(i) +
                R"(,"title":"a record long enough to be worth cutting in half"})";
    body += ']';
    Response response = json(body);
    response.fault = fault;
    response.delayMs = delayMs;
    return response;
}

FakeHttpServer::FakeHttpServer()
    : m_state(std::make_shared<State>())
{
}

FakeHttpServer::~FakeHttpServer()
{
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
    }
}

bool FakeHttpServer::start()
{
    if (m_thread)
        return port() != 0;
    m_thread = std::make_unique<Thread>(m_state);
    std::future<quint16> port = m_thread->listening.get_future();
    m_thread->start();
    return port.get() != 0;
}

QUrl FakeHttpServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

quint16 FakeHttpServer::port() const
{
    QMutexLocker locker(&m_state->mutex);
    return m_state->port;
}

QUrl FakeHttpServer::url(const QString &pathAndQuery) const
{
    return baseUrl().resolved(QUrl(pathAndQuery));
}

void FakeHttpServer::route(const QByteArray &method, const QString &path, Handler handler)
{
    QMutexLocker locker(&m_state->mutex);
    m_state->routes.insert({method, path}, std::move(handler));
}

void FakeHttpServer::routePrefix(const QByteArray &method, const QString &prefix, Handler handler)
{
    QMutexLocker locker(&m_state->mutex);
    m_state->prefixRoutes.append({method, prefix, std::move(handler)});
}

void FakeHttpServer::requireHeader(const QByteArray &name, const QByteArray &value)
{
    QMutexLocker locker(&m_state->mutex);
    m_state->requiredHeaders.insert(name.toLower(), value);
}

void FakeHttpServer::clearRequiredHeaders()
{
    QMutexLocker locker(&m_state->mutex);
    m_state->requiredHeaders.clear();
}

void FakeHttpServer::requireAuthorization(std::function<bool(const QByteArray &)> check)
{
    QMutexLocker locker(&m_state->mutex);
    m_state->authorizationCheck = std::move(check);
}

void FakeHttpServer::queueFault(const QString &path, const Response &response, int times)
{
    QMutexLocker locker(&m_state->mutex);
    for (int i = 0; i < times; ++i)
        m_state->faults[path].append(response);
}

QList<FakeHttpServer::Request> FakeHttpServer::requests() const
{
    QMutexLocker locker(&m_state->mutex);
    return m_state->requests;
}

int FakeHttpServer::requestCount(const QString &path) const
{
    QMutexLocker locker(&m_state->mutex);
    return int(std::count_if(m_state->requests.cbegin(), m_state->requests.cend(),
                             [&path](const Request &request) { return request.path == path; }));
}

void FakeHttpServer::clearRequests()
{
    QMutexLocker locker(&m_state->mutex);
    m_state->requests.clear();
}

int FakeHttpServer::connectionCount() const
{
    QMutexLocker locker(&m_state->mutex);
    return m_state->connections;
}
