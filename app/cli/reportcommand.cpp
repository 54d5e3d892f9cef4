#include "reportcommand.h"

#include "clioutput.h"
#include "metrics/reports.h"
#include "subcommandparser.h"
#include "workspaceopener.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ReportCommand", text);
}

} // namespace

QString ReportCommand::summary() const
{
    return tr("Product metrics: %1").arg(Reports::kindNames().join(QStringLiteral(", ")));
}

QStringList ReportCommand::usage() const
{
    return {QStringLiteral("report %1 [--days N | --from DATE --to DATE] [--format table|csv|json] "
                           "[--output FILE]")
                .arg(Reports::kindNames().join(QLatin1Char('|'))),
            QStringLiteral("report adoption --feature ID [--weekly]"),
            QStringLiteral("report KIND --drill FIGURE --key FEATURE_ID|TEAM [--days N]")};
}

int ReportCommand::run(const QStringList &arguments, const CommandContext &context)
{
    CliOutput &output = *context.output;
    const QString kindName = arguments.value(0);
    if (kindName == QLatin1String("--help") || kindName == QLatin1String("-h")) {
        for (const QString &line : usage())
            output.out() << tr("Usage: product-hub [--workspace DIR] ") << line << '\n';
        return ExitOk;
    }
    const std::optional<Reports::Kind> kind = Reports::kindNamed(kindName);
    if (!kind)
        return output.usageError(
            kindName.isEmpty()
                ? tr("'report' needs a report: %1")
                      .arg(Reports::kindNames().join(QStringLiteral(", ")))
                : tr("unknown report '%1' (expected %2)")
                      .arg(kindName, Reports::kindNames().join(QStringLiteral(", "))),
            name());

    SubcommandParser sub(QStringLiteral("report ") + kindName,
                         tr("Prints the %1 report for a window of days.").arg(kindName));
    QCommandLineParser &parser = sub.parser();
    const QCommandLineOption days(QStringLiteral("days"), tr("The last N days (default 90)."),
                                  QStringLiteral("N"), QStringLiteral("90"));
    const QCommandLineOption from(QStringLiteral("from"), tr("First day, YYYY-MM-DD."),
                                  QStringLiteral("DATE"));
    const QCommandLineOption to(QStringLiteral("to"), tr("Last day, YYYY-MM-DD (default today)."),
                                QStringLiteral("DATE"));
    const QCommandLineOption format(QStringLiteral("format"), tr("table, csv or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("table"));
    const QCommandLineOption outputFile(QStringLiteral("output"),
                                        tr("Write to FILE instead of the terminal."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption feature(QStringLiteral("feature"),
                                     tr("adoption: the curve of one feature since its release."),
                                     QStringLiteral("ID"));
    const QCommandLineOption weekly(QStringLiteral("weekly"), tr("With --feature: per week."));
    const QCommandLineOption drill(QStringLiteral("drill"),
                                   tr("The rows behind one figure: %1.")
                                       .arg(Reports::figureNames().join(QStringLiteral(", "))),
                                   QStringLiteral("FIGURE"));
    const QCommandLineOption key(QStringLiteral("key"),
                                 tr("With --drill: the feature id, or for work-items the team."),
                                 QStringLiteral("KEY"));
    parser.addOptions({days, from, to, format, outputFile, feature, weekly, drill, key});
    if (const auto stop = sub.parse(arguments.mid(1), output))
        return *stop;

    bool daysOk = false;
    const int dayCount = parser.value(days).toInt(&daysOk);
    const QString formatName = parser.value(format);
    if (!daysOk)
        return sub.usageError(output,
                              tr("--days must be a number, got \"%1\"").arg(parser.value(days)));
    if (formatName != QLatin1String("table") && formatName != QLatin1String("csv") &&
        formatName != QLatin1String("json"))
        return sub.usageError(
            output, tr("--format must be table, csv or json, got \"%1\"").arg(formatName));
    if (parser.isSet(drill) != parser.isSet(key))
        return sub.usageError(output, tr("--drill and --key go together"));
    const QDate today = QDateTime::currentDateTimeUtc().date();
    QString error;
    const std::optional<ReportWindow> window =
        ReportWindow::parse(dayCount, parser.value(from), parser.value(to), today, &error);
    if (!window)
        return sub.usageError(output, error);

    const auto db = WorkspaceOpener::open(context.workspaceOption, output, false);
    if (!db)
        return ExitError;
    std::optional<ReportTable> table;
    if (parser.isSet(drill)) {
        table = Reports::drillDown(db->connection(), parser.value(drill), parser.value(key),
                                   *window, &error);
    } else if (parser.isSet(feature)) {
        if (*kind != Reports::Kind::Adoption)
            return sub.usageError(output, tr("--feature goes with the adoption report"));
        bool idOk = false;
        const qint64 id = parser.value(feature).toLongLong(&idOk);
        if (!idOk)
            return sub.usageError(
                output,
                tr("--feature must be a feature id, got \"%1\"").arg(parser.value(feature)));
        table = Reports::adoptionCurve(db->connection(), id, parser.isSet(weekly), today, &error);
    } else {
        table = Reports::run(*kind, db->connection(), *window, today, &error);
    }
    if (!table)
        return output.fail(tr("The %1 report failed: %2").arg(kindName, error), ExitError);

    const QByteArray bytes = formatName == QLatin1String("csv") ? ReportFormat::csv(*table)
                             : formatName == QLatin1String("json")
                                 ? ReportFormat::json(*table)
                                 : ReportFormat::text(*table).toUtf8();
    if (!parser.isSet(outputFile)) {
        output.out() << QString::fromUtf8(bytes);
        return ExitOk;
    }
    // All or nothing: a half-written export is worse than none.
    QSaveFile file(parser.value(outputFile));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return output.fail(
            tr("Cannot write %1: %2").arg(parser.value(outputFile), file.errorString()), ExitError);
    output.err() << tr("Wrote %1.").arg(parser.value(outputFile)) << '\n';
    return ExitOk;
}
