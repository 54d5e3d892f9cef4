#include "featurescommand.h"

#include "clioutput.h"
#include "databasewriter.h"
#include "isodate.h"
#include "linking/featurelinker.h"
#include "metrics/reports.h"
#include "subcommandparser.h"
#include "workspaceopener.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FeaturesCommand", text);
}

std::optional<qint64> idArgument(const QString &text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

// Runs sql and prints it as a table.
int printQuery(const QSqlDatabase &db, const QString &title, const QList<ReportColumn> &columns,
               const QString &sql, const QVariantList &binds, CliOutput &output)
{
    QString error;
    const std::optional<ReportTable> table = Reports::query(db, title, columns, sql, binds, &error);
    if (!table)
        return output.fail(error, ExitError);
    output.out() << ReportFormat::text(*table);
    return ExitOk;
}

} // namespace

QString FeaturesCommand::summary() const
{
    return tr("Features: 'list', 'link' (rules, or one record by hand), 'unlink', 'merge', "
              "'apart', 'unlinked'");
}

QStringList FeaturesCommand::usage() const
{
    return {
        QStringLiteral("features list"),
        QStringLiteral("features link --auto"),
        QStringLiteral("features link work_items|feedback|documents RECORD_ID FEATURE_ID"),
        QStringLiteral("features unlink work_items|feedback|documents RECORD_ID"),
        QStringLiteral("features merge FEATURE_ID INTO_FEATURE_ID"),
        QStringLiteral("features apart FEATURE_ID"),
        QStringLiteral("features unlinked [--table work_items|feedback|documents] [--limit N]")};
}

int FeaturesCommand::run(const QStringList &arguments, const CommandContext &context)
{
    using Args = const QStringList &;
    using Ctx = const CommandContext &;
    return dispatch(arguments, context,
                    {{QStringLiteral("list"),
                      [this](Args a, Ctx c) {
                          return list(a, c);
                      }},
                     {QStringLiteral("link"),
                      [this](Args a, Ctx c) {
                          return a.contains(QLatin1String("--auto")) ? autoLink(a, c)
                                                                     : link(a, c, false);
                      }},
                     {QStringLiteral("unlink"),
                      [this](Args a, Ctx c) {
                          return link(a, c, true);
                      }},
                     {QStringLiteral("merge"),
                      [this](Args a, Ctx c) {
                          return merge(a, c, false);
                      }},
                     {QStringLiteral("apart"),
                      [this](Args a, Ctx c) {
                          return merge(a, c, true);
                      }},
                     {QStringLiteral("unlinked"), [this](Args a, Ctx c) {
                          return unlinked(a, c);
                      }}});
}

int FeaturesCommand::list(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("features list"),
                         tr("Lists features with their source, merges and linked records."));
    if (const auto stop = sub.parse(arguments, *context.output))
        return *stop;
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    using K = ReportColumn::Kind;
    return printQuery(
        db->connection(), tr("Features"),
        {{QStringLiteral("id"), tr("Id"), K::Integer},
         {QStringLiteral("name"), tr("Feature"), K::Text},
         {QStringLiteral("source"), tr("Source"), K::Text},
         {QStringLiteral("status"), tr("Status"), K::Text},
         {QStringLiteral("release_date"), tr("Released"), K::Date},
         {QStringLiteral("merged_into"), tr("Merged into"), K::Integer},
         {QStringLiteral("work_items"), tr("Work items"), K::Integer},
         {QStringLiteral("feedback"), tr("Feedback"), K::Integer}},
        QStringLiteral("SELECT f.id, f.name, s.name, f.status, f.release_date, f.merged_into, "
                       "(SELECT count(*) FROM work_items w WHERE w.feature_id = f.id), "
                       "(SELECT count(*) FROM feedback b WHERE b.feature_id = f.id) FROM features "
                       "f LEFT JOIN sources s ON s.id = f.source_id ORDER BY f.id"),
        {}, *context.output);
}

int FeaturesCommand::autoLink(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("features link"),
                         tr("Links records to features by the rules, keeping links made by hand."));
    sub.parser().addOption({QStringLiteral("auto"), tr("Apply the linking rules.")});
    if (const auto stop = sub.parse(arguments, *context.output))
        return *stop;
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    FeatureLinker::Result result;
    const WriteResult written = db->writer()->run([&](QSqlDatabase &connection, QString *error) {
        return FeatureLinker(connection).run(&result, error);
    });
    if (!written.ok)
        return context.output->fail(tr("Linking failed: %1").arg(written.error), ExitError);
    context.output->out() << tr("Linked %1 record(s) by rule; %2 feature(s) merged by name.")
                                 .arg(result.linked)
                                 .arg(result.merged)
                          << '\n';
    return ExitOk;
}

