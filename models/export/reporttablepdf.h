#pragma once

#include "metrics/reporttable.h"
#include "pdfdocument.h"

// Any report as a PDF: a title page naming the workspace and window, the report's table
// (paginated, header repeated) and the notes on how to read it.
class ReportTablePdf : public PdfDocument
{
public:
    ReportTablePdf(ReportTable table, QString workspace, QString window);

    QString title() const override { return m_table.title; }
    void layOut(PdfLayout &layout) const override;

    // A cell as people read it: grouped thousands, rates with one decimal and a % sign.
    static QString cell(const QVariant &value, ReportColumn::Kind kind);

private:
    ReportTable m_table;
    QString m_workspace;
    QString m_window;
};
