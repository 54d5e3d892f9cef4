#include "serverwait.h"

#include <QLocale>

namespace {

// Values above this are timestamps, not delays: 10^9 seconds is 2001, and no service asks
// for a 31-year pause.
constexpr double epochThreshold = 1e9;

std::optional<QDateTime> httpDate(const QByteArray &value)
{
    const QString text = QString::fromLatin1(value).simplified();
    // IMF-fixdate, the form RFC 9110 requires senders to use.
    QDateTime date =
        QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!date.isValid())
        date = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!date.isValid())
        return std::nullopt;
    date.setTimeSpec(Qt::UTC);
    return date;
}

} // namespace

namespace ServerWait {

std::optional<QDateTime> retryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const double number = trimmed.toDouble(&isNumber);
    if (!isNumber)
        return httpDate(trimmed);
    if (number < 0)
        return now;
    if (number > epochThreshold)
        return QDateTime::fromMSecsSinceEpoch(qint64(number * 1000), Qt::UTC);
    return now.addMSecs(qint64(number * 1000));
}

std::optional<QDateTime> rateLimitReset(const HttpResponse &response,
                                        const RateLimitHeaders &headers, const QDateTime &now)
{
    if (headers.remaining.isEmpty() || headers.reset.isEmpty())
        return std::nullopt;
    if (response.status != 403 && response.status != 429)
        return std::nullopt;
    bool ok = false;
    const QByteArray remaining = response.header(headers.remaining).trimmed();
    if (remaining.isEmpty() || remaining.toDouble(&ok) > 0 || !ok)
        return std::nullopt;
    const double reset = response.header(headers.reset).trimmed().toDouble(&ok);
    if (!ok)
        return std::nullopt;
    switch (headers.resetKind) {
    case RateLimitHeaders::ResetKind::EpochSeconds:
        return QDateTime::fromMSecsSinceEpoch(qint64(reset * 1000), Qt::UTC);
    case RateLimitHeaders::ResetKind::EpochMilliseconds:
        return QDateTime::fromMSecsSinceEpoch(qint64(reset), Qt::UTC);
    case RateLimitHeaders::ResetKind::SecondsFromNow:
        return now.addMSecs(qint64(reset * 1000));
    }
    return std::nullopt;
}

} // namespace ServerWait
