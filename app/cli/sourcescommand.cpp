#include "sourcescommand.h"

#include "clioutput.h"
#include "clisecrets.h"
#include "databasewriter.h"
#include "manifest/connectorregistry.h"
#include "manifest/settingsvalidator.h"
#include "oauthlogin.h"
#include "sourcestore.h"
#include "subcommandparser.h"
#include "workspaceopener.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SourcesCommand", text);
}

ConnectorRegistry loadRegistry(const Database &db, CliOutput &output)
{
    ConnectorRegistry registry = ConnectorRegistry::load(db.workspace().connectorsFolder());
    for (const QString &error : registry.errors())
        output.err() << tr("warning: connector manifest left out: ") << error << Qt::endl;
    return registry;
}

QString settingValue(const QJsonValue &value)
{
    if (value.isArray()) {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items.append(item.toVariant().toString());
        return items.join(QLatin1Char(','));
    }
    return value.toVariant().toString();
}

} // namespace

QString SourcesCommand::summary() const
{
    return tr("Connected services: kinds, add, list, show, remove");
}

QStringList SourcesCommand::usage() const
{
    return {QStringLiteral("sources kinds [--json]"),
            QStringLiteral("sources add KIND --name NAME [--base-url URL] [--set KEY=VALUE]..."),
            QStringLiteral("sources list [--json]"), QStringLiteral("sources show NAME"),
            QStringLiteral("sources remove NAME")};
}

int SourcesCommand::run(const QStringList &arguments, const CommandContext &context)
{
    return dispatch(
        arguments, context,
        {{QStringLiteral("kinds"),
          [this](const QStringList &a, const CommandContext &c) {
              return kinds(a, c);
          }},
         {QStringLiteral("add"),
          [this](const QStringList &a, const CommandContext &c) {
              return add(a, c);
          }},
         {QStringLiteral("list"),
          [this](const QStringList &a, const CommandContext &c) {
              return list(a, c);
          }},
         {QStringLiteral("show"),
          [this](const QStringList &a, const CommandContext &c) {
              return show(a, c);
          }},
         {QStringLiteral("remove"), [this](const QStringList &a, const CommandContext &c) {
              return remove(a, c);
          }}});
}

