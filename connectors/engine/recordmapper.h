#pragma once

#include "jsonrecord.h"
#include "manifest/connectormanifest.h"

#include <QDateTime>
#include <QStringList>
#include <QVariantList>

// Turns a service's record into a row of a canonical table, as the stream's mapping says.
class RecordMapper
{
public:
    explicit RecordMapper(const StreamSpec &stream);

    // The mapped columns, in the order map() fills them (external_id first).
    const QStringList &columns() const { return m_columns; }

    // False when a filter of the stream leaves the record out.
    bool accepts(const JsonRecord &record) const;
    // Fills row in columns() order. Fails, naming the field, when the record has no id.
    bool map(const JsonRecord &record, QVariantList *row, QString *error) const;
    // The record's value of the stream's cursor field, or invalid.
    QDateTime cursorValue(const JsonRecord &record) const;

    static QVariant convert(const QJsonValue &value, const FieldMapping &field);

private:
    struct Field
    {
        FieldMapping mapping;
        std::vector<JsonPath> paths;
    };
    struct Filter
    {
        RecordFilter filter;
        JsonPath path;
    };

    QStringList m_columns;
    std::vector<Field> m_fields; // in columns() order
    std::vector<Filter> m_filters;
    JsonPath m_cursor;
    bool m_hasCursor = false;
};
