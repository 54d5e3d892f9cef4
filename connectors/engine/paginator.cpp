#include "paginator.h"

#include <QJsonDocument>

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

Paginator::Paginator(const PaginationSpec &spec)
    : m_spec(spec)
{
}

QUrl Paginator::nextLink(const QByteArray &linkHeader)
{
    // <https://api.github.com/...&page=2>; rel="next", <...>; rel="last"
    static const QRegularExpression link(QStringLiteral(R"re(<([^>]*)>\s*((?:;\s*[^;,]+)*))re"));
    auto it = link.globalMatch(QString::fromUtf8(linkHeader));
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        static const QRegularExpression relNext(
            QStringLiteral(R"re(;\s*rel\s*=\s*"?([^";]*)"?)re"));
        const QRegularExpressionMatch rel = relNext.match(m.captured(2));
        if (rel.hasMatch() &&
            rel.captured(1).split(QLatin1Char(' ')).contains(QLatin1String("next")))
            return QUrl(m.captured(1));
    }
    return {};
}

HttpRequest Paginator::withQuery(const HttpRequest &request, const QString &name,
                                 const QString &value)
{
    HttpRequest next = request;
    QUrlQuery query(next.url);
    query.removeAllQueryItems(name);
    query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    next.url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return next;
}

std::optional<HttpRequest> Paginator::next(const HttpRequest &current, const HttpResponse &response,
                                           const JsonRecord &root, int recordCount, QString *error)
{
    switch (m_spec.type) {
    case PaginationSpec::Type::None:
        return std::nullopt;
    case PaginationSpec::Type::LinkHeader: {
        const QUrl next = nextLink(response.header("link"));
        if (next.isEmpty())
            return std::nullopt;
        HttpRequest request = current;
        request.url = current.url.resolved(next);
        if (request.url == current.url) {
            *error = QObject::tr("the Link header points at the page just read");
            return std::nullopt;
        }
        return request;
    }
    case PaginationSpec::Type::Cursor: {
        if (isLastPage(root))
            return std::nullopt;
        if (!m_spec.hasMorePath.isEmpty()) {
            const QJsonValue more = root.value(m_spec.hasMorePath);
            if (more.isBool() && !more.toBool())
                return std::nullopt;
        }
        const QJsonValue cursor = root.value(m_spec.cursorPath);
        const QString value =
            cursor.isDouble() ? QString::number(qint64(cursor.toDouble())) : cursor.toString();
        if (value.isEmpty() || recordCount == 0)
            return std::nullopt;
        if (value == m_lastCursor) {
            *error = QObject::tr("the service returned the same page cursor twice (%1)")
                         .arg(m_spec.cursorPath);
            return std::nullopt;
        }
        m_lastCursor = value;
        return m_spec.parameterInBody ? withBodyValue(current, m_spec.parameter, value)
                                      : withQuery(current, m_spec.parameter, value);
    }
    case PaginationSpec::Type::NextUrl: {
        const QString next = root.value(m_spec.nextUrlPath).toString();
        if (next.isEmpty())
            return std::nullopt;
        HttpRequest request = current;
        request.url = current.url.resolved(QUrl(next));
        if (request.url == current.url) {
            *error = QObject::tr("the next-page URL points at the page just read");
            return std::nullopt;
        }
        return request;
    }
    case PaginationSpec::Type::Offset:
    case PaginationSpec::Type::PageNumber: {
        if (recordCount < m_spec.size || isLastPage(root))
            return std::nullopt;
        const QUrlQuery query(current.url);
        const qint64 position = query.queryItemValue(m_spec.parameter).toLongLong();
        const qint64 next =
            m_spec.type == PaginationSpec::Type::Offset ? position + recordCount : position + 1;
        return withQuery(current, m_spec.parameter, QString::number(next));
    }
    case PaginationSpec::Type::GraphQL: {
        if (m_spec.pageInfoPath.isEmpty())
            return nextGraphQLByCursor(current, root, error);
        const QJsonValue pageInfo = root.value(m_spec.pageInfoPath);
        if (!pageInfo.isObject()) {
            *error = QObject::tr("the response has no pageInfo at \"%1\"").arg(m_spec.pageInfoPath);
            return std::nullopt;
        }
        const QJsonObject info = pageInfo.toObject();
        const QString cursor = info.value(QStringLiteral("endCursor")).toString();
        if (!info.value(QStringLiteral("hasNextPage")).toBool() || cursor.isEmpty())
            return std::nullopt;
        if (cursor == m_lastCursor) {
            *error = QObject::tr("the service returned the same endCursor twice");
            return std::nullopt;
        }
        m_lastCursor = cursor;
        return withVariable(current, cursor);
    }
    }
    return std::nullopt;
}

bool Paginator::isLastPage(const JsonRecord &root) const
{
    if (m_spec.lastPagePath.isEmpty())
        return false;
    const QJsonValue last = root.value(m_spec.lastPagePath);
    return last.isBool() && last.toBool();
}

std::optional<HttpRequest> Paginator::nextGraphQLByCursor(const HttpRequest &current,
                                                          const JsonRecord &root, QString *error)
{
    if (!m_spec.hasMorePath.isEmpty()) {
        const QJsonValue more = root.value(m_spec.hasMorePath);
        if (more.isBool() && !more.toBool())
            return std::nullopt;
    }
    const QString cursor = root.value(m_spec.cursorPath).toString();
    if (cursor.isEmpty())
        return std::nullopt;
    if (cursor == m_lastCursor) {
        *error = QObject::tr("the service returned the same page cursor twice (%1)")
                     .arg(m_spec.cursorPath);
        return std::nullopt;
    }
    m_lastCursor = cursor;
    return withVariable(current, cursor);
}

HttpRequest Paginator::withVariable(const HttpRequest &request, const QString &cursor) const
{
    QJsonObject body = QJsonDocument::fromJson(request.body).object();
    QJsonObject variables = body.value(QStringLiteral("variables")).toObject();
    variables.insert(m_spec.cursorVariable, cursor);
    body.insert(QStringLiteral("variables"), variables);
    HttpRequest next = request;
    next.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return next;
}

HttpRequest Paginator::withBodyValue(const HttpRequest &request, const QString &name,
                                     const QString &value)
{
    QJsonObject body = QJsonDocument::fromJson(request.body).object();
    body.insert(name, value);
    HttpRequest next = request;
    next.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    if (next.header("content-type").isEmpty())
        next.setHeader("Content-Type", "application/json");
    return next;
}
