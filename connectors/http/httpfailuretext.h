#pragma once

#include "httptypes.h"

#include <QStringList>

class QNetworkReply;

// The texts of a request that went wrong, for the user and the log:
// "GET <redacted url> failed: <reason>[ after N attempts][; the service says: "..."][; advice]".
// Every credential the request carried is blanked out, even where a service quotes it back.
class HttpFailureText
{
public:
    explicit HttpFailureText(const HttpRequest &request);

    // Notes the credentials of a request about to be sent (headers and query parameters).
    void rememberCredentials(const HttpRequest &outgoing);

    // attempts is mentioned when above 1; response adds the service's own error message.
    QString compose(const QString &reason, int attempts, const HttpResponse &response,
                    const QString &advice = {}) const;
    // "HTTP 502 Bad Gateway"
    static QString status(int status, const QString &reasonPhrase);
    // A transport failure in plain words.
    QString networkError(const QNetworkReply &reply, const QUrl &url) const;
    QString scrubbed(QString text) const;

private:
    QString m_method;
    QUrl m_url;
    QStringList m_secrets;
};
