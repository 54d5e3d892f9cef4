#include "planscommand.h"

#include "clioutput.h"
#include "databasewriter.h"
#include "launch/launchcoordinator.h"
#include "launch/planjson.h"
#include "launch/planstore.h"
#include "metrics/reporttable.h"
#include "plansexporters.h"
#include "plansview.h"
#include "subcommandparser.h"
#include "workspaceopener.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlQuery>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PlansCommand", text);
}

std::optional<qint64> idArgument(const QString &text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

QCommandLineOption todayOption()
{
    return {QStringLiteral("today"),
            tr("Judge the plan as of this day, YYYY-MM-DD (default today)."),
            QStringLiteral("DATE")};
}

std::optional<QDate> todayValue(SubcommandParser &sub, CliOutput &output, int *exitCode)
{
    if (!sub.parser().isSet(QStringLiteral("today")))
        return QDate::currentDate();
    const QDate day = QDate::fromString(sub.parser().value(QStringLiteral("today")), Qt::ISODate);
    if (!day.isValid()) {
        *exitCode = sub.usageError(output, tr("--today must be a date as YYYY-MM-DD, not \"%1\"")
                                               .arg(sub.parser().value(QStringLiteral("today"))));
        return std::nullopt;
    }
    return day;
}

// The plan with what the workspace knows around it, and the coordinator's verdict.
struct Judged
{
    Launch::LaunchPlan plan;
    Launch::LaunchContext context;
    Launch::Assessment assessment;
};

std::optional<Judged> judge(Database &db, qint64 id, const QDate &today, CliOutput &output)
{
    QString error;
    const QSqlDatabase connection = db.connection();
    std::optional<Launch::LaunchPlan> plan = Launch::PlanStore(connection).load(id, &error);
    if (!plan) {
        output.fail(error, ExitError);
        return std::nullopt;
    }
    std::optional<Launch::LaunchContext> context =
        Launch::LaunchCoordinator::loadContext(connection, *plan, today, &error);
    if (!context) {
        output.fail(tr("Cannot read the launch's features and campaigns: %1").arg(error),
                    ExitError);
        return std::nullopt;
    }
    const Launch::Assessment assessment = Launch::LaunchCoordinator::assess(*plan, *context, today);
    return Judged{std::move(*plan), std::move(*context), assessment};
}

// A feature named on the command line: its id, or its name in any case.
std::optional<qint64> featureId(const QSqlDatabase &db, const QString &name, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id FROM features WHERE id = ? OR lower(name) = lower(?) "
                                 "ORDER BY (id = ?) DESC, id LIMIT 1"));
    const qint64 asId = name.toLongLong();
    query.addBindValue(asId);
    query.addBindValue(name);
    query.addBindValue(asId);
    if (query.exec() && query.next())
        return query.value(0).toLongLong();
    *error =
        tr("There is no feature named \"%1\" in the workspace (see 'features list').").arg(name);
    return std::nullopt;
}

} // namespace

QString PlansCommand::summary() const
{
    return tr("Launch plans: 'list', 'create', 'show', 'export', 'import', 'rebase'");
}

QStringList PlansCommand::usage() const
{
    return {QStringLiteral("plans list"),
            QStringLiteral("plans create --product NAME --launch-date DATE [--feature NAME]... "
                           "[--channel NAME]... [--audience NAME]... [--template NAME]"),
            QStringLiteral("plans show ID [--format text|json] [--today DATE]"),
            QStringLiteral("plans export ID --format json --output FILE"),
            QStringLiteral("plans import FILE"),
            QStringLiteral("plans rebase ID DATE")};
}

int PlansCommand::run(const QStringList &arguments, const CommandContext &context)
{
    using Args = const QStringList &;
    using Ctx = const CommandContext &;
    return dispatch(arguments, context,
                    {{QStringLiteral("list"),
                      [this](Args a, Ctx c) {
                          return list(a, c);
                      }},
                     {QStringLiteral("create"),
                      [this](Args a, Ctx c) {
                          return create(a, c);
                      }},
                     {QStringLiteral("show"),
                      [this](Args a, Ctx c) {
                          return show(a, c);
                      }},
                     {QStringLiteral("export"),
                      [this](Args a, Ctx c) {
                          return exportPlan(a, c);
                      }},
                     {QStringLiteral("import"),
                      [this](Args a, Ctx c) {
                          return importPlan(a, c);
                      }},
                     {QStringLiteral("rebase"), [this](Args a, Ctx c) {
                          return rebase(a, c);
                      }}});
}

