#include "reporttablesource.h"

#include "personaldata.h"

ReportTableSource::ReportTableSource(ReportTable table)
    : m_table(std::move(table))
    , m_columns(columnsOf(m_table))
{
}

ExportColumn::Kind ReportTableSource::kindOf(ReportColumn::Kind kind)
{
    switch (kind) {
    case ReportColumn::Kind::Integer:
        return ExportColumn::Kind::Integer;
    case ReportColumn::Kind::Number:
    case ReportColumn::Kind::Percent:
    case ReportColumn::Kind::Money:
        return ExportColumn::Kind::Number;
    case ReportColumn::Kind::Date:
        return ExportColumn::Kind::Date;
    case ReportColumn::Kind::Text:
        break;
    }
    return ExportColumn::Kind::Text;
}

QList<ExportColumn> ReportTableSource::columnsOf(const ReportTable &table)
{
    QStringList keys;
    for (const ReportColumn &column : table.columns)
        keys.append(column.key);
    const QList<bool> personal = PersonalData::personalColumns(keys);
    QList<ExportColumn> columns;
    for (qsizetype i = 0; i < table.columns.size(); ++i) {
        const ReportColumn &column = table.columns.at(i);
        columns.append({column.key, column.title, kindOf(column.kind), personal.at(i)});
    }
    return columns;
}

bool ReportTableSource::open(QString *)
{
    m_row = 0;
    return true;
}

bool ReportTableSource::next(QStringList *cells)
{
    if (m_row >= m_table.rows.size())
        return false;
    const QVariantList &row = m_table.rows.at(m_row++);
    cells->clear();
    for (qsizetype c = 0; c < m_columns.size(); ++c)
        cells->append(ExportValue::text(row.value(c), m_columns.at(c).kind));
    return true;
}
