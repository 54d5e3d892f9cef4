#include "exportactions.h"

#include "database.h"
#include "export/adoptionreportpdf.h"
#include "export/exporttables.h"
#include "export/feedbackdigestpdf.h"
#include "export/feedbacksource.h"
#include "export/launchplanpdf.h"
#include "export/planexport.h"
#include "export/reporttablepdf.h"
#include "export/sqlsource.h"
#include "exportoptionsdialog.h"
#include "exporttask.h"
#include "printpreview.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QPointer>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QtConcurrent>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ExportActions", text);
}

const QString FolderKey = QStringLiteral("export/folder");

using DocumentLoader = std::function<std::shared_ptr<PdfDocument>(QString *error)>;

// Reads a document's data off the UI thread, then hands it to done on the UI thread.
void loadDocument(QWidget *parent, DocumentLoader load,
                  std::function<void(std::shared_ptr<PdfDocument>)> done)
{
    auto *watcher = new QFutureWatcher<std::pair<std::shared_ptr<PdfDocument>, QString>>(parent);
    QObject::connect(watcher, &QFutureWatcherBase::finished, parent,
                     [watcher, parent = QPointer<QWidget>(parent), done] {
                         const auto [document, error] = watcher->result();
                         watcher->deleteLater();
                         if (!parent)
                             return;
                         if (!document) {
                             QMessageBox::warning(parent, tr("Export failed"), error);
                             return;
                         }
                         done(document);
                     });
    watcher->setFuture(QtConcurrent::run([load = std::move(load)] {
        QString error;
        std::shared_ptr<PdfDocument> document = load(&error);
        return std::make_pair(document, error);
    }));
}

void savePdf(QWidget *parent, const std::shared_ptr<PdfDocument> &document,
             const PdfPageSetup &setup, const QString &fileName)
{
    const QString path =
        ExportActions::askFile(parent, tr("Save the PDF"), fileName, tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    auto *task = new ExportTask(parent, tr("Writing %1…").arg(QFileInfo(path).fileName()), path);
    task->start([document, setup, path](const ExportControl &) {
        TableExport::Result result;
        if (PdfRenderer::write(*document, path, setup, &result.error))
            result.status = TableExport::Status::Done;
        return result;
    });
}

// The loader of a document given the choices made in its options dialog.
using ChoiceLoader = std::function<DocumentLoader(const ExportOptionsDialog &options)>;

// Options first (with a preview), then the data, then the file.
void pdfFlow(QWidget *parent, const QString &fileName, ExportOptionsDialog::Kind kind,
             const ChoiceLoader &loaderFor)
{
    ExportOptionsDialog options(kind, false, parent);
    QObject::connect(&options, &ExportOptionsDialog::previewRequested, &options,
                     [&options, loaderFor](const PdfPageSetup &setup) {
                         QString error;
                         // Already asked for from a modal dialog: read here, the data is the
                         // window's, and a report takes well under a second on most workspaces.
                         const std::shared_ptr<PdfDocument> document = loaderFor(options)(&error);
                         if (!document) {
                             QMessageBox::warning(&options, tr("Preview failed"), error);
                             return;
                         }
                         PrintPreview::show(&options, document, setup);
                     });
    if (options.exec() != QDialog::Accepted)
        return;
    const PdfPageSetup setup = options.pageSetup();
    loadDocument(parent, loaderFor(options),
                 [parent, setup, fileName](std::shared_ptr<PdfDocument> document) {
                     savePdf(parent, document, setup, fileName);
                 });
}

void pdfFlow(QWidget *parent, const QString &fileName, const DocumentLoader &load)
{
    pdfFlow(parent, fileName, ExportOptionsDialog::Kind::Pdf,
            [load](const ExportOptionsDialog &) { return load; });
}

DocumentLoader planLoader(std::shared_ptr<Database> database, qint64 planId,
                          const QString &workspace, const QDate &today, bool fitTimeline)
{
    return [database, planId, workspace, today,
            fitTimeline](QString *error) -> std::shared_ptr<PdfDocument> {
        std::optional<LaunchPlanData> data =
            LaunchPlanData::load(database->connection(), planId, workspace, today, error);
        if (!data)
            return nullptr;
        return std::make_shared<LaunchPlanPdf>(
            std::move(*data), fitTimeline ? LaunchPlanPdf::Timeline::FittedToOnePage
                                          : LaunchPlanPdf::Timeline::AcrossPages);
    };
}

// A file name from a plan's name: what a stakeholder sees in a mail attachment.
QString planFileName(const QString &planName, const QString &suffix)
{
    QString name = planName.trimmed().toLower();
    static const QRegularExpression unsafe(QStringLiteral("[^\\w]+"),
                                           QRegularExpression::UseUnicodePropertiesOption);
    name.replace(unsafe, QStringLiteral("-"));
    name.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    return (name.isEmpty() ? tr("launch-plan") : name) + suffix;
}

DocumentLoader adoptionLoader(std::shared_ptr<Database> database, const QString &workspace,
                              const ReportWindow &window, const QDate &today)
{
    return [database, workspace, window, today](QString *error) -> std::shared_ptr<PdfDocument> {
        std::optional<AdoptionReportData> data =
            AdoptionReportData::load(*database, workspace, window, today, error);
        if (!data)
            return nullptr;
        return std::make_shared<AdoptionReportPdf>(std::move(*data));
    };
}

DocumentLoader digestLoader(std::shared_ptr<Database> database, const QString &workspace,
                            const FeedbackQuery &view)
{
    return [database, workspace, view](QString *error) -> std::shared_ptr<PdfDocument> {
        std::optional<FeedbackDigestData> data =
            FeedbackDigestData::load(database->connection(), workspace, view, error);
        if (!data)
            return nullptr;
        return std::make_shared<FeedbackDigestPdf>(std::move(*data));
    };
}

DocumentLoader reportLoader(const ReportTable &report, const QString &workspace,
                            const QString &window)
{
    return [report, workspace, window](QString *) -> std::shared_ptr<PdfDocument> {
        return std::make_shared<ReportTablePdf>(report, workspace, window);
    };
}

void runCsv(QWidget *parent, const QString &path,
            std::function<std::unique_ptr<ExportSource>()> makeSource, const CsvOptions &options)
{
    auto *task =
        new ExportTask(parent, tr("Exporting to %1…").arg(QFileInfo(path).fileName()), path);
    task->start([makeSource = std::move(makeSource), options, path](const ExportControl &control) {
        const std::unique_ptr<ExportSource> source = makeSource();
        return TableExport::writeCsv(path, *source, options, control);
    });
}

} // namespace

