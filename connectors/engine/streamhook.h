#pragma once

#include "http/httptypes.h"
#include "jsonrecord.h"
#include "manifest/connectormanifest.h"
#include "sourcestore.h"

#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

// The code a stream needs where its manifest cannot say it: building a query body, turning
// an export file into records, following an asynchronous export job. A manifest names its
// hook ("hook": "name"); the hook is registered under that name at start-up.
class StreamHook
{
public:
    virtual ~StreamHook() = default;

    // Adjusts the stream's first request (later pages follow the pagination strategy).
    virtual bool prepareRequest(HttpRequest &request, const Source &source,
                                const StreamSpec &stream, QString *error);
    // Turns a response body into the text the stream's records format expects.
    virtual bool transformBody(QByteArray &body, QString *error);

    // For services whose later pages are a different request from the first (monday.com
    // asks for next_items_page at the root): when true, nextRequest() replaces the
    // stream's pagination strategy.
    virtual bool pagesItself() const { return false; }
    // The request for the page after current, given the page's (transformed) body; nothing
    // at the end. Setting error fails the stream after the page is written.
    virtual std::optional<HttpRequest> nextRequest(const HttpRequest &current,
                                                   const JsonRecord &body, int recordCount,
                                                   QString *error);
};

// The registry of hooks by name. Registration happens before any manifest is loaded.
namespace StreamHooks {

using Factory = std::function<std::unique_ptr<StreamHook>()>;

void add(const QString &name, Factory factory);
bool contains(const QString &name);
QStringList names();
std::unique_ptr<StreamHook> create(const QString &name);

} // namespace StreamHooks
