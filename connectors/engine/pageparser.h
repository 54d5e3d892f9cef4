#pragma once

#include "jsonrecord.h"
#include "manifest/connectormanifest.h"

#include <QList>

// One record of a page: the parsed value, and the record as the service sent it.
struct PageRecord
{
    JsonRecord record;
    QByteArray raw;
};

// Reads the records out of a response body: a JSON document with the records at the
// stream's path, or newline-delimited JSON. A body that is not what the stream expects
// fails the whole page with a reason, so nothing of it is written. The records stay valid
// until the next parse().
class PageParser
{
public:
    explicit PageParser(const StreamSpec &stream);

    // root is the whole document, for pagination that reads the body.
    bool parse(const QByteArray &body, QList<PageRecord> *records, JsonRecord *root,
               QString *error);

private:
    bool parseJson(const QByteArray &body, QList<PageRecord> *records, JsonRecord *root,
                   QString *error);
    bool parseLines(const QByteArray &body, QList<PageRecord> *records, QString *error);

    StreamSpec m_stream;
    JsonPath m_recordsPath;
    JsonDocument m_document;
};