int FeaturesCommand::link(const QStringList &arguments, const CommandContext &context, bool unlink)
{
    SubcommandParser sub(
        unlink ? QStringLiteral("features unlink") : QStringLiteral("features link"),
        unlink ? tr("Takes a record out of any feature, for good.")
               : tr("Links a record to a feature by hand; no rule undoes it."),
        unlink ? QStringLiteral("TABLE RECORD_ID") : QStringLiteral("TABLE RECORD_ID FEATURE_ID"));
    const int count = unlink ? 2 : 3;
    if (const auto stop = sub.parse(arguments, *context.output, count, count))
        return *stop;
    const QStringList args = sub.positional();
    const std::optional<qint64> record = idArgument(args.at(1));
    const std::optional<qint64> feature =
        unlink ? std::optional<qint64>(0) : idArgument(args.at(2));
    if (!FeatureLinker::linkedTables().contains(args.at(0)))
        return sub.usageError(
            *context.output,
            tr("TABLE must be one of %1, got \"%2\"")
                .arg(FeatureLinker::linkedTables().join(QStringLiteral(", ")), args.at(0)));
    if (!record || !feature)
        return sub.usageError(*context.output, tr("ids are positive numbers"));
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    const WriteResult written = db->writer()->run([&](QSqlDatabase &connection, QString *error) {
        return FeatureLinker(connection).link(args.at(0), *record, *feature, error);
    });
    if (!written.ok)
        return context.output->fail(written.error, ExitError);
    context.output->out()
        << (unlink ? tr("Record %1 of %2 belongs to no feature now.").arg(*record).arg(args.at(0))
                   : tr("Record %1 of %2 is linked to feature %3.")
                         .arg(*record)
                         .arg(args.at(0))
                         .arg(*feature))
        << '\n';
    return ExitOk;
}

int FeaturesCommand::merge(const QStringList &arguments, const CommandContext &context, bool apart)
{
    SubcommandParser sub(
        apart ? QStringLiteral("features apart") : QStringLiteral("features merge"),
        apart ? tr("Keeps a feature apart from any other, undoing a merge.")
              : tr("Merges a feature into another: both sources' records count "
                   "as one feature."),
        apart ? QStringLiteral("FEATURE_ID") : QStringLiteral("FEATURE_ID INTO_FEATURE_ID"));
    const int count = apart ? 1 : 2;
    if (const auto stop = sub.parse(arguments, *context.output, count, count))
        return *stop;
    const std::optional<qint64> feature = idArgument(sub.positional().at(0));
    const std::optional<qint64> target =
        apart ? std::optional<qint64>(0) : idArgument(sub.positional().at(1));
    if (!feature || !target)
        return sub.usageError(*context.output, tr("ids are positive numbers"));
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    const WriteResult written = db->writer()->run([&](QSqlDatabase &connection, QString *error) {
        return FeatureLinker(connection).merge(*feature, *target, error);
    });
    if (!written.ok)
        return context.output->fail(written.error, ExitError);
    context.output->out()
        << (apart ? tr("Feature %1 stands on its own.").arg(*feature)
                  : tr("Feature %1 is merged into feature %2.").arg(*feature).arg(*target))
        << '\n';
    return ExitOk;
}

int FeaturesCommand::unlinked(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("features unlinked"),
                         tr("Lists records that belong to no feature."));
    const QCommandLineOption table(QStringLiteral("table"),
                                   tr("work_items, feedback or documents."),
                                   QStringLiteral("TABLE"), QStringLiteral("work_items"));
    const QCommandLineOption limit(QStringLiteral("limit"), tr("At most N rows (default 50)."),
                                   QStringLiteral("N"), QStringLiteral("50"));
    sub.parser().addOptions({table, limit});
    if (const auto stop = sub.parse(arguments, *context.output))
        return *stop;
    const QString tableName = sub.parser().value(table);
    bool ok = false;
    const int rows = sub.parser().value(limit).toInt(&ok);
    if (!FeatureLinker::linkedTables().contains(tableName))
        return sub.usageError(
            *context.output,
            tr("--table must be one of %1, got \"%2\"")
                .arg(FeatureLinker::linkedTables().join(QStringLiteral(", ")), tableName));
    if (!ok || rows < 1)
        return sub.usageError(*context.output, tr("--limit must be a positive number"));
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    QSqlQuery count(db->connection());
    count.exec(QStringLiteral("SELECT count(*) FROM %1 WHERE feature_id IS NULL").arg(tableName));
    const qint64 total = count.next() ? count.value(0).toLongLong() : 0;
    using K = ReportColumn::Kind;
    const int result = printQuery(
        db->connection(), tr("Records of %1 without a feature").arg(tableName),
        {{QStringLiteral("id"), tr("Id"), K::Integer},
         {QStringLiteral("source"), tr("Source"), K::Text},
         {QStringLiteral("external_id"), tr("Id in the source"), K::Text},
         {QStringLiteral("title"), tr("Title"), K::Text}},
        QStringLiteral("SELECT r.id, s.name, r.external_id, r.title FROM %1 r JOIN sources s ON "
                       "s.id = r.source_id WHERE r.feature_id IS NULL ORDER BY r.id LIMIT ?")
            .arg(tableName),
        {rows}, *context.output);
    context.output->out() << tr("%1 record(s) without a feature in all.").arg(total) << '\n';
    return result;
}

