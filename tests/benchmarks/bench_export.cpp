// Times the exports on a large workspace: the whole feedback table to CSV (1 million rows on
// the large demo workspace) and the adoption report to PDF.
//   bench_export [--workspace DIR] [--runs N] [--days N]
// Without --workspace, the large demo workspace is generated first in a temporary folder
// (about a minute). Targets (README): the CSV under 10 s, the PDF under 5 s.

#include "benchtiming.h"
#include "database.h"
#include "demo/demogenerator.h"
#include "export/adoptionreportpdf.h"
#include "export/exporttables.h"
#include "export/sqlsource.h"
#include "export/tableexport.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QTextStream>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"), QStringLiteral("A workspace to measure (default: generate)."),
        QStringLiteral("DIR"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs of each."),
                                        QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption daysOption(QStringLiteral("days"),
                                        QStringLiteral("The adoption report's window."),
                                        QStringLiteral("N"), QStringLiteral("90"));
    parser.addOptions({workspaceOption, runsOption, daysOption});
    parser.process(app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int runs = qMax(1, parser.value(runsOption).toInt());

    QTemporaryDir scratch;
    QString folder = parser.value(workspaceOption);
    const bool generate = folder.isEmpty();
    if (generate)
        folder = scratch.filePath(QStringLiteral("large"));
    Database::OpenResult opened = Database::open(Workspace(folder));
    if (!opened.database) {
        err << opened.message << Qt::endl;
        return 1;
    }
    Database *database = opened.database.get();
    QString error;
    if (generate) {
        QElapsedTimer timer;
        timer.start();
        DemoGenerator::Options options;
        options.scale = DemoGenerator::Scale::Large;
        QSqlDatabase db = database->connection();
        if (!DemoGenerator(options).generate(db, &error)) {
            err << error << Qt::endl;
            return 1;
        }
        out << "generated the large workspace in " << timer.elapsed() / 1000 << " s" << Qt::endl;
    }

    const std::optional<ExportTable> feedback = ExportTables::named(QStringLiteral("feedback"));
    const QString csvPath = scratch.filePath(QStringLiteral("feedback.csv"));
    qint64 rows = 0;
    const double csvMs = medianMs(runs, [&] {
        SqlSource source(database, *feedback);
        const TableExport::Result result = TableExport::writeCsv(csvPath, source, CsvOptions());
        rows = result.rows;
        if (!result.ok())
            err << result.error << Qt::endl;
        return result.ok();
    });
    out << "feedback to CSV: " << rows << " rows, "
        << QString::number(double(QFileInfo(csvPath).size()) / (1024.0 * 1024.0), 'f', 0)
        << " MB, median " << QString::number(csvMs / 1000.0, 'f', 2) << " s ("
        << QString::number(double(rows) / (csvMs / 1000.0), 'f', 0) << " rows/s; target under 10 s)"
        << Qt::endl;

    const QDate today = QDateTime::currentDateTimeUtc().date();
    const ReportWindow window = ReportWindow::lastDays(parser.value(daysOption).toInt(), today);
    const QString pdfPath = scratch.filePath(QStringLiteral("adoption.pdf"));
    double loadMs = 0;
    const double pdfMs = medianMs(runs, [&] {
        QElapsedTimer timer;
        timer.start();
        const std::optional<AdoptionReportData> data = AdoptionReportData::load(
            *database, QStringLiteral("Large demo"), window, today, &error);
        if (!data) {
            err << error << Qt::endl;
            return false;
        }
        loadMs = double(timer.nsecsElapsed()) / 1e6;
        return PdfRenderer::write(AdoptionReportPdf(*data), pdfPath, PdfPageSetup(), &error);
    });
    out << "adoption report to PDF (" << window.days() << " days): median "
        << QString::number(pdfMs / 1000.0, 'f', 2) << " s, of which reading the reports "
        << QString::number(loadMs / 1000.0, 'f', 2) << " s (target under 5 s)" << Qt::endl;
    return csvMs >= 0 && pdfMs >= 0 ? 0 : 1;
}
