#include "credentials.h"

#include <QUrlQuery>

void Credentials::apply(const AuthSpec &auth, HttpRequest &request) const
{
    if (token.isEmpty())
        return;
    switch (auth.type) {
    case AuthSpec::Type::None:
        return;
    case AuthSpec::Type::Bearer:
    case AuthSpec::Type::Header:
    case AuthSpec::Type::OAuth2:
        request.setHeader(auth.header.toLatin1(), auth.prefix.toUtf8() + token);
        return;
    case AuthSpec::Type::Basic:
        request.setHeader("Authorization", "Basic " + token.toBase64());
        return;
    case AuthSpec::Type::ClientCredentials:
        if (!accessToken.isEmpty())
            request.setHeader(auth.header.toLatin1(), auth.prefix.toUtf8() + accessToken);
        return;
    case AuthSpec::Type::Query: {
        QUrlQuery query(request.url);
        query.removeAllQueryItems(auth.queryParameter);
        query.addQueryItem(auth.queryParameter,
                           QString::fromLatin1(QUrl::toPercentEncoding(QString::fromUtf8(token))));
        request.url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
        return;
    }
    }
}

bool Credentials::needsAccessToken() const
{
    // A minute's margin: a token that expires while a page is on its way is refused.
    return accessToken.isEmpty() ||
           (accessTokenExpiresAt.isValid() &&
            accessTokenExpiresAt <= QDateTime::currentDateTimeUtc().addSecs(60));
}
