#include "httpfailuretext.h"

#include "errorbody.h"
#include "httpclient.h"
#include "redaction.h"

#include <QNetworkReply>
#include <QUrlQuery>

namespace {

QString standardReason(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("Bad Request");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("Not Found");
    case 409:
        return QStringLiteral("Conflict");
    case 410:
        return QStringLiteral("Gone");
    case 422:
        return QStringLiteral("Unprocessable Entity");
    case 429:
        return QStringLiteral("Too Many Requests");
    case 500:
        return QStringLiteral("Internal Server Error");
    case 502:
        return QStringLiteral("Bad Gateway");
    case 503:
        return QStringLiteral("Service Unavailable");
    case 504:
        return QStringLiteral("Gateway Timeout");
    default:
        return {};
    }
}

} // namespace

HttpFailureText::HttpFailureText(const HttpRequest &request)
    : m_method(QString::fromLatin1(request.method))
    , m_url(request.url)
{
}

void HttpFailureText::rememberCredentials(const HttpRequest &outgoing)
{
    // Error bodies sometimes quote the credential back ("invalid token abc..."). Short values
    // are skipped so that ordinary words are not blanked out.
    constexpr qsizetype minimumLength = 6;
    auto remember = [this](const QString &value) {
        if (value.size() >= minimumLength && !m_secrets.contains(value))
            m_secrets.append(value);
    };
    for (const auto &[name, value] : outgoing.headers) {
        if (!Redaction::isSecretHeader(name))
            continue;
        remember(QString::fromLatin1(value));
        // "Bearer <token>": the credential without its scheme.
        const qsizetype space = value.indexOf(' ');
        if (space > 0)
            remember(QString::fromLatin1(value.mid(space + 1).trimmed()));
    }
    const QUrlQuery query(outgoing.url);
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items) {
        if (!Redaction::isSecretParameter(name))
            continue;
        remember(value);
        remember(query.queryItemValue(name, QUrl::FullyEncoded));
    }
}

QString HttpFailureText::compose(const QString &reason, int attempts, const HttpResponse &response,
                                 const QString &advice) const
{
    QString text = HttpClient::tr("%1 %2 failed: %3").arg(m_method, Redaction::url(m_url), reason);
    if (attempts > 1)
        text += HttpClient::tr(" after %1 attempts").arg(attempts);
    if (response.status >= 300) {
        const QString message = ErrorBody::serviceMessage(response.body);
        if (!message.isEmpty())
            text += HttpClient::tr("; the service says: \"%1\"").arg(message);
        else if (ErrorBody::isHtml(response.body, response.header("content-type")))
            text += HttpClient::tr("; the service sent an HTML error page instead of data");
    }
    if (!advice.isEmpty())
        text += QString(QStringLiteral("; ") + advice);
    return scrubbed(text);
}

QString HttpFailureText::status(int status, const QString &reasonPhrase)
{
    const QString phrase = reasonPhrase.isEmpty() ? standardReason(status) : reasonPhrase;
    if (phrase.isEmpty())
        return QStringLiteral("HTTP %1").arg(status);
    return QStringLiteral("HTTP %1 %2").arg(status).arg(phrase);
}

QString HttpFailureText::networkError(const QNetworkReply &reply, const QUrl &url) const
{
    switch (reply.error()) {
    case QNetworkReply::ConnectionRefusedError:
        return HttpClient::tr("the connection was refused");
    case QNetworkReply::RemoteHostClosedError:
        return HttpClient::tr("the server closed the connection");
    case QNetworkReply::HostNotFoundError:
        return HttpClient::tr("host %1 not found").arg(url.host());
    case QNetworkReply::TimeoutError:
        return HttpClient::tr("the connection timed out");
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return HttpClient::tr("the network is not available");
    default:
        break;
    }
    // Qt's own texts can quote the full URL, query secrets included.
    QString text = reply.errorString();
    for (const QUrl &candidate : {reply.url(), url}) {
        for (const QString &form : {candidate.toString(), candidate.toString(QUrl::FullyEncoded),
                                    candidate.toDisplayString()})
            text.replace(form, Redaction::url(candidate));
    }
    return scrubbed(text);
}

QString HttpFailureText::scrubbed(QString text) const
{
    for (const QString &secret : m_secrets)
        text.replace(secret, QStringLiteral("REDACTED"));
    return text;
}