namespace ExportActions {

QString askFile(QWidget *parent, const QString &title, const QString &fileName,
                const QString &filter)
{
    QSettings settings;
    const QString folder =
        settings
            .value(FolderKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .toString();
    const QString path =
        QFileDialog::getSaveFileName(parent, title, QDir(folder).filePath(fileName), filter);
    if (!path.isEmpty())
        settings.setValue(FolderKey, QFileInfo(path).absolutePath());
    return path;
}

void exportTable(QWidget *parent, const QAbstractItemModel *shown, const QString &fileName,
                 const ModelSource::Options &options, std::shared_ptr<Database> database,
                 const QString &table)
{
    const std::optional<ExportTable> whole =
        database && !table.isEmpty() ? ExportTables::named(table) : std::nullopt;
    ExportOptionsDialog dialog(ExportOptionsDialog::Kind::Csv, whole.has_value(), parent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString path = askFile(parent, tr("Export to CSV"), fileName, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (dialog.everything()) {
        runCsv(
            parent, path,
            [database, whole] { return std::make_unique<SqlSource>(database.get(), *whole); },
            dialog.csvOptions());
        return;
    }
    // The view is read here, on its own thread; only the writing goes to the worker.
    auto source = std::make_shared<ModelSource>(shown, options);
    runCsv(
        parent, path, [source] { return std::make_unique<ModelSource>(*source); },
        dialog.csvOptions());
}

void exportFeedback(QWidget *parent, std::shared_ptr<Database> database, const FeedbackQuery &view)
{
    ExportOptionsDialog dialog(ExportOptionsDialog::Kind::Csv, true, parent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString path =
        askFile(parent, tr("Export to CSV"), tr("feedback.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (dialog.everything()) {
        const ExportTable table = *ExportTables::named(QStringLiteral("feedback"));
        runCsv(
            parent, path,
            [database, table] { return std::make_unique<SqlSource>(database.get(), table); },
            dialog.csvOptions());
        return;
    }
    runCsv(
        parent, path,
        [database, view] { return std::make_unique<FeedbackSource>(database.get(), view); },
        dialog.csvOptions());
}

void exportAdoptionPdf(QWidget *parent, std::shared_ptr<Database> database,
                       const QString &workspace, const ReportWindow &window, const QDate &today)
{
    pdfFlow(parent, tr("adoption-report-%1.pdf").arg(window.toText()),
            adoptionLoader(std::move(database), workspace, window, today));
}

void exportFeedbackDigestPdf(QWidget *parent, std::shared_ptr<Database> database,
                             const QString &workspace, const FeedbackQuery &view)
{
    pdfFlow(parent, tr("feedback-digest.pdf"), digestLoader(std::move(database), workspace, view));
}

void exportReportPdf(QWidget *parent, const ReportTable &report, const QString &workspace,
                     const QString &window)
{
    QString name = report.title.toLower();
    name.replace(QLatin1Char(' '), QLatin1Char('-'));
    pdfFlow(parent, name + QStringLiteral(".pdf"), reportLoader(report, workspace, window));
}

void previewAdoptionReport(QWidget *parent, std::shared_ptr<Database> database,
                           const QString &workspace, const ReportWindow &window, const QDate &today)
{
    loadDocument(parent, adoptionLoader(std::move(database), workspace, window, today),
                 [parent](std::shared_ptr<PdfDocument> document) {
                     ExportOptionsDialog remembered(ExportOptionsDialog::Kind::Pdf, false);
                     PrintPreview::show(parent, document, remembered.pageSetup());
                 });
}

void previewFeedbackDigest(QWidget *parent, std::shared_ptr<Database> database,
                           const QString &workspace, const FeedbackQuery &view)
{
    loadDocument(parent, digestLoader(std::move(database), workspace, view),
                 [parent](std::shared_ptr<PdfDocument> document) {
                     ExportOptionsDialog remembered(ExportOptionsDialog::Kind::Pdf, false);
                     PrintPreview::show(parent, document, remembered.pageSetup());
                 });
}

void exportLaunchPlanPdf(QWidget *parent, std::shared_ptr<Database> database, qint64 planId,
                         const QString &planName, const QString &workspace, const QDate &today)
{
    pdfFlow(
        parent, planFileName(planName, QStringLiteral(".pdf")), ExportOptionsDialog::Kind::PlanPdf,
        [database, planId, workspace, today](const ExportOptionsDialog &options) {
            return planLoader(database, planId, workspace, today, options.fitTimelineToOnePage());
        });
}

void exportLaunchPlanCsv(QWidget *parent, std::shared_ptr<Database> database, qint64 planId,
                         const QString &planName)
{
    ExportOptionsDialog dialog(ExportOptionsDialog::Kind::PlanCsv, false, parent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString path =
        askFile(parent, tr("Export to CSV"), planFileName(planName, QStringLiteral(".csv")),
                tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    PlanExport::Options options;
    options.csv = dialog.csvOptions();
    auto *task =
        new ExportTask(parent, tr("Exporting to %1…").arg(QFileInfo(path).fileName()), path);
    task->start([database, planId, options, path](const ExportControl &) {
        TableExport::Result result;
        if (PlanExport::write(database->connection(), planId, ExportRequest::Format::Csv, path,
                              options, &result.error))
            result.status = TableExport::Status::Done;
        return result;
    });
}

void previewLaunchPlan(QWidget *parent, std::shared_ptr<Database> database, qint64 planId,
                       const QString &workspace, const QDate &today)
{
    const ExportOptionsDialog remembered(ExportOptionsDialog::Kind::PlanPdf, false);
    loadDocument(parent,
                 planLoader(std::move(database), planId, workspace, today,
                            remembered.fitTimelineToOnePage()),
                 [parent](std::shared_ptr<PdfDocument> document) {
                     ExportOptionsDialog pages(ExportOptionsDialog::Kind::PlanPdf, false);
                     PrintPreview::show(parent, document, pages.pageSetup());
                 });
}

void previewReport(QWidget *parent, const ReportTable &report, const QString &workspace,
                   const QString &window)
{
    ExportOptionsDialog remembered(ExportOptionsDialog::Kind::Pdf, false);
    PrintPreview::show(parent, std::make_shared<ReportTablePdf>(report, workspace, window),
                       remembered.pageSetup());
}

} // namespace ExportActions
