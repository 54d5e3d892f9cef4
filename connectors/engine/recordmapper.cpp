#include "recordmapper.h"

#include "isodate.h"
#include "jsonpath.h"

#include <QJsonArray>
#include <QJsonDocument>

RecordMapper::RecordMapper(const StreamSpec &stream)
    : m_stream(stream)
{
    for (const FieldMapping &field : stream.mapping) {
        if (field.column == QLatin1String("external_id"))
            m_fields.prepend(field);
        else
            m_fields.append(field);
    }
    for (const FieldMapping &field : std::as_const(m_fields))
        m_columns.append(field.column);
}

bool RecordMapper::accepts(const QJsonObject &record) const
{
    for (const RecordFilter &filter : m_stream.filters) {
        const QJsonValue value = JsonPath::get(record, filter.path);
        const bool present = !value.isUndefined() && !value.isNull();
        switch (filter.test) {
        case RecordFilter::Test::Exists:
            if (!present)
                return false;
            break;
        case RecordFilter::Test::Missing:
            if (present)
                return false;
            break;
        case RecordFilter::Test::Equals:
            if (value != filter.value)
                return false;
            break;
        case RecordFilter::Test::NotEquals:
            if (value == filter.value)
                return false;
            break;
        }
    }
    return true;
}

QVariant RecordMapper::convert(const QJsonValue &value, const FieldMapping &field)
{
    if (value.isUndefined() || value.isNull())
        return QVariant();
    QJsonValue v = value;
    if (v.isArray() && field.type != FieldMapping::Type::Json) {
        const QJsonArray array = v.toArray();
        if (field.join.isEmpty()) {
            if (array.isEmpty())
                return QVariant();
            v = array.first();
        } else {
            QStringList parts;
            for (const QJsonValue &item : array)
                parts.append(item.isString() ? item.toString() : item.toVariant().toString());
            return parts.join(field.join);
        }
    }
    switch (field.type) {
    case FieldMapping::Type::String:
        if (v.isString())
            return v.toString();
        if (v.isDouble()) {
            const double d = v.toDouble();
            // Ids arrive as numbers; keep them exact and without an exponent.
            return d == double(qint64(d)) ? QString::number(qint64(d))
                                          : QString::number(d, 'g', 17);
        }
        if (v.isBool())
            return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        return QString::fromUtf8(
            QJsonDocument(v.isObject() ? QJsonDocument(v.toObject()) : QJsonDocument(v.toArray()))
                .toJson(QJsonDocument::Compact));
    case FieldMapping::Type::Integer:
        if (v.isDouble())
            return qint64(v.toDouble());
        if (v.isString()) {
            bool ok = false;
            const qint64 n = v.toString().toLongLong(&ok);
            return ok ? QVariant(n) : QVariant();
        }
        return v.isBool() ? QVariant(v.toBool() ? 1 : 0) : QVariant();
    case FieldMapping::Type::Number:
        if (v.isDouble())
            return v.toDouble();
        if (v.isString()) {
            bool ok = false;
            const double d = v.toString().toDouble(&ok);
            return ok ? QVariant(d) : QVariant();
        }
        return QVariant();
    case FieldMapping::Type::DateTime: {
        const QDateTime when = IsoDate::parse(v);
        return when.isValid() ? QVariant(IsoDate::timestamp(when)) : QVariant();
    }
    case FieldMapping::Type::Date: {
        const QDateTime when = IsoDate::parse(v);
        return when.isValid() ? QVariant(IsoDate::day(when.date())) : QVariant();
    }
    case FieldMapping::Type::Boolean:
        if (v.isBool())
            return v.toBool() ? 1 : 0;
        if (v.isString())
            return v.toString().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 ? 1 : 0;
        return v.isDouble() ? QVariant(v.toDouble() != 0 ? 1 : 0) : QVariant();
    case FieldMapping::Type::Json:
        return QString::fromUtf8(
            v.isObject()  ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
            : v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                          : v.toVariant().toString().toUtf8());
    }
    return QVariant();
}

bool RecordMapper::map(const QJsonObject &record, QVariantList *row, QString *error) const
{
    row->clear();
    row->reserve(m_fields.size());
    for (const FieldMapping &field : m_fields) {
        QVariant value;
        for (const QString &path : field.paths) {
            value = convert(JsonPath::get(record, path), field);
            if (value.isValid() &&
                !(value.typeId() == QMetaType::QString && value.toString().isEmpty()))
                break;
        }
        if (!value.isValid() && field.hasConstant)
            value = field.constant.toVariant();
        if (field.column == QLatin1String("external_id") &&
            (!value.isValid() || value.toString().isEmpty())) {
            *error = QObject::tr("a record has no value at \"%1\" for its id")
                         .arg(field.paths.join(QStringLiteral("\" or \"")));
            return false;
        }
        row->append(value);
    }
    return true;
}

QDateTime RecordMapper::cursorValue(const QJsonObject &record) const
{
    if (m_stream.cursor.field.isEmpty())
        return {};
    return IsoDate::parse(JsonPath::get(record, m_stream.cursor.field));
}
