#include "exportcommand.h"

#include "clioutput.h"
#include "export/exportrequest.h"
#include "subcommandparser.h"
#include "workspaceopener.h"

#include <QFileInfo>
#include <QGuiApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ExportCommand", text);
}

} // namespace

bool ExportCommand::needsGraphics(const QStringList &arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument.compare(QLatin1String("--format=pdf"), Qt::CaseInsensitive) == 0)
            return true;
        if (argument == QLatin1String("--format") &&
            arguments.value(i + 1).compare(QLatin1String("pdf"), Qt::CaseInsensitive) == 0)
            return true;
        if (argument.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

std::unique_ptr<QCoreApplication> makeCommandLineApplication(int &argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (!ExportCommand::needsGraphics(arguments))
        return std::make_unique<QCoreApplication>(argc, argv);
    // A PDF is painted off screen; the command line never opens a window or needs a display.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

QString ExportCommand::summary() const
{
    return tr("Write a table or a report to a CSV or PDF file");
}

QStringList ExportCommand::usage() const
{
    return {QStringLiteral("export %1 --format csv|pdf --output FILE [--days N] "
                           "[--no-personal-data] [--bom] [--page-size a4|letter] [--landscape]")
                .arg(ExportRequest::targets().join(QLatin1Char('|')))};
}

int ExportCommand::run(const QStringList &arguments, const CommandContext &context)
{
    CliOutput &output = *context.output;
    SubcommandParser sub(
        QStringLiteral("export"),
        tr("Writes a workspace table (all of its rows) or a report to a CSV or PDF file. PDF: "
           "the adoption report (adoption), the feedback digest (feedback), or any report as "
           "a table."),
        QStringLiteral("TABLE|REPORT"));
    QCommandLineParser &parser = sub.parser();
    const QCommandLineOption format(QStringLiteral("format"),
                                    tr("csv or pdf (default: from the file's extension)."),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption outputFile(QStringLiteral("output"), tr("The file to write."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption days(QStringLiteral("days"),
                                  tr("Reports: the last N days (default 90)."), QStringLiteral("N"),
                                  QStringLiteral("90"));
    const QCommandLineOption noPersonal(QStringLiteral("no-personal-data"),
                                        tr("CSV: leave out names and e-mail addresses."));
    const QCommandLineOption bom(QStringLiteral("bom"),
                                 tr("CSV: start with a byte-order mark, for spreadsheets."));
    const QCommandLineOption keys(QStringLiteral("keys"),
                                  tr("CSV: column keys rather than titles in the header."));
    const QCommandLineOption pageSize(QStringLiteral("page-size"), tr("PDF: a4 or letter."),
                                      QStringLiteral("SIZE"), QStringLiteral("a4"));
    const QCommandLineOption landscape(QStringLiteral("landscape"), tr("PDF: landscape pages."));
    parser.addOptions({format, outputFile, days, noPersonal, bom, keys, pageSize, landscape});
    if (const auto stop = sub.parse(arguments, output, 1, 1))
        return *stop;

    ExportRequest request;
    request.target = sub.positional().value(0);
    if (!ExportRequest::targets().contains(request.target))
        return sub.usageError(
            output, tr("unknown table or report '%1' (expected %2)")
                        .arg(request.target, ExportRequest::targets().join(QStringLiteral(", "))));
    if (!parser.isSet(outputFile) || parser.value(outputFile).isEmpty())
        return sub.usageError(output, tr("--output FILE is required"));
    request.output = parser.value(outputFile);
    const QString formatName =
        parser.isSet(format) ? parser.value(format) : QFileInfo(request.output).suffix();
    const std::optional<ExportRequest::Format> chosen = ExportRequest::formatNamed(formatName);
    if (!chosen)
        return sub.usageError(output,
                              parser.isSet(format)
                                  ? tr("--format must be csv or pdf, got \"%1\"").arg(formatName)
                                  : tr("--format csv|pdf is required when the output file "
                                       "ends neither in .csv nor in .pdf"));
    request.format = *chosen;
    bool daysOk = false;
    request.days = parser.value(days).toInt(&daysOk);
    if (!daysOk || request.days < 1)
        return sub.usageError(
            output, tr("--days must be a number of days, got \"%1\"").arg(parser.value(days)));
    const std::optional<QPageSize::PageSizeId> size =
        PdfPageSetup::sizeNamed(parser.value(pageSize));
    if (!size)
        return sub.usageError(
            output, tr("--page-size must be a4 or letter, got \"%1\"").arg(parser.value(pageSize)));
    request.page.size = *size;
    request.page.orientation =
        parser.isSet(landscape) ? QPageLayout::Landscape : QPageLayout::Portrait;
    request.csv.byteOrderMark = parser.isSet(bom);
    request.csv.personalData = !parser.isSet(noPersonal);
    request.csv.header = parser.isSet(keys) ? CsvOptions::Header::Keys : CsvOptions::Header::Titles;
    if (request.format == ExportRequest::Format::Pdf &&
        (parser.isSet(bom) || parser.isSet(noPersonal) || parser.isSet(keys)))
        return sub.usageError(output,
                              tr("--bom, --keys and --no-personal-data go with --format csv"));

    const auto db = WorkspaceOpener::open(context.workspaceOption, output, false);
    if (!db)
        return ExitError;
    request.workspaceName = db->workspace().displayName();
    const TableExport::Result result = ExportRunner::run(db.get(), request);
    if (!result.ok())
        return output.fail(result.error, ExitError);
    if (request.format == ExportRequest::Format::Csv)
        output.err() << tr("Wrote %1 rows to %2.").arg(result.rows).arg(request.output) << '\n';
    else
        output.err() << tr("Wrote %1.").arg(request.output) << '\n';
    return ExitOk;
}
