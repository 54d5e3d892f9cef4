#include "isodate.h"

#include <QRegularExpression>

namespace IsoDate {

QString day(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

QString timestamp(const QDateTime &dateTime)
{
    const QDateTime utc = dateTime.toUTC();
    return utc.time().msec() ? utc.toString(Qt::ISODateWithMs) : utc.toString(Qt::ISODate);
}

namespace {

QDateTime fromEpoch(double value)
{
    // Seconds until the year 5138; beyond that the number can only be milliseconds.
    if (value > 1e11)
        return QDateTime::fromMSecsSinceEpoch(qint64(value), Qt::UTC);
    return QDateTime::fromMSecsSinceEpoch(qint64(value * 1000.0), Qt::UTC);
}

} // namespace

QDateTime parse(const QJsonValue &value)
{
    if (value.isDouble())
        return fromEpoch(value.toDouble());
    if (value.isString())
        return parse(value.toString());
    return {};
}

QDateTime parse(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return {};
    static const QRegularExpression digits(QStringLiteral("^\\d{9,}(\\.\\d+)?$"));
    if (digits.match(text).hasMatch())
        return fromEpoch(text.toDouble());
    static const QRegularExpression pattern(QStringLiteral(
        "^(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
        "\\s*(Z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2})?$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return {};
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    int msec = 0;
    if (m.hasCaptured(7))
        msec = m.captured(7).left(3).leftJustified(3, QLatin1Char('0')).toInt();
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), msec);
    if (!date.isValid() || !time.isValid())
        return {};
    QDateTime result(date, time, Qt::UTC);
    const QString zone = m.captured(8);
    if (!zone.isEmpty() && zone != QLatin1String("Z")) {
        QString offset = zone.mid(1);
        offset.remove(QLatin1Char(':'));
        const int hours = offset.left(2).toInt();
        const int minutes = offset.size() >= 4 ? offset.mid(2, 2).toInt() : 0;
        const int seconds =
            (hours * 3600 + minutes * 60) * (zone.startsWith(QLatin1Char('-')) ? -1 : 1);
        result = result.addSecs(-seconds);
    }
    return result;
}

} // namespace IsoDate
