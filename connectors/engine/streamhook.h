#pragma once

#include "http/httptypes.h"
#include "manifest/connectormanifest.h"
#include "sourcestore.h"

#include <QStringList>

#include <functional>
#include <memory>

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
};

// The registry of hooks by name. Registration happens before any manifest is loaded.
namespace StreamHooks {

using Factory = std::function<std::unique_ptr<StreamHook>()>;

void add(const QString &name, Factory factory);
bool contains(const QString &name);
QStringList names();
std::unique_ptr<StreamHook> create(const QString &name);

} // namespace StreamHooks
