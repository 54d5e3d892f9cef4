#pragma once

#include "exportsource.h"

#include <QList>

class QAbstractItemModel;

// Exactly what a view shows: its columns in their order, its rows as filtered and sorted
// (pass the proxy the view uses). Read on construction, on the model's thread, so that the
// file can then be written on another.
class ModelSource : public ExportSource
{
public:
    struct Options
    {
        // Model columns in the order shown; empty: every column in model order.
        QList<int> columns;
        // Role holding the plain value of a cell (a number rather than "1,234"); cells
        // without it fall back to the display text.
        int valueRole = -1;
        // Header role holding a stable key for a column; its title when unset.
        int keyRole = -1;
    };

    explicit ModelSource(const QAbstractItemModel *model);
    ModelSource(const QAbstractItemModel *model, const Options &options);

    QList<ExportColumn> columns() const override { return m_columns; }
    bool open(QString *error) override;
    qint64 rowCount() const override { return m_rows.size(); }
    bool next(QStringList *cells) override;

private:
    QList<ExportColumn> m_columns;
    QList<QStringList> m_rows;
    qsizetype m_next = 0;
};
