#pragma once

#include "manifest/connectormanifest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

// One record of a page: the parsed object, and the record as the service sent it.
struct PageRecord
{
    QJsonObject object;
    QByteArray raw;
};

// Reads the records out of a response body: a JSON document with the records at the
// stream's path, or newline-delimited JSON. A body that is not what the stream expects
// fails the whole page with a reason, so nothing of it is written.
class PageParser
{
public:
    explicit PageParser(const StreamSpec &stream);

    bool parse(const QByteArray &body, QList<PageRecord> *records, QJsonDocument *document,
               QString *error) const;

private:
    bool parseJson(const QByteArray &body, QList<PageRecord> *records, QJsonDocument *document,
                   QString *error) const;
    bool parseLines(const QByteArray &body, QList<PageRecord> *records, QString *error) const;

    StreamSpec m_stream;
};
