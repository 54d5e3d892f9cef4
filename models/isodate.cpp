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

namespace {

// The form almost every service uses, read without a regular expression: this runs for
// every date of every record a sync reads. Anything else goes the general way.
QDateTime parseCommonForm(QStringView t)
{
    // YYYY-MM-DDTHH:MM:SS[.fff]Z or with an offset +HH:MM
    if (t.size() < 20 || t[4] != QLatin1Char('-') || t[7] != QLatin1Char('-') ||
        t[10] != QLatin1Char('T') || t[13] != QLatin1Char(':') || t[16] != QLatin1Char(':'))
        return {};
    const auto digits = [&t](qsizetype from, qsizetype count, bool *ok) {
        int value = 0;
        for (qsizetype i = from; i < from + count; ++i) {
            const char16_t c = t[i].unicode();
            if (c < u'0' || c > u'9') {
                *ok = false;
                return 0;
            }
            value = value * 10 + (c - u'0');
        }
        return value;
    };
    bool ok = true;
    const QDate date(digits(0, 4, &ok), digits(5, 2, &ok), digits(8, 2, &ok));
    const int hour = digits(11, 2, &ok);
    const int minute = digits(14, 2, &ok);
    const int second = digits(17, 2, &ok);
    qsizetype pos = 19;
    int msec = 0;
    if (pos < t.size() && t[pos] == QLatin1Char('.')) {
        int scale = 100;
        ++pos;
        while (pos < t.size() && t[pos].isDigit()) {
            msec += scale * (t[pos].unicode() - u'0');
            scale /= 10;
            ++pos;
        }
    }
    if (!ok || pos >= t.size())
        return {};
    int offsetSeconds = 0;
    if (t[pos] == QLatin1Char('Z')) {
        if (pos + 1 != t.size())
            return {};
    } else if ((t[pos] == QLatin1Char('+') || t[pos] == QLatin1Char('-')) && pos + 6 == t.size() &&
               t[pos + 3] == QLatin1Char(':')) {
        offsetSeconds = (digits(pos + 1, 2, &ok) * 3600 + digits(pos + 4, 2, &ok) * 60) *
                        (t[pos] == QLatin1Char('-') ? -1 : 1);
    } else {
        return {};
    }
    const QTime time(hour, minute, second, msec);
    if (!ok || !date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC).addSecs(-offsetSeconds);
}

} // namespace

QDateTime parse(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return {};
    if (const QDateTime common = parseCommonForm(text); common.isValid())
        return common;
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
