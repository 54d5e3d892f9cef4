#include "exportrequest.h"

#include "adoptionreportpdf.h"
#include "database.h"
#include "exporttables.h"
#include "feedbackdigestpdf.h"
#include "metrics/reports.h"
#include "reporttablepdf.h"
#include "reporttablesource.h"
#include "sqlsource.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QGuiApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ExportRequest", text);
}

TableExport::Result failed(const QString &error)
{
    TableExport::Result result;
    result.error = error;
    return result;
}

TableExport::Result writePdf(const PdfDocument &document, const ExportRequest &request)
{
    QString error;
    if (!PdfRenderer::write(document, request.output, request.page, &error))
        return failed(error);
    TableExport::Result result;
    result.status = TableExport::Status::Done;
    return result;
}

} // namespace

std::optional<ExportRequest::Format> ExportRequest::formatNamed(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    if (lower == QLatin1String("csv"))
        return Format::Csv;
    if (lower == QLatin1String("pdf"))
        return Format::Pdf;
    return std::nullopt;
}

QStringList ExportRequest::targets()
{
    QStringList names = ExportTables::names();
    for (const QString &report : Reports::kindNames()) {
        if (!names.contains(report))
            names.append(report);
    }
    return names;
}

QString ExportRequest::problem() const
{
    if (!targets().contains(target))
        return tr("unknown table or report '%1' (expected %2)")
            .arg(target, targets().join(QStringLiteral(", ")));
    if (output.isEmpty())
        return tr("no output file given");
    if (days < 1)
        return tr("the window must be at least one day, got %1").arg(days);
    return QString();
}

namespace ExportRunner {

TableExport::Result run(Database *database, const ExportRequest &request,
                        const ExportControl &control)
{
    const QString problem = request.problem();
    if (!problem.isEmpty())
        return failed(problem);
    const QDate today =
        request.today.isValid() ? request.today : QDateTime::currentDateTimeUtc().date();
    const ReportWindow window = ReportWindow::lastDays(request.days, today);
    const std::optional<Reports::Kind> report = Reports::kindNamed(request.target);
    QString error;

    if (request.format == ExportRequest::Format::Csv) {
        if (const std::optional<ExportTable> table = ExportTables::named(request.target);
            table && !report) {
            SqlSource source(database, *table);
            return TableExport::writeCsv(request.output, source, request.csv, control);
        }
        std::optional<ReportTable> computed =
            Reports::run(*report, database->connection(), window, today, &error);
        if (!computed)
            return failed(tr("The %1 report failed: %2").arg(request.target, error));
        ReportTableSource source(*computed);
        return TableExport::writeCsv(request.output, source, request.csv, control);
    }

    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return failed(tr("PDF exports need the graphics libraries, which this process did not "
                         "start"));
    const QSqlDatabase db = database->connection();
    if (request.target == QLatin1String("adoption")) {
        std::optional<AdoptionReportData> data =
            AdoptionReportData::load(*database, request.workspaceName, window, today, &error);
        if (!data)
            return failed(tr("The adoption report failed: %1").arg(error));
        return writePdf(AdoptionReportPdf(std::move(*data)), request);
    }
    if (request.target == QLatin1String("feedback")) {
        std::optional<FeedbackDigestData> data =
            FeedbackDigestData::load(db, request.workspaceName, FeedbackQuery(), &error);
        if (!data)
            return failed(tr("The feedback digest failed: %1").arg(error));
        return writePdf(FeedbackDigestPdf(std::move(*data)), request);
    }
    if (!report)
        return failed(tr("'%1' is a table: export it as CSV. PDF exports are the reports (%2) "
                         "and the feedback digest (feedback)")
                          .arg(request.target, Reports::kindNames().join(QStringLiteral(", "))));
    std::optional<ReportTable> computed = Reports::run(*report, db, window, today, &error);
    if (!computed)
        return failed(tr("The %1 report failed: %2").arg(request.target, error));
    return writePdf(ReportTablePdf(std::move(*computed), request.workspaceName, window.label()),
                    request);
}

} // namespace ExportRunner
