#pragma once

#include "exportrequest.h"

#include <QSqlDatabase>

// Launch plans to files, for `product-hub plans export ID` and the plans page: the PDF for
// stakeholders (LaunchPlanPdf) or a CSV of its phases, tasks and milestones.
namespace PlanExport {

struct Options
{
    PdfPageSetup page;
    CsvOptions csv;
    bool fitTimelineToOnePage = false;
    QString workspace; // for the title page
    QDate today;       // UTC today when invalid
};

// Writes plan planId to path, all or nothing; false with error naming what failed (an
// unknown plan, the file). PDF needs a QGuiApplication, as every PDF export does.
bool write(const QSqlDatabase &db, qint64 planId, ExportRequest::Format format, const QString &path,
           const Options &options, QString *error);

} // namespace PlanExport