int PlansCommand::list(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("plans list"), tr("Lists the launch plans."));
    if (const auto stop = sub.parse(arguments, *context.output))
        return *stop;
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    QString error;
    const QList<Launch::PlanSummary> plans = Launch::PlanStore(db->connection()).list(&error);
    if (!error.isEmpty())
        return context.output->fail(error, ExitError);
    using K = ReportColumn::Kind;
    ReportTable table;
    table.title = tr("Launch plans");
    table.columns = {{QStringLiteral("id"), tr("Id"), K::Integer},
                     {QStringLiteral("product"), tr("Product"), K::Text},
                     {QStringLiteral("name"), tr("Plan"), K::Text},
                     {QStringLiteral("launch_date"), tr("Launch date"), K::Date},
                     {QStringLiteral("status"), tr("Status"), K::Text},
                     {QStringLiteral("items"), tr("Items"), K::Integer}};
    for (const Launch::PlanSummary &plan : plans) {
        table.rows.append({plan.id, plan.product, plan.name, plan.launchDate.toString(Qt::ISODate),
                           plan.status, plan.itemCount});
    }
    context.output->out() << ReportFormat::text(table);
    return ExitOk;
}

int PlansCommand::create(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("plans create"),
                         tr("Makes a launch plan from the standard timeline (or a saved "
                            "template) around the launch date."));
    const QCommandLineOption product(QStringLiteral("product"), tr("The product launched."),
                                     QStringLiteral("NAME"));
    const QCommandLineOption launchDate(QStringLiteral("launch-date"),
                                        tr("The launch day, YYYY-MM-DD."), QStringLiteral("DATE"));
    const QCommandLineOption feature(QStringLiteral("feature"),
                                     tr("A feature the launch ships, by name or id; repeat it."),
                                     QStringLiteral("NAME"));
    const QCommandLineOption channel(QStringLiteral("channel"),
                                     tr("A marketing channel (email, webinar, blog, ...); "
                                        "repeat it."),
                                     QStringLiteral("NAME"));
    const QCommandLineOption audience(QStringLiteral("audience"),
                                      tr("A target audience; repeat it."), QStringLiteral("NAME"));
    const QCommandLineOption templateName(QStringLiteral("template"),
                                          tr("The timeline template (default: the standard one)."),
                                          QStringLiteral("NAME"));
    sub.parser().addOptions({product, launchDate, feature, channel, audience, templateName});
    if (const auto stop = sub.parse(arguments, *context.output))
        return *stop;
    const QString productName = sub.parser().value(product).trimmed();
    if (productName.isEmpty())
        return sub.usageError(*context.output, tr("--product is required"));
    const QDate day = QDate::fromString(sub.parser().value(launchDate), Qt::ISODate);
    if (!day.isValid())
        return sub.usageError(*context.output,
                              tr("--launch-date must be a date as YYYY-MM-DD, not \"%1\"")
                                  .arg(sub.parser().value(launchDate)));
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;

    QString error;
    const QSqlDatabase connection = db->connection();
    QList<qint64> featureIds;
    for (const QString &name : sub.parser().values(feature)) {
        const std::optional<qint64> id = featureId(connection, name, &error);
        if (!id)
            return context.output->fail(error, ExitError);
        if (!featureIds.contains(*id))
            featureIds.append(*id);
    }
    const QString chosen = sub.parser().isSet(templateName) ? sub.parser().value(templateName)
                                                            : Launch::PlanTemplate::standardName();
    const std::optional<Launch::PlanTemplate> timeline =
        Launch::TemplateStore(connection).load(chosen, &error);
    if (!timeline)
        return context.output->fail(error, ExitError);

    Launch::LaunchPlan plan =
        Launch::LaunchCoordinator::defaultPlan(productName, day, featureIds, *timeline);
    plan.channels = sub.parser().values(channel);
    plan.audiences = sub.parser().values(audience);
    const WriteResult written = db->writer()->run([&](QSqlDatabase &writer, QString *message) {
        return Launch::PlanStore(writer).save(plan, message);
    });
    if (!written.ok)
        return context.output->fail(written.error, ExitError);
    context.output->out() << tr("Created launch plan %1: %2, launching %3, with %4 item(s).")
                                 .arg(plan.id)
                                 .arg(plan.name, day.toString(Qt::ISODate))
                                 .arg(plan.items.size())
                          << '\n';
    return ExitOk;
}

