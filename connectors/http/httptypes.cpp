#include "httptypes.h"

namespace {

// Header names are case-insensitive (RFC 9110); services differ in how they spell them.
bool sameName(const QByteArray &a, const QByteArray &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

QByteArray findHeader(const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &name)
{
    for (const auto &header : headers) {
        if (sameName(header.first, name))
            return header.second;
    }
    return {};
}

} // namespace

void HttpRequest::setHeader(const QByteArray &name, const QByteArray &value)
{
    headers.removeIf([&name](const auto &header) { return sameName(header.first, name); });
    headers.append({name, value});
}

QByteArray HttpRequest::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}
