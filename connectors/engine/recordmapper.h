#pragma once

#include "manifest/connectormanifest.h"

#include <QDateTime>
#include <QJsonObject>
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
    bool accepts(const QJsonObject &record) const;
    // Fills row in columns() order. Fails, naming the field, when the record has no id.
    bool map(const QJsonObject &record, QVariantList *row, QString *error) const;
    // The record's value of the stream's cursor field, or invalid.
    QDateTime cursorValue(const QJsonObject &record) const;

    static QVariant convert(const QJsonValue &value, const FieldMapping &field);

private:
    StreamSpec m_stream;
    QStringList m_columns;
    QList<FieldMapping> m_fields; // in columns() order
};
