#include "dbcommand.h"

#include "clioutput.h"
#include "subcommandparser.h"
#include "workspaceinfo.h"
#include "workspaceopener.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("DbCommand", text, nullptr, n);
}

} // namespace

QString DbCommand::summary() const
{
    return tr("Workspace database: 'info' (schema, rows per table, size), 'check' (integrity)");
}

QStringList DbCommand::usage() const
{
    return {QStringLiteral("db info [--json]"), QStringLiteral("db check")};
}

int DbCommand::run(const QStringList &arguments, const CommandContext &context)
{
    return dispatch(
        arguments, context,
        {{QStringLiteral("info"),
          [this](const QStringList &a, const CommandContext &c) {
              return info(a, c);
          }},
         {QStringLiteral("check"), [this](const QStringList &a, const CommandContext &c) {
              return check(a, c);
          }}});
}

int DbCommand::info(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("db info"),
                         tr("Shows the schema version, the rows of every table and the size."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    sub.parser().addOption(json);
    if (const auto stop = sub.parse(arguments, *context.output))
        return *stop;

    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    const WorkspaceInfo info =
        WorkspaceInfo::collect(db->connection(), db->path(), db->schemaVersion());
    QTextStream &out = context.output->out();
    if (sub.parser().isSet(json)) {
        QJsonObject rows;
        for (const auto &[table, count] : info.rowCounts)
            rows.insert(table, count);
        const QJsonObject object{{QStringLiteral("workspace"), db->workspace().folder()},
                                 {QStringLiteral("database"), info.path},
                                 {QStringLiteral("schemaVersion"), info.schemaVersion},
                                 {QStringLiteral("fileSize"), info.fileSize},
                                 {QStringLiteral("rows"), rows}};
        out << QJsonDocument(object).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    const QLocale locale;
    out << tr("Workspace:       %1").arg(db->workspace().folder()) << '\n'
        << tr("Database:        %1").arg(info.path) << '\n'
        << tr("Schema version:  %1").arg(info.schemaVersion) << '\n'
        << tr("File size:       %1").arg(locale.formattedDataSize(info.fileSize)) << '\n'
        << tr("Rows:") << '\n';
    for (const auto &[table, count] : info.rowCounts)
        out << QStringLiteral("  %1 %2").arg(table, -22).arg(count, 12) << '\n';
    return ExitOk;
}

int DbCommand::check(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("db check"),
                         tr("Checks the database file, its foreign keys and its search index."));
    if (const auto stop = sub.parse(arguments, *context.output))
        return *stop;
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    const IntegrityReport report = IntegrityReport::run(db->connection());
    if (!report.ok) {
        for (const QString &problem : report.problems)
            context.output->err() << problem << '\n';
        return context.output->fail(
            tr("%1 has %n problem(s).", int(report.problems.size())).arg(db->path()), ExitError);
    }
    context.output->out() << tr("%1: integrity check passed.").arg(db->path()) << Qt::endl;
    return ExitOk;
}
