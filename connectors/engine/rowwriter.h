#pragma once

#include <QSqlDatabase>
#include <QStringList>
#include <QVariantList>

// Writes a page of mapped rows into a stream's target, inside the caller's transaction.
// columns are the mapped columns (external_id first) and then "raw"; every row follows them.
namespace RowWriter {

bool write(QSqlDatabase &db, const QString &target, qint64 sourceId, const QStringList &columns,
           const QList<QVariantList> &rows, QString *error);

} // namespace RowWriter
