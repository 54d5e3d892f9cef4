#pragma once

#include "httptypes.h"

#include <QDateTime>

#include <optional>

// Reads when a server wants to be asked again, from Retry-After and a service's rate-limit
// headers. Kept apart from HttpClient so the date arithmetic is easy to follow.
namespace ServerWait {

// Retry-After as delay seconds, as an HTTP-date, or (UserVoice) as epoch seconds.
std::optional<QDateTime> retryAfter(const QByteArray &value, const QDateTime &now);

// The reset time when the response says the quota is spent (remaining is 0 on a 403 or 429).
std::optional<QDateTime> rateLimitReset(const HttpResponse &response,
                                        const RateLimitHeaders &headers, const QDateTime &now);

} // namespace ServerWait
