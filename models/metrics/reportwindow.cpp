#include "reportwindow.h"

#include <QCoreApplication>

ReportWindow ReportWindow::lastDays(int days, const QDate &today)
{
    return {today.addDays(-(qMax(1, days) - 1)), today};
}

std::optional<ReportWindow> ReportWindow::parse(int days, const QString &from, const QString &to,
                                                const QDate &today, QString *error)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("ReportWindow", text);
    };
    if (days < 1 || days > 3660) {
        *error = tr("--days must be between 1 and 3660, got %1").arg(days);
        return std::nullopt;
    }
    ReportWindow window = lastDays(days, today);
    if (!to.isEmpty()) {
        window.to = QDate::fromString(to, Qt::ISODate);
        if (!window.to.isValid()) {
            *error = tr("--to must be a date as YYYY-MM-DD, got \"%1\"").arg(to);
            return std::nullopt;
        }
        window.from = window.to.addDays(-(days - 1));
    }
    if (!from.isEmpty()) {
        window.from = QDate::fromString(from, Qt::ISODate);
        if (!window.from.isValid()) {
            *error = tr("--from must be a date as YYYY-MM-DD, got \"%1\"").arg(from);
            return std::nullopt;
        }
        if (to.isEmpty())
            window.to = today;
    }
    if (window.from > window.to) {
        *error = tr("--from (%1) is after --to (%2)").arg(window.fromText(), window.toText());
        return std::nullopt;
    }
    return window;
}

QString ReportWindow::label() const
{
    return QCoreApplication::translate("ReportWindow", "%1 to %2 (%n days)", nullptr, days())
        .arg(fromText(), toText());
}
