#pragma once

#include <QDate>
#include <QString>

#include <optional>

// The days a report covers, both ends included. Stored timestamps are ISO 8601 text in UTC,
// so a day range compares with them as text: from <= ts < the day after to.
struct ReportWindow
{
    QDate from;
    QDate to;

    static ReportWindow lastDays(int days, const QDate &today);
    // --days N, or --from/--to (either may be omitted: from defaults to `days` before to,
    // to to today). error names the bad value.
    static std::optional<ReportWindow> parse(int days, const QString &from, const QString &to,
                                             const QDate &today, QString *error);

    int days() const { return int(from.daysTo(to)) + 1; }
    QString fromText() const { return from.toString(Qt::ISODate); }
    QString toText() const { return to.toString(Qt::ISODate); }
    // The first day after the window, for timestamp comparisons (ts < endText()).
    QString endText() const { return to.addDays(1).toString(Qt::ISODate); }
    QString label() const;
};
