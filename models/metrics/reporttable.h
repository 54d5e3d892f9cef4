#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

// A report's result: titled columns and rows of plain values, with notes that say how to
// read it (the window, an incomplete period, currencies kept apart). Shown as a table,
// written as CSV or JSON; the UI shows the same object.
struct ReportColumn
{
    enum class Kind { Text, Integer, Number, Percent, Date, Money };
    QString key;   // stable, for JSON and CSV headers
    QString title; // for people
    Kind kind = Kind::Text;
};

struct ReportTable
{
    QString title;
    QList<ReportColumn> columns;
    QList<QVariantList> rows;
    QStringList notes;

    int column(const QString &key) const;
    QVariant value(int row, const QString &key) const;
};

namespace ReportFormat {

// Aligned columns for a terminal, numbers right-aligned; notes after the rows.
QString text(const ReportTable &table);
// RFC 4180, keys as the header row. Text that a spreadsheet would run as a formula
// (starting with = + - @) is prefixed with an apostrophe.
QByteArray csv(const ReportTable &table);
// {"title", "columns": [{key, title, kind}], "rows": [{key: value}], "notes": [...]}
QByteArray json(const ReportTable &table);

} // namespace ReportFormat
