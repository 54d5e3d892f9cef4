#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonValue>
#include <QString>

// Dates as the workspace stores them: ISO 8601 in UTC.
namespace IsoDate {

QString day(const QDate &date);               // 2026-11-28
QString timestamp(const QDateTime &dateTime); // 2026-11-28T09:58:01Z, or with .zzz when set

// Reads the date and time forms services send: ISO 8601 with "Z", "+01:00" or "-0800",
// with or without fractions, "2022-09-27 13:21:10" (no zone: UTC), a bare date, and epoch
// seconds or milliseconds (as numbers or digit strings). Invalid when none fits.
QDateTime parse(const QJsonValue &value);
QDateTime parse(const QString &text);

} // namespace IsoDate
