#pragma once

#include <QString>

// Takes credentials out of free text before it reaches a log file: bearer and basic
// credentials, secret-looking "name=value" and "name: value" pairs (the names the HTTP
// layer treats as secret, see connectors/http/redaction.h) and the query of URLs.
namespace LogRedaction {

QString redact(const QString &text);

} // namespace LogRedaction
