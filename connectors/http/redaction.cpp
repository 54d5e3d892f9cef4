#include "redaction.h"

#include <QUrlQuery>

#include <array>

namespace {

const QByteArray redacted = QByteArrayLiteral("REDACTED");

// Parameter names that carry credentials in the services we talk to: OAuth codes and
// tokens, API keys (Mailchimp, Aha!), signed URLs (S3, Azure), client secrets.
bool secretParameter(const QString &name)
{
    const QString lower = name.toLower();
    static const std::array exact = {
        QLatin1String("code"),     QLatin1String("key"),  QLatin1String("sig"),
        QLatin1String("auth"),     QLatin1String("pass"), QLatin1String("pwd"),
        QLatin1String("passcode"), QLatin1String("jwt"),  QLatin1String("authorization"),
    };
    for (const QLatin1String &candidate : exact) {
        if (lower == candidate)
            return true;
    }
    static const std::array parts = {
        QLatin1String("token"),      QLatin1String("secret"),      QLatin1String("password"),
        QLatin1String("apikey"),     QLatin1String("api_key"),     QLatin1String("api-key"),
        QLatin1String("signature"),  QLatin1String("credential"),  QLatin1String("session"),
        QLatin1String("access_key"), QLatin1String("private_key"),
    };
    for (const QLatin1String &candidate : parts) {
        if (lower.contains(candidate))
            return true;
    }
    return false;
}

QString redactedQuery(const QString &encoded)
{
    QUrlQuery query(encoded);
    auto items = query.queryItems(QUrl::FullyEncoded);
    for (auto &item : items) {
        if (secretParameter(QUrl::fromPercentEncoding(item.first.toUtf8())))
            item.second = QString::fromLatin1(redacted);
    }
    QUrlQuery result;
    result.setQueryItems(items);
    return result.query(QUrl::FullyEncoded);
}

} // namespace

namespace Redaction {

QString url(const QUrl &url)
{
    QUrl copy = url;
    // Basic credentials in the URL itself ("user:token@host") are never shown.
    copy.setUserInfo({});
    if (copy.hasQuery())
        copy.setQuery(redactedQuery(copy.query(QUrl::FullyEncoded)), QUrl::StrictMode);
    // Implicit OAuth flows put access tokens in the fragment.
    if (copy.hasFragment() && copy.fragment().contains(QLatin1Char('=')))
        copy.setFragment(redactedQuery(copy.fragment(QUrl::FullyEncoded)), QUrl::StrictMode);
    return copy.toString(QUrl::FullyEncoded);
}

QByteArray headerValue(const QByteArray &name, const QByteArray &value)
{
    return isSecretHeader(name) ? redacted : value;
}

bool isSecretParameter(const QString &name)
{
    return secretParameter(name);
}

bool isSecretHeader(const QByteArray &name)
{
    const QByteArray lower = name.toLower();
    static const std::array exact = {
        QByteArrayLiteral("authorization"),
        QByteArrayLiteral("proxy-authorization"),
        QByteArrayLiteral("cookie"),
        QByteArrayLiteral("set-cookie"),
    };
    for (const QByteArray &candidate : exact) {
        if (lower == candidate)
            return true;
    }
    static const std::array parts = {
        QByteArrayLiteral("token"),     QByteArrayLiteral("secret"),
        QByteArrayLiteral("password"),  QByteArrayLiteral("api-key"),
        QByteArrayLiteral("apikey"),    QByteArrayLiteral("api_key"),
        QByteArrayLiteral("signature"), QByteArrayLiteral("session"),
        QByteArrayLiteral("auth"),      QByteArrayLiteral("credential"),
    };
    for (const QByteArray &candidate : parts) {
        if (lower.contains(candidate))
            return true;
    }
    return false;
}

} // namespace Redaction
