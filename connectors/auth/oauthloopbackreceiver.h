#pragma once

#include "formencoding.h"

#include <QHash>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

#include <functional>

class QTcpSocket;

// Receives the authorization server's redirect back to the app on
// http://127.0.0.1:<free port>/callback (RFC 8252, section 7.3), on the loopback interface
// only. Only "GET /callback" reaches the handler; anything else (a favicon request, a probe)
// gets an error page and changes nothing. Answers in progress complete after close().
//
// Qt 6.4's QOAuthHttpServerReplyHandler is not used for this: its callback() reports a wrong
// port, it takes any path that starts with the callback path as the callback, and it leaves
// percent escapes such as %2B in the values it hands over.
class OAuthLoopbackReceiver : public QObject
{
    Q_OBJECT
public:
    // What the browser shows after the redirect.
    struct Page
    {
        QString title;
        QString message;
    };
    // Runs for each callback with its query parameters and says what the browser shows.
    using Handler = std::function<Page(const FormEncoding::Items &parameters)>;

    explicit OAuthLoopbackReceiver(QObject *parent = nullptr);
    ~OAuthLoopbackReceiver() override;

    void setHandler(Handler handler);
    bool listen();
    void close();
    bool isListening() const { return m_server.isListening(); }
    QString errorString() const { return m_server.errorString(); }
    // Valid while listening.
    QUrl redirectUri() const;

private:
    void accept();
    void readRequest(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const QByteArray &status, const Page &page);

    QTcpServer m_server;
    Handler m_handler;
    QHash<QTcpSocket *, QByteArray> m_requests;
};
