#pragma once

#include "http/httptypes.h"
#include "manifest/connectormanifest.h"

#include "jsonrecord.h"

#include <optional>

// Works out the request for the next page from the page just read, by the stream's
// pagination strategy: Link header, cursor in the body, next URL, offset/limit, page number
// or GraphQL pageInfo.
class Paginator
{
public:
    explicit Paginator(const PaginationSpec &spec);

    // The next request, or nothing at the end. error is set when the response breaks the
    // strategy's rules (a cursor that does not move, say), so a loop can never run forever.
    std::optional<HttpRequest> next(const HttpRequest &current, const HttpResponse &response,
                                    const JsonRecord &body, int recordCount, QString *error);

    // The URL of rel="next" in an RFC 8288 Link header, or an empty URL.
    static QUrl nextLink(const QByteArray &linkHeader);

private:
    static HttpRequest withQuery(const HttpRequest &request, const QString &name,
                                 const QString &value);
    static HttpRequest withBodyValue(const HttpRequest &request, const QString &name,
                                     const QString &value);
    HttpRequest withVariable(const HttpRequest &request, const QString &cursor) const;
    bool isLastPage(const JsonRecord &root) const;
    std::optional<HttpRequest> nextGraphQLByCursor(const HttpRequest &current,
                                                   const JsonRecord &root, QString *error);

    PaginationSpec m_spec;
    QString m_lastCursor;
};
