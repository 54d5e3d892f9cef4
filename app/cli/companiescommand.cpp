#include "companiescommand.h"

#include "clioutput.h"
#include "companies/companystore.h"
#include "companies/companytreemodel.h"
#include "databasewriter.h"
#include "metrics/reporttable.h"
#include "subcommandparser.h"
#include "workspaceopener.h"

#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CompaniesCommand", text);
}

std::optional<qint64> idArgument(const QString &text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

using K = ReportColumn::Kind;

ReportTable companiesTable(const QList<CompanySummary> &companies)
{
    ReportTable table{tr("Companies"),
                      {{QStringLiteral("id"), tr("Id"), K::Integer},
                       {QStringLiteral("name"), tr("Company"), K::Text},
                       {QStringLiteral("domain"), tr("Domain"), K::Text},
                       {QStringLiteral("sources"), tr("Sources"), K::Integer},
                       {QStringLiteral("users"), tr("Users"), K::Integer},
                       {QStringLiteral("opportunities"), tr("Opportunities"), K::Integer},
                       {QStringLiteral("feedback"), tr("Feedback"), K::Integer}},
                      {},
                      {}};
    for (const CompanySummary &company : companies)
        table.rows.append({company.id, company.name, company.domain, qint64(company.sources.size()),
                           company.users, company.opportunities, company.feedback});
    return table;
}

ReportTable sourcesTable(const CompanySummary &company)
{
    ReportTable table{tr("Identifiers of %1").arg(company.name),
                      {{QStringLiteral("source"), tr("Source"), K::Text},
                       {QStringLiteral("kind"), tr("Kind"), K::Text},
                       {QStringLiteral("external_id"), tr("Identifier"), K::Text},
                       {QStringLiteral("name"), tr("Name there"), K::Text},
                       {QStringLiteral("domain"), tr("Domain there"), K::Text},
                       {QStringLiteral("matched_by"), tr("Matched by"), K::Text}},
                      {},
                      {}};
    for (const CompanySource &source : company.sources)
        table.rows.append({source.sourceName, source.sourceKind, source.externalId, source.name,
                           source.domain, CompanyTreeModel::matchedByText(source.matchedBy)});
    return table;
}

} // namespace

QString CompaniesCommand::summary() const
{
    return tr("Companies across tools: 'list', 'show', 'split' a wrong match, 'merge' two");
}

QStringList CompaniesCommand::usage() const
{
    return {QStringLiteral("companies list [--search TEXT]"), QStringLiteral("companies show ID"),
            QStringLiteral("companies split SOURCE_NAME EXTERNAL_ID"),
            QStringLiteral("companies merge FROM_ID INTO_ID")};
}

int CompaniesCommand::run(const QStringList &arguments, const CommandContext &context)
{
    using Args = const QStringList &;
    using Ctx = const CommandContext &;
    return dispatch(arguments, context,
                    {{QStringLiteral("list"),
                      [this](Args a, Ctx c) {
                          return list(a, c);
                      }},
                     {QStringLiteral("show"),
                      [this](Args a, Ctx c) {
                          return show(a, c);
                      }},
                     {QStringLiteral("split"),
                      [this](Args a, Ctx c) {
                          return split(a, c);
                      }},
                     {QStringLiteral("merge"), [this](Args a, Ctx c) {
                          return merge(a, c);
                      }}});
}

int CompaniesCommand::list(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("companies list"),
                         tr("Lists companies with their sources and what points at them."));
    const QCommandLineOption search(QStringLiteral("search"),
                                    tr("Only companies whose name, domain or identifiers "
                                       "contain TEXT."),
                                    QStringLiteral("TEXT"));
    sub.parser().addOption(search);
    if (const auto stop = sub.parse(arguments, *context.output))
        return *stop;
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    QString error;
    const auto companies = CompanyStore::list(db->connection(), sub.parser().value(search), &error);
    if (!companies)
        return context.output->fail(tr("Cannot read companies: %1").arg(error), ExitError);
    context.output->out() << ReportFormat::text(companiesTable(*companies));
    return ExitOk;
}

int CompaniesCommand::show(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("companies show"),
                         tr("Shows a company and its identifier in each service."),
                         QStringLiteral("ID"));
    if (const auto stop = sub.parse(arguments, *context.output, 1, 1))
        return *stop;
    const std::optional<qint64> id = idArgument(sub.positional().at(0));
    if (!id)
        return sub.usageError(
            *context.output, tr("ID is a positive number, got \"%1\"").arg(sub.positional().at(0)));
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    QString error;
    const auto company = CompanyStore::company(db->connection(), *id, &error);
    if (!company)
        return context.output->fail(error, ExitError);
    context.output->out() << ReportFormat::text(companiesTable({*company})) << '\n'
                          << ReportFormat::text(sourcesTable(*company));
    return ExitOk;
}

int CompaniesCommand::split(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("companies split"),
                         tr("Splits a wrongly matched identifier off into a company of its own; "
                            "later syncs keep it apart."),
                         QStringLiteral("SOURCE_NAME EXTERNAL_ID"));
    if (const auto stop = sub.parse(arguments, *context.output, 2, 2))
        return *stop;
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    const QString sourceName = sub.positional().at(0);
    const QString externalId = sub.positional().at(1);
    QString error;
    const std::optional<qint64> source =
        CompanyStore::sourceId(db->connection(), sourceName, &error);
    if (!source)
        return context.output->fail(error, ExitError);
    CompanyEdit edit;
    const WriteResult written = db->writer()->run([&](QSqlDatabase &connection, QString *e) {
        return CompanyStore::split(connection, *source, externalId, &edit, e);
    });
    if (!written.ok)
        return context.output->fail(written.error, ExitError);
    context.output->out() << tr("Identifier %1 of %2 is company %3 now (\"%4\"); %5 record(s) "
                                "moved with it.")
                                 .arg(externalId, sourceName)
                                 .arg(edit.target())
                                 .arg(edit.created.value(0).name)
                                 .arg(edit.rows.size())
                          << '\n';
    return ExitOk;
}

int CompaniesCommand::merge(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("companies merge"),
                         tr("Merges a company into another: every identifier and record of the "
                            "first belongs to the second, for good."),
                         QStringLiteral("FROM_ID INTO_ID"));
    if (const auto stop = sub.parse(arguments, *context.output, 2, 2))
        return *stop;
    const std::optional<qint64> from = idArgument(sub.positional().at(0));
    const std::optional<qint64> into = idArgument(sub.positional().at(1));
    if (!from || !into)
        return sub.usageError(*context.output, tr("ids are positive numbers"));
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    CompanyEdit edit;
    const WriteResult written = db->writer()->run([&](QSqlDatabase &connection, QString *e) {
        return CompanyStore::merge(connection, *from, *into, &edit, e);
    });
    if (!written.ok)
        return context.output->fail(written.error, ExitError);
    context.output->out() << tr("Company %1 is merged into %2: %3 identifier(s) and %4 record(s) "
                                "moved.")
                                 .arg(*from)
                                 .arg(*into)
                                 .arg(edit.links.size())
                                 .arg(edit.rows.size())
                          << '\n';
    return ExitOk;
}
