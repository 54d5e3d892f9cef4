#include "oauthloopbackreceiver.h"

#include "logging.h"

#include <QTcpSocket>

namespace {

// A redirect carries a code and a state of a few hundred bytes; anything much larger is not
// an authorization server's answer.
constexpr qsizetype MaxRequestBytes = 16 * 1024;
const QByteArray CallbackPath = QByteArrayLiteral("/callback");

} // namespace

OAuthLoopbackReceiver::OAuthLoopbackReceiver(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &OAuthLoopbackReceiver::accept);
}

OAuthLoopbackReceiver::~OAuthLoopbackReceiver() = default;

void OAuthLoopbackReceiver::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

bool OAuthLoopbackReceiver::listen()
{
    // 127.0.0.1 rather than "localhost": the name may resolve to another interface or to
    // IPv6 first, and RFC 8252 recommends the literal address.
    if (m_server.isListening())
        return true;
    const bool listening = m_server.listen(QHostAddress::LocalHost, 0);
    if (listening)
        qCDebug(hubOAuth) << "Waiting for the redirect on port" << m_server.serverPort();
    return listening;
}

void OAuthLoopbackReceiver::close()
{
    m_server.close();
}

QUrl OAuthLoopbackReceiver::redirectUri() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server.serverPort());
    url.setPath(QString::fromLatin1(CallbackPath));
    return url;
}

void OAuthLoopbackReceiver::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this); // so answers still complete after the server closes
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequest(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_requests.remove(socket);
            socket->deleteLater();
        });
    }
}

void OAuthLoopbackReceiver::readRequest(QTcpSocket *socket)
{
    QByteArray &request = m_requests[socket];
    request += socket->readAll();
    if (request.size() > MaxRequestBytes) {
        respond(socket, QByteArrayLiteral("431 Request Header Fields Too Large"),
                {tr("Request too large"), tr("This is not a sign-in answer.")});
        return;
    }
    if (!request.contains("\r\n\r\n"))
        return; // the rest of the headers is still on its way

    const QList<QByteArray> requestLine = request.left(request.indexOf("\r\n")).split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/")) {
        respond(socket, QByteArrayLiteral("400 Bad Request"),
                {tr("Bad request"), tr("This is not a sign-in answer.")});
        return;
    }
    const QByteArray &target = requestLine.at(1);
    const qsizetype question = target.indexOf('?');
    const QByteArray path = question < 0 ? target : target.left(question);
    const QByteArray query = question < 0 ? QByteArray() : target.mid(question + 1);

    if (path != CallbackPath) {
        respond(socket, QByteArrayLiteral("404 Not Found"),
                {tr("Not found"), tr("This is not a sign-in answer.")});
        return;
    }
    if (requestLine.at(0) != "GET") {
        respond(socket, QByteArrayLiteral("405 Method Not Allowed"),
                {tr("Method not allowed"), tr("This is not a sign-in answer.")});
        return;
    }
    const Page page = m_handler ? m_handler(FormEncoding::decode(query))
                                : Page{tr("Sign-in"), tr("No sign-in is in progress.")};
    respond(socket, QByteArrayLiteral("200 OK"), page);
}

void OAuthLoopbackReceiver::respond(QTcpSocket *socket, const QByteArray &status, const Page &page)
{
    // One request per connection: whatever else arrives on it is ignored.
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    m_requests.remove(socket);

    const QByteArray body =
        QByteArrayLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>") +
        page.title.toHtmlEscaped().toUtf8() +
        QByteArrayLiteral("</title></head><body style=\"font-family: sans-serif; margin: "
                          "3em\"><h1>") +
        page.title.toHtmlEscaped().toUtf8() + QByteArrayLiteral("</h1><p>") +
        page.message.toHtmlEscaped().toUtf8() + QByteArrayLiteral("</p></body></html>");
    const QByteArray response = QByteArrayLiteral("HTTP/1.1 ") + status +
                                QByteArrayLiteral("\r\nContent-Type: text/html; charset=utf-8"
                                                  "\r\nCache-Control: no-store"
                                                  "\r\nConnection: close"
                                                  "\r\nContent-Length: ") +
                                QByteArray::number(body.size()) + QByteArrayLiteral("\r\n\r\n") +
                                body;
    socket->write(response);
    socket->disconnectFromHost();
}
