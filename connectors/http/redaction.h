#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

// Keeps secrets out of logs and error messages.
namespace Redaction {

// A URL with secret-looking query values (token, key, secret, password, code, signature...)
// replaced by "REDACTED".
QString url(const QUrl &url);
// A header value, or "REDACTED" for Authorization, Cookie, API-key and token headers.
QByteArray headerValue(const QByteArray &name, const QByteArray &value);

// Whether a query parameter or header of that name carries a credential.
bool isSecretParameter(const QString &name);
bool isSecretHeader(const QByteArray &name);

} // namespace Redaction
