#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

// application/x-www-form-urlencoded, as OAuth uses it for token requests, token answers
// (GitHub by default) and the parameters of the redirect back to the app.
namespace FormEncoding {

using Items = QList<QPair<QString, QString>>;

// Percent-encodes everything but the unreserved characters, so "+", "&" and "=" in secrets
// survive the trip.
QByteArray encode(const Items &items);
// Decodes "+" as a space and percent escapes as UTF-8.
Items decode(const QByteArray &encoded);
// The value of key, and how often the key occurs (OAuth parameters must occur at most once).
QString value(const Items &items, const QString &key, int *occurrences = nullptr);

} // namespace FormEncoding
