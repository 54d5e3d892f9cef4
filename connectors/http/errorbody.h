#pragma once

#include <QByteArray>
#include <QString>

// Turns a service's error response body into a few words for an error message.
namespace ErrorBody {

// The service's own message from a JSON error body ("message", "error", "errors",
// "error_description", Jira's "errorMessages", RFC 7807 "detail"), on one short line;
// empty when there is none.
QString serviceMessage(const QByteArray &body);

// True for an HTML page, as proxies and load balancers send instead of the API's JSON.
bool isHtml(const QByteArray &body, const QByteArray &contentType);

} // namespace ErrorBody