int SourcesCommand::kinds(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("sources kinds"),
                         tr("Lists every connector kind with the settings a source of it needs."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    sub.parser().addOption(json);
    if (const auto stop = sub.parse(arguments, *context.output))
        return *stop;
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, true);
    if (!db)
        return ExitError;
    const ConnectorRegistry registry = loadRegistry(*db, *context.output);
    QTextStream &out = context.output->out();
    if (sub.parser().isSet(json)) {
        QJsonArray kinds;
        for (const ConnectorManifest &m : registry.manifests()) {
            QJsonArray settings;
            for (const SettingSpec &s : m.settings) {
                settings.append(QJsonObject{{QStringLiteral("name"), s.name},
                                            {QStringLiteral("type"), SettingSpec::typeName(s.type)},
                                            {QStringLiteral("required"), s.required},
                                            {QStringLiteral("help"), s.help}});
            }
            QJsonArray streams;
            for (const StreamSpec &s : m.streams)
                streams.append(s.name);
            kinds.append(QJsonObject{{QStringLiteral("kind"), m.kind},
                                     {QStringLiteral("title"), m.title},
                                     {QStringLiteral("category"), m.category},
                                     {QStringLiteral("auth"), AuthSpec::typeName(m.auth.type)},
                                     {QStringLiteral("baseUrl"), m.defaultBaseUrl},
                                     {QStringLiteral("builtIn"), m.builtIn},
                                     {QStringLiteral("settings"), settings},
                                     {QStringLiteral("streams"), streams}});
        }
        out << QJsonDocument(kinds).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    for (const ConnectorManifest &m : registry.manifests()) {
        out << m.kind << "  " << m.title << "  (" << m.category << ", " << tr("auth: ")
            << AuthSpec::typeName(m.auth.type) << ")\n";
        for (const SettingSpec &s : m.settings) {
            out << "    " << s.name << " (" << SettingSpec::typeName(s.type)
                << (s.required ? tr(", required") : QString()) << "): " << s.help << '\n';
        }
    }
    return ExitOk;
}

int SourcesCommand::add(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(
        QStringLiteral("sources add"),
        tr("Adds a source of the given kind. See 'sources kinds' for the settings."),
        QStringLiteral("KIND"));
    const QCommandLineOption nameOption(QStringLiteral("name"), tr("A name for the source."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption baseOption(QStringLiteral("base-url"),
                                        tr("The service's API address, when not the default."),
                                        QStringLiteral("URL"));
    const QCommandLineOption setOption(QStringLiteral("set"), tr("A setting, repeatable."),
                                       QStringLiteral("KEY=VALUE"));
    sub.parser().addOptions({nameOption, baseOption, setOption});
    if (const auto stop = sub.parse(arguments, *context.output, 1, 1))
        return *stop;
    const QString name = sub.parser().value(nameOption).trimmed();
    if (name.isEmpty())
        return sub.usageError(*context.output, tr("--name is required"));

    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, true);
    if (!db)
        return ExitError;
    const ConnectorRegistry registry = loadRegistry(*db, *context.output);
    const QString kind = sub.positional().first();
    const ConnectorManifest *manifest = registry.find(kind);
    if (!manifest) {
        QStringList kinds;
        for (const ConnectorManifest &m : registry.manifests())
            kinds.append(m.kind);
        return sub.usageError(
            *context.output,
            tr("unknown kind '%1' (kinds: %2)").arg(kind, kinds.join(QStringLiteral(", "))));
    }
    Source source;
    source.kind = kind;
    source.name = name;
    if (sub.parser().isSet(baseOption)) {
        source.baseUrl = sub.parser().value(baseOption).trimmed();
        if (const QString problem = SettingsValidator::checkBaseUrl(source.baseUrl);
            !problem.isEmpty())
            return sub.usageError(*context.output, tr("--base-url: %1").arg(problem));
    }
    QStringList problems;
    source.settings = SettingsValidator(*manifest).parse(sub.parser().values(setOption), &problems);
    if (!problems.isEmpty()) {
        for (qsizetype i = 0; i + 1 < problems.size(); ++i)
            context.output->err() << tr("error: ") << problems.at(i) << '\n';
        return sub.usageError(*context.output, problems.last());
    }
    const WriteResult result =
        db->writer()->run([&source](QSqlDatabase &connection, QString *error) {
            return SourceStore(connection).add(source, error);
        });
    if (!result.ok)
        return context.output->fail(result.error, ExitError);
    context.output->out() << tr("Added %1 source \"%2\".").arg(manifest->title, source.name)
                          << '\n';
    if (manifest->auth.type != AuthSpec::Type::None) {
        context.output->out()
            << (manifest->auth.type == AuthSpec::Type::OAuth2
                    ? tr("Sign in with: product-hub auth login %1").arg(source.name)
                    : tr("Store its token with: product-hub auth set %1").arg(source.name))
            << '\n';
    }
    return ExitOk;
}

int SourcesCommand::list(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("sources list"), tr("Lists the workspace's sources."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    sub.parser().addOption(json);
    if (const auto stop = sub.parse(arguments, *context.output))
        return *stop;
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    QString error;
    SourceStore store(db->connection());
    const QList<Source> sources = store.all(&error);
    if (!error.isEmpty())
        return context.output->fail(error, ExitError);
    QTextStream &out = context.output->out();
    QJsonArray array;
    for (const Source &source : sources) {
        const QList<StreamStatus> streams = store.streamStatus(source.id, &error);
        QString last;
        QString status = streams.isEmpty() ? QStringLiteral("never synced") : QStringLiteral("ok");
        for (const StreamStatus &s : streams) {
            last = qMax(last, s.finishedAt);
            if (s.status != QLatin1String("ok"))
                status = QStringLiteral("partial");
        }
        if (sub.parser().isSet(json)) {
            array.append(QJsonObject{{QStringLiteral("name"), source.name},
                                     {QStringLiteral("kind"), source.kind},
                                     {QStringLiteral("baseUrl"), source.baseUrl},
                                     {QStringLiteral("settings"), source.settings},
                                     {QStringLiteral("lastSync"), last},
                                     {QStringLiteral("status"), status}});
        } else {
            out << QStringLiteral("%1  %2  %3  %4")
                       .arg(source.name, -16)
                       .arg(source.kind, -14)
                       .arg(status, -13)
                       .arg(last.isEmpty() ? tr("-") : last)
                << '\n';
        }
    }
    if (sub.parser().isSet(json))
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    else if (sources.isEmpty())
        out << tr("No sources yet. Add one with: product-hub sources add KIND --name NAME") << '\n';
    return ExitOk;
}

int SourcesCommand::show(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("sources show"),
                         tr("Shows a source, its settings and its streams."),
                         QStringLiteral("NAME"));
    if (const auto stop = sub.parse(arguments, *context.output, 1, 1))
        return *stop;
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    QString error;
    SourceStore store(db->connection());
    const auto source = store.byName(sub.positional().first(), &error);
    if (!source)
        return context.output->fail(error, ExitError);
    QTextStream &out = context.output->out();
    out << tr("Name:      %1").arg(source->name) << '\n'
        << tr("Kind:      %1").arg(source->kind) << '\n'
        << tr("Base URL:  %1")
               .arg(source->baseUrl.isEmpty() ? tr("(the service's default)") : source->baseUrl)
        << '\n'
        << tr("Added:     %1").arg(source->createdAt) << '\n'
        << tr("Settings:") << '\n';
    for (auto it = source->settings.constBegin(); it != source->settings.constEnd(); ++it)
        out << "  " << it.key() << " = " << settingValue(it.value()) << '\n';
    out << tr("Streams:") << '\n';
    const QList<StreamStatus> streams = store.streamStatus(source->id, &error);
    if (streams.isEmpty())
        out << "  " << tr("never synced") << '\n';
    for (const StreamStatus &s : streams) {
        out << QStringLiteral("  %1 %2 %3 records, %4 pages, %5")
                   .arg(s.stream, -16)
                   .arg(s.status, -13)
                   .arg(s.records)
                   .arg(s.pages)
                   .arg(s.finishedAt.isEmpty() ? s.startedAt : s.finishedAt)
            << '\n';
        if (!s.error.isEmpty())
            out << "    " << s.error << '\n';
        if (!s.resumeAt.isEmpty())
            out << "    " << tr("can resume at %1").arg(s.resumeAt) << '\n';
    }
    return ExitOk;
}

int SourcesCommand::remove(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(
        QStringLiteral("sources remove"),
        tr("Removes a source, everything synced from it, and its keychain entries."),
        QStringLiteral("NAME"));
    if (const auto stop = sub.parse(arguments, *context.output, 1, 1))
        return *stop;
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    QString error;
    const auto source = SourceStore(db->connection()).byName(sub.positional().first(), &error);
    if (!source)
        return context.output->fail(error, ExitError);
    // Secrets first: a source that is gone but whose token stays in the keychain would be
    // a leak nobody can see any more.
    CliSecrets secrets(db->workspaceId());
    const ConnectorRegistry registry = loadRegistry(*db, *context.output);
    if (const ConnectorManifest *manifest = registry.find(source->kind))
        OAuthLogin::revoke(*source, *manifest, secrets, *context.output);
    const SecretStore::Result removed = secrets.removeAll(source->id);
    if (removed.status != SecretStore::Status::Ok &&
        removed.status != SecretStore::Status::NotFound)
        return context.output->fail(
            tr("The keychain entries of \"%1\" could not be removed, so the "
               "source was kept: %2")
                .arg(source->name, removed.error),
            ExitError);
    const qint64 id = source->id;
    const WriteResult result = db->writer()->run([id](QSqlDatabase &connection, QString *e) {
        return SourceStore(connection).remove(id, e);
    });
    if (!result.ok)
        return context.output->fail(result.error, ExitError);
    context.output->out()
        << tr("Removed \"%1\", its synced records and its keychain entries.").arg(source->name)
        << '\n';
    return ExitOk;
}
