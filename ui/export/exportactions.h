#pragma once

#include "export/modelsource.h"
#include "feedback/feedbackquery.h"
#include "metrics/reporttable.h"
#include "metrics/reportwindow.h"

#include <QDate>
#include <QString>

#include <memory>

class Database;
class QAbstractItemModel;
class QWidget;

// What pages call to export: each asks for the options, then the file, then runs the export
// off the UI thread with a progress dialog. Nothing is written unless the export completes.
namespace ExportActions {

// CSV of a table view: the rows and columns `shown` (pass the proxy the view shows), or,
// when table names a workspace table (features, feedback, work-items, ...), every row of it.
void exportTable(QWidget *parent, const QAbstractItemModel *shown, const QString &fileName,
                 const ModelSource::Options &options = {}, std::shared_ptr<Database> database = {},
                 const QString &table = {});
// CSV of an inbox view: every item the filter matches (not just those scrolled to), or the
// whole feedback table.
void exportFeedback(QWidget *parent, std::shared_ptr<Database> database, const FeedbackQuery &view);

// PDFs: options (page size, orientation, preview), then the file.
void exportAdoptionPdf(QWidget *parent, std::shared_ptr<Database> database,
                       const QString &workspace, const ReportWindow &window, const QDate &today);
void exportFeedbackDigestPdf(QWidget *parent, std::shared_ptr<Database> database,
                             const QString &workspace, const FeedbackQuery &view);
void exportReportPdf(QWidget *parent, const ReportTable &report, const QString &workspace,
                     const QString &window);

// A launch plan as stored (save pending edits first): the PDF for stakeholders, with the
// timeline across pages or fitted to one, or its phases, tasks and milestones as CSV.
void exportLaunchPlanPdf(QWidget *parent, std::shared_ptr<Database> database, qint64 planId,
                         const QString &planName, const QString &workspace, const QDate &today);
void exportLaunchPlanCsv(QWidget *parent, std::shared_ptr<Database> database, qint64 planId,
                         const QString &planName);

// Print previews of the same documents, read off the UI thread first.
void previewAdoptionReport(QWidget *parent, std::shared_ptr<Database> database,
                           const QString &workspace, const ReportWindow &window,
                           const QDate &today);
void previewFeedbackDigest(QWidget *parent, std::shared_ptr<Database> database,
                           const QString &workspace, const FeedbackQuery &view);
void previewLaunchPlan(QWidget *parent, std::shared_ptr<Database> database, qint64 planId,
                       const QString &workspace, const QDate &today);
void previewReport(QWidget *parent, const ReportTable &report, const QString &workspace,
                   const QString &window);

// The file to write, asked with the last folder used; empty when cancelled.
QString askFile(QWidget *parent, const QString &title, const QString &fileName,
                const QString &filter);

} // namespace ExportActions
