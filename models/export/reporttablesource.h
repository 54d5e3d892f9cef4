#pragma once

#include "exportsource.h"
#include "metrics/reporttable.h"

// A report's rows, as computed: every column, every row, the report's own keys.
class ReportTableSource : public ExportSource
{
public:
    explicit ReportTableSource(ReportTable table);

    QList<ExportColumn> columns() const override { return m_columns; }
    bool open(QString *error) override;
    qint64 rowCount() const override { return m_table.rows.size(); }
    bool next(QStringList *cells) override;

    static ExportColumn::Kind kindOf(ReportColumn::Kind kind);
    static QList<ExportColumn> columnsOf(const ReportTable &table);

private:
    ReportTable m_table;
    QList<ExportColumn> m_columns;
    qsizetype m_row = 0;
};
