#pragma once

#include "exportcolumn.h"

#include <QStringList>

#include <optional>

// The workspace tables an export can write whole: their columns for people (names of linked
// records rather than ids, no raw service payloads) and the query that reads them.
struct ExportTable
{
    QString name;  // as on the command line: features, feedback, work-items, ...
    QString title; // for people
    QString sql;   // one row per record, columns in the order of columns
    QString countSql;
    QList<ExportColumn> columns;
};

namespace ExportTables {

QStringList names();
// Accepts the table's own name too (work_items, sales_opportunities).
std::optional<ExportTable> named(const QString &name);

} // namespace ExportTables
