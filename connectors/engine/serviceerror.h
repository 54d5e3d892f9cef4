#pragma once

#include "jsonrecord.h"
#include "manifest/connectormanifest.h"

// Reads the failures a service reports inside a response body (manifest "errorBody"), such
// as Marketo's HTTP 200 with {"success":false,"errors":[{"code":"606",...}]}.
class ServiceErrorReader
{
public:
    struct Finding
    {
        enum class Kind { None, AuthExpired, RateLimited, Failed };
        Kind kind = Kind::None;
        QString code;
        QString message;
    };

    explicit ServiceErrorReader(const ErrorBodySpec &spec);

    Finding read(const QByteArray &body);

private:
    ErrorBodySpec m_spec;
    JsonPath m_code;
    JsonPath m_message;
    JsonDocument m_document;
};
