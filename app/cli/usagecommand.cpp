#include "usagecommand.h"

#include "clioutput.h"
#include "databasewriter.h"
#include "subcommandparser.h"
#include "usage/eventmapping.h"
#include "workspaceopener.h"

#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("UsageCommand", text);
}

} // namespace

QString UsageCommand::summary() const
{
    return tr("Usage events: 'map add', 'map list', 'map remove', 'unmapped'");
}

QStringList UsageCommand::usage() const
{
    return {QStringLiteral("usage map add EVENT_OR_PATTERN FEATURE"),
            QStringLiteral("usage map list"), QStringLiteral("usage map remove ID"),
            QStringLiteral("usage unmapped")};
}

int UsageCommand::run(const QStringList &arguments, const CommandContext &context)
{
    using Args = const QStringList &;
    using Ctx = const CommandContext &;
    return dispatch(
        arguments, context,
        {{QStringLiteral("map"),
          [this](Args a, Ctx c) {
              const QString action = a.value(0);
              if (action == QLatin1String("add"))
                  return add(a.mid(1), c);
              if (action == QLatin1String("list"))
                  return list(a.mid(1), c);
              if (action == QLatin1String("remove"))
                  return remove(a.mid(1), c);
              return c.output->usageError(
                  action.isEmpty()
                      ? tr("'usage map' needs a subcommand: add, list or remove")
                      : tr("unknown usage map command '%1' (expected add, list or remove)")
                            .arg(action),
                  name());
          }},
         {QStringLiteral("unmapped"), [this](Args a, Ctx c) {
              return unmapped(a, c);
          }}});
}

int UsageCommand::add(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("usage map add"),
                         tr("Counts an event as use of a feature. EVENT_OR_PATTERN is an exact "
                            "event name, or a pattern where * is any text and ? one character; "
                            "FEATURE is a feature's id or exact name. The days already synced "
                            "are counted again at once."),
                         QStringLiteral("EVENT_OR_PATTERN FEATURE"));
    if (const auto stop = sub.parse(arguments, *context.output, 2, 2))
        return *stop;
    const QString text = sub.positional().at(0);
    const QString invalid = EventMapping::validate(text);
    if (!invalid.isEmpty())
        return sub.usageError(*context.output, invalid);
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    QString error;
    const qint64 feature =
        EventMapping::findFeature(db->connection(), sub.positional().at(1), &error);
    if (feature == 0)
        return context.output->fail(error, ExitError);
    qint64 id = 0;
    const WriteResult written = db->writer()->run([&](QSqlDatabase &connection, QString *why) {
        return EventMapping::add(connection, text, feature, &id, why);
    });
    if (!written.ok)
        return context.output->fail(tr("Cannot add the mapping: %1").arg(written.error), ExitError);
    context.output->out()
        << tr("Mapping %1: \"%2\" counts as use of feature %3.").arg(id).arg(text).arg(feature)
        << '\n';
    return ExitOk;
}

int UsageCommand::list(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("usage map list"),
                         tr("Lists which events count as use of which feature."));
    if (const auto stop = sub.parse(arguments, *context.output))
        return *stop;
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    QString error;
    const QList<EventMapping::Entry> entries = EventMapping::entries(db->connection(), &error);
    if (!error.isEmpty())
        return context.output->fail(error, ExitError);
    if (entries.isEmpty()) {
        context.output->out() << tr("No events are mapped to features yet ('product-hub usage "
                                    "unmapped' lists the events synced).")
                              << '\n';
        return ExitOk;
    }
    QTextStream &out = context.output->out();
    out << tr("Id\tEvent or pattern\tKind\tFeature") << '\n';
    for (const EventMapping::Entry &entry : entries)
        out << entry.id << '\t' << entry.pattern << '\t'
            << (entry.isPattern ? tr("pattern") : tr("exact")) << '\t' << entry.featureId << ' '
            << entry.featureName << '\n';
    return ExitOk;
}

int UsageCommand::remove(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("usage map remove"),
                         tr("Removes a mapping; the days it matched are counted again at once."),
                         QStringLiteral("ID"));
    if (const auto stop = sub.parse(arguments, *context.output, 1, 1))
        return *stop;
    bool ok = false;
    const qint64 id = sub.positional().at(0).toLongLong(&ok);
    if (!ok || id <= 0)
        return sub.usageError(
            *context.output,
            tr("ID is the number 'usage map list' shows, got \"%1\"").arg(sub.positional().at(0)));
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    const WriteResult written = db->writer()->run([&](QSqlDatabase &connection, QString *why) {
        return EventMapping::remove(connection, id, why);
    });
    if (!written.ok)
        return context.output->fail(written.error, ExitError);
    context.output->out() << tr("Mapping %1 removed.").arg(id) << '\n';
    return ExitOk;
}

int UsageCommand::unmapped(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("usage unmapped"),
                         tr("Lists the synced event names no mapping matches, most frequent "
                            "first."));
    if (const auto stop = sub.parse(arguments, *context.output))
        return *stop;
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    QString error;
    const QList<EventMapping::Unmapped> names = EventMapping::unmapped(db->connection(), &error);
    if (!error.isEmpty())
        return context.output->fail(error, ExitError);
    if (names.isEmpty()) {
        context.output->out() << tr("Every synced event name is mapped to a feature.") << '\n';
        return ExitOk;
    }
    QTextStream &out = context.output->out();
    out << tr("Event\tEvents\tUsers\tLast day") << '\n';
    for (const EventMapping::Unmapped &name : names)
        out << name.eventName << '\t' << name.events << '\t' << name.users << '\t' << name.lastDay
            << '\n';
    return ExitOk;
}