int PlansCommand::show(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("plans show"),
                         tr("Shows a plan's timeline, findings, recommendations, readiness and "
                            "success metrics."),
                         QStringLiteral("ID"));
    const QCommandLineOption format(QStringLiteral("format"), tr("text or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    sub.parser().addOptions({format, todayOption()});
    if (const auto stop = sub.parse(arguments, *context.output, 1, 1))
        return *stop;
    const std::optional<qint64> id = idArgument(sub.positional().at(0));
    if (!id)
        return sub.usageError(*context.output, tr("ID is a plan's number (see 'plans list')"));
    const QString formatName = sub.parser().value(format);
    if (formatName != QLatin1String("text") && formatName != QLatin1String("json"))
        return sub.usageError(*context.output,
                              tr("--format must be text or json, not \"%1\"").arg(formatName));
    int exitCode = ExitOk;
    const std::optional<QDate> today = todayValue(sub, *context.output, &exitCode);
    if (!today)
        return exitCode;
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    const std::optional<Judged> judged = judge(*db, *id, *today, *context.output);
    if (!judged)
        return ExitError;
    if (formatName == QLatin1String("json"))
        context.output->out() << QString::fromUtf8(
            PlansView::json(judged->plan, judged->context, judged->assessment));
    else
        context.output->out() << PlansView::text(judged->plan, judged->context, judged->assessment);
    return ExitOk;
}

int PlansCommand::exportPlan(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("plans export"),
                         tr("Writes a plan to a file; JSON is a review copy that 'plans import' "
                            "reads back."),
                         QStringLiteral("ID"));
    const QCommandLineOption format(
        QStringLiteral("format"),
        tr("The file format: %1.").arg(PlanExporters::formats().join(QStringLiteral(", "))),
        QStringLiteral("FORMAT"), QStringLiteral("json"));
    const QCommandLineOption output(QStringLiteral("output"), tr("The file to write."),
                                    QStringLiteral("FILE"));
    sub.parser().addOptions({format, output, todayOption()});
    if (const auto stop = sub.parse(arguments, *context.output, 1, 1))
        return *stop;
    const std::optional<qint64> id = idArgument(sub.positional().at(0));
    if (!id)
        return sub.usageError(*context.output, tr("ID is a plan's number (see 'plans list')"));
    const QString formatName = sub.parser().value(format).toLower();
    const PlanExporters::Writer *writer = PlanExporters::find(formatName);
    if (!writer)
        return sub.usageError(
            *context.output,
            tr("the format \"%1\" is not supported yet; this version writes %2")
                .arg(formatName, PlanExporters::formats().join(QStringLiteral(", "))));
    const QString path = sub.parser().value(output);
    if (path.isEmpty())
        return sub.usageError(*context.output, tr("--output FILE is required"));
    int exitCode = ExitOk;
    const std::optional<QDate> today = todayValue(sub, *context.output, &exitCode);
    if (!today)
        return exitCode;
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    const std::optional<Judged> judged = judge(*db, *id, *today, *context.output);
    if (!judged)
        return ExitError;
    QString error;
    const QSqlDatabase connection = db->connection();
    if (!(*writer)({connection, db->workspace().displayName(), judged->plan, judged->context,
                    judged->assessment, *today},
                   path, &error))
        return context.output->fail(error, ExitError);
    context.output->out() << tr("Wrote plan %1 to %2.").arg(*id).arg(path) << '\n';
    return ExitOk;
}

int PlansCommand::importPlan(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("plans import"),
                         tr("Adds the plan in a JSON review copy as a new plan."),
                         QStringLiteral("FILE"));
    if (const auto stop = sub.parse(arguments, *context.output, 1, 1))
        return *stop;
    const QString path = sub.positional().at(0);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return context.output->fail(tr("Cannot read %1: %2").arg(path, file.errorString()),
                                    ExitError);
    const QByteArray data = file.readAll();
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    std::optional<Launch::PlanJson::ImportResult> result;
    const WriteResult written = db->writer()->run([&](QSqlDatabase &writer, QString *error) {
        result = Launch::PlanJson::importPlan(writer, data, error);
        return result.has_value();
    });
    if (!written.ok || !result)
        return context.output->fail(tr("%1 was not imported: %2").arg(path, written.error),
                                    ExitError);
    for (const QString &note : std::as_const(result->notes))
        context.output->err() << tr("note: %1").arg(note) << '\n';
    context.output->out()
        << tr("Imported %1 as launch plan %2.").arg(result->plan.name).arg(result->plan.id) << '\n';
    return ExitOk;
}

int PlansCommand::rebase(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("plans rebase"),
                         tr("Moves a plan to a new launch date: every item not yet done moves "
                            "by the same number of days."),
                         QStringLiteral("ID DATE"));
    if (const auto stop = sub.parse(arguments, *context.output, 2, 2))
        return *stop;
    const std::optional<qint64> id = idArgument(sub.positional().at(0));
    if (!id)
        return sub.usageError(*context.output, tr("ID is a plan's number (see 'plans list')"));
    const QDate day = QDate::fromString(sub.positional().at(1), Qt::ISODate);
    if (!day.isValid())
        return sub.usageError(
            *context.output,
            tr("DATE must be a date as YYYY-MM-DD, not \"%1\"").arg(sub.positional().at(1)));
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    QDate previous;
    const WriteResult written = db->writer()->run([&](QSqlDatabase &writer, QString *error) {
        Launch::PlanStore store(writer);
        std::optional<Launch::LaunchPlan> plan = store.load(*id, error);
        if (!plan)
            return false;
        previous = plan->launchDate;
        Launch::LaunchPlan moved = Launch::LaunchCoordinator::rebased(*plan, day);
        return store.save(moved, error);
    });
    if (!written.ok)
        return context.output->fail(written.error, ExitError);
    context.output->out() << tr("Moved plan %1 from %2 to %3 (%4 day(s)).")
                                 .arg(*id)
                                 .arg(previous.toString(Qt::ISODate), day.toString(Qt::ISODate))
                                 .arg(previous.daysTo(day))
                          << '\n';
    return ExitOk;
}
