#include "exportcolumn.h"

#include "isodate.h"

#include <QDate>
#include <QDateTime>

#include <cmath>

namespace ExportValue {

QString number(double value)
{
    if (!std::isfinite(value))
        return QString();
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QString::number(qint64(value));
    // 'g' keeps the digits that matter; large or tiny values would come out with an
    // exponent, which some spreadsheets read as text.
    QString text = QString::number(value, 'g', 15);
    if (text.contains(QLatin1Char('e'))) {
        text = QString::number(value, 'f', 10);
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    return text;
}

QString day(const QString &stored)
{
    // Stored timestamps start with their day; a date column shows the day alone.
    if (stored.size() > 10 && stored.at(4) == QLatin1Char('-') &&
        (stored.at(10) == QLatin1Char('T') || stored.at(10) == QLatin1Char(' ')))
        return stored.left(10);
    return stored;
}

} // namespace ExportValue

namespace {

using ExportValue::number;

QString dateText(const QVariant &value)
{
    if (value.typeId() == QMetaType::QDate)
        return IsoDate::day(value.toDate());
    if (value.typeId() == QMetaType::QDateTime)
        return IsoDate::day(value.toDateTime().toUTC().date());
    return ExportValue::day(value.toString());
}

QString dateTimeText(const QVariant &value)
{
    if (value.typeId() == QMetaType::QDateTime)
        return IsoDate::timestamp(value.toDateTime().toUTC());
    if (value.typeId() == QMetaType::QDate)
        return IsoDate::day(value.toDate());
    return value.toString();
}

} // namespace

namespace ExportValue {

QString text(const QVariant &value, ExportColumn::Kind kind)
{
    if (!value.isValid() || value.isNull())
        return QString();
    switch (kind) {
    case ExportColumn::Kind::Integer: {
        bool ok = false;
        const qint64 integer = value.toLongLong(&ok);
        return ok ? QString::number(integer) : number(value.toDouble());
    }
    case ExportColumn::Kind::Number: {
        bool ok = false;
        const double real = value.toDouble(&ok);
        return ok ? number(real) : value.toString();
    }
    case ExportColumn::Kind::Date:
        return dateText(value);
    case ExportColumn::Kind::DateTime:
        return dateTimeText(value);
    case ExportColumn::Kind::Text:
        break;
    }
    if (value.typeId() == QMetaType::QDate || value.typeId() == QMetaType::QDateTime)
        return dateTimeText(value);
    if (value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Float)
        return number(value.toDouble());
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList().join(QStringLiteral(", "));
    return value.toString();
}

} // namespace ExportValue
