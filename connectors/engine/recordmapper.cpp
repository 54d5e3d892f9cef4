#include "recordmapper.h"

#include "isodate.h"

#include <QJsonArray>
#include <QJsonDocument>

RecordMapper::RecordMapper(const StreamSpec &stream)
    : m_cursor(stream.cursor.field)
    , m_hasCursor(!stream.cursor.field.isEmpty())
{
    for (const FieldMapping &mapping : stream.mapping) {
        Field field{mapping, {}};
        for (const QString &path : mapping.paths)
            field.paths.emplace_back(path);
        if (mapping.column == QLatin1String("external_id"))
            m_fields.insert(m_fields.begin(), field);
        else
            m_fields.push_back(field);
    }
    for (const Field &field : m_fields)
        m_columns.append(field.mapping.column);
    for (const RecordFilter &filter : stream.filters)
        m_filters.push_back({filter, JsonPath(filter.path)});
}

bool RecordMapper::accepts(const JsonRecord &record) const
{
    for (const Filter &f : m_filters) {
        const QJsonValue value = record.value(f.path);
        const bool present = !value.isUndefined() && !value.isNull();
        switch (f.filter.test) {
        case RecordFilter::Test::Exists:
            if (!present)
                return false;
            break;
        case RecordFilter::Test::Missing:
            if (present)
                return false;
            break;
        case RecordFilter::Test::Equals:
            if (value != f.filter.value)
                return false;
            break;
        case RecordFilter::Test::NotEquals:
            if (value == f.filter.value)
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
        if (!field.hasJoin) {
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

bool RecordMapper::map(const JsonRecord &record, QVariantList *row, QString *error) const
{
    row->clear();
    row->reserve(qsizetype(m_fields.size()));
    for (const Field &field : m_fields) {
        QVariant value;
        for (const JsonPath &path : field.paths) {
            value = convert(record.value(path), field.mapping);
            if (value.isValid() &&
                !(value.typeId() == QMetaType::QString && value.toString().isEmpty()))
                break;
        }
        if (!field.mapping.values.isEmpty() && value.typeId() == QMetaType::QString) {
            const auto found = field.mapping.values.constFind(value.toString());
            if (found != field.mapping.values.constEnd())
                value = found.value();
        }
        if (!value.isValid() && field.mapping.hasConstant)
            value = field.mapping.constant.toVariant();
        if (field.mapping.column == QLatin1String("external_id") &&
            (!value.isValid() || value.toString().isEmpty())) {
            *error = QObject::tr("a record has no value at \"%1\" for its id")
                         .arg(field.mapping.paths.join(QStringLiteral("\" or \"")));
            return false;
        }
        row->append(value);
    }
    return true;
}

QDateTime RecordMapper::cursorValue(const JsonRecord &record) const
{
    if (!m_hasCursor)
        return {};
    return IsoDate::parse(record.value(m_cursor));
}
