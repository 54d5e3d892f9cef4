#pragma once

#include "exportcolumn.h"

#include <QByteArrayList>
#include <QStringList>

// Rows to export, read once from the start: a workspace table, a report, what a view shows.
// Cells come as the text they are written as (see ExportValue), so that every format and
// every source agree on dates and numbers.
class ExportSource
{
public:
    virtual ~ExportSource() = default;

    virtual QList<ExportColumn> columns() const = 0;
    // Starts reading (on the thread that then calls next()); false with error set.
    virtual bool open(QString *error) = 0;
    // How many rows next() will give, or -1 when not known; valid after open().
    virtual qint64 rowCount() const { return -1; }
    // The next row's cells in column order; false at the end or on error (see error()).
    virtual bool next(QStringList *cells) = 0;
    virtual QString error() const { return QString(); }

    // Sources that read UTF-8 text (the database) may hand it on as it is, which spares a
    // conversion to UTF-16 and back for every cell of a million-row export. Cells are as
    // next() would give them.
    virtual bool hasUtf8Rows() const { return false; }
    virtual bool nextUtf8(QByteArrayList *) { return false; }
};