QString CurrencyCommand::summary() const
{
    return tr("Exchange rates for reports: 'list', 'base CODE', 'set CODE RATE'");
}

QStringList CurrencyCommand::usage() const
{
    return {QStringLiteral("currency list"), QStringLiteral("currency base CODE"),
            QStringLiteral("currency set CODE RATE")};
}

int CurrencyCommand::run(const QStringList &arguments, const CommandContext &context)
{
    CliOutput &output = *context.output;
    static const QRegularExpression code(QStringLiteral("^[A-Za-z]{3}$"));
    const auto open = [&] {
        return WorkspaceOpener::open(context.workspaceOption, output, false);
    };
    const auto write = [&](Database &db, const QString &sql, const QVariantList &binds) {
        return db.writer()->run([&](QSqlDatabase &connection, QString *error) {
            QSqlQuery query(connection);
            query.prepare(sql);
            for (const QVariant &bind : binds)
                query.addBindValue(bind);
            if (!query.exec())
                *error = query.lastError().text();
            return error->isEmpty();
        });
    };
    return dispatch(
        arguments, context,
        {{QStringLiteral("list"),
          [&](const QStringList &a, const CommandContext &) {
              SubcommandParser sub(QStringLiteral("currency list"), tr("Shows the rates."));
              if (const auto stop = sub.parse(a, output))
                  return *stop;
              const auto db = open();
              if (!db)
                  return int(ExitError);
              using K = ReportColumn::Kind;
              return printQuery(
                  db->connection(), tr("Exchange rates"),
                  {{QStringLiteral("currency"), tr("Currency"), K::Text},
                   {QStringLiteral("rate"), tr("Value in the base currency"), K::Text},
                   {QStringLiteral("updated_at"), tr("Set"), K::Text}},
                  QStringLiteral("SELECT value, 1, '' FROM workspace_meta WHERE key = "
                                 "'base_currency' UNION ALL SELECT currency, rate, updated_at "
                                 "FROM currency_rates"),
                  {}, output);
          }},
         {QStringLiteral("base"),
          [&](const QStringList &a, const CommandContext &) {
              SubcommandParser sub(QStringLiteral("currency base"),
                                   tr("Sets the currency reports convert into."),
                                   QStringLiteral("CODE"));
              if (const auto stop = sub.parse(a, output, 1, 1))
                  return *stop;
              if (!code.match(sub.positional().at(0)).hasMatch())
                  return sub.usageError(output, tr("CODE is a three-letter currency code such as "
                                                   "USD, got \"%1\"")
                                                    .arg(sub.positional().at(0)));
              const auto db = open();
              if (!db)
                  return int(ExitError);
              const WriteResult result = write(
                  *db,
                  QStringLiteral("INSERT INTO workspace_meta (key, value) VALUES "
                                 "('base_currency', ?) ON CONFLICT (key) DO UPDATE SET value = "
                                 "excluded.value"),
                  {sub.positional().at(0).toUpper()});
              return result.ok ? int(ExitOk) : output.fail(result.error, ExitError);
          }},
         {QStringLiteral("set"), [&](const QStringList &a, const CommandContext &) {
              SubcommandParser sub(QStringLiteral("currency set"),
                                   tr("Sets how much one unit of CODE is worth in the base "
                                      "currency."),
                                   QStringLiteral("CODE RATE"));
              if (const auto stop = sub.parse(a, output, 2, 2))
                  return *stop;
              bool ok = false;
              const double rate = sub.positional().at(1).toDouble(&ok);
              if (!code.match(sub.positional().at(0)).hasMatch())
                  return sub.usageError(output, tr("CODE is a three-letter currency code such as "
                                                   "EUR, got \"%1\"")
                                                    .arg(sub.positional().at(0)));
              if (!ok || rate <= 0)
                  return sub.usageError(
                      output,
                      tr("RATE must be a positive number, got \"%1\"").arg(sub.positional().at(1)));
              const auto db = open();
              if (!db)
                  return int(ExitError);
              const WriteResult result = write(
                  *db,
                  QStringLiteral("INSERT INTO currency_rates (currency, rate, updated_at) VALUES "
                                 "(?, ?, ?) ON CONFLICT (currency) DO UPDATE SET rate = "
                                 "excluded.rate, updated_at = excluded.updated_at"),
                  {sub.positional().at(0).toUpper(), rate,
                   IsoDate::timestamp(QDateTime::currentDateTimeUtc())});
              return result.ok ? int(ExitOk) : output.fail(result.error, ExitError);
          }}});
}
