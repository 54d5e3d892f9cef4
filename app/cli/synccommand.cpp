#include "synccommand.h"

#include "clioutput.h"
#include "clisecrets.h"
#include "engine/syncengine.h"
#include "manifest/connectorregistry.h"
#include "sourcestore.h"
#include "subcommandparser.h"
#include "workspaceopener.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <csignal>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SyncCommand", text);
}

volatile std::sig_atomic_t s_interrupted = 0;

void onInterrupt(int)
{
    s_interrupted = 1;
}

} // namespace

QString SyncCommand::summary() const
{
    return tr("Sync sources now: per-stream progress and a summary (--json)");
}

QStringList SyncCommand::usage() const
{
    return {QStringLiteral("sync [NAME...] [--all] [--full] [--json]")};
}

int SyncCommand::run(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("sync"),
                         tr("Syncs the named sources (or --all). Each page is committed with the "
                            "stream's cursor, so an interrupted sync resumes where it stopped. "
                            "Exit codes: 0 every stream succeeded, 3 some failed or were rate "
                            "limited, 1 error."),
                         QStringLiteral("[NAME...]"));
    const QCommandLineOption allOption(QStringLiteral("all"), tr("Sync every enabled source."));
    const QCommandLineOption fullOption(QStringLiteral("full"),
                                        tr("Read everything again, ignoring the stored cursors."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print the summary as JSON."));
    sub.parser().addOptions({allOption, fullOption, jsonOption});
    if (const auto stop = sub.parse(arguments, *context.output, 0, -1))
        return *stop;
    const QStringList names = sub.positional();
    if (names.isEmpty() && !sub.parser().isSet(allOption))
        return sub.usageError(*context.output, tr("name the sources to sync, or give --all"));

    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    const ConnectorRegistry registry = ConnectorRegistry::load(db->workspace().connectorsFolder());
    QString error;
    SourceStore store(db->connection());
    QList<Source> sources;
    if (sub.parser().isSet(allOption)) {
        for (const Source &source : store.all(&error)) {
            if (source.enabled)
                sources.append(source);
        }
    } else {
        for (const QString &name : names) {
            const auto source = store.byName(name, &error);
            if (!source)
                return context.output->fail(error, ExitError);
            sources.append(*source);
        }
    }
    if (sources.isEmpty())
        return context.output->fail(tr("There are no sources to sync."), ExitError);

    QList<SyncTarget> targets;
    CliSecrets secrets(db->workspaceId());
    for (const Source &source : std::as_const(sources)) {
        const ConnectorManifest *manifest = registry.find(source.kind);
        if (!manifest)
            return context.output->fail(
                tr("\"%1\" is a %2 source, but no connector of that kind is "
                   "installed.")
                    .arg(source.name, source.kind),
                ExitError);
        if (source.settings.value(QStringLiteral("demo")).toBool())
            return context.output->fail(
                tr("\"%1\" belongs to the demo workspace and has no service "
                   "to sync from.")
                    .arg(source.name),
                ExitError);
        SyncTarget target{source, *manifest, {}, {}};
        if (manifest->auth.type != AuthSpec::Type::None) {
            const SecretStore::Result secret =
                secrets.read(SecretStore::key(source.id, QStringLiteral("token")));
            if (secret.status == SecretStore::Status::NotFound)
                return context.output->fail(
                    tr("No credentials are stored for \"%1\". Run 'product-hub "
                       "auth %2 %1' first.")
                        .arg(source.name, manifest->auth.type == AuthSpec::Type::OAuth2
                                              ? QStringLiteral("login")
                                              : QStringLiteral("set")),
                    ExitError);
            if (secret.status != SecretStore::Status::Ok)
                return context.output->fail(secret.error, ExitError);
            target.credentials.token = secret.secret;
            if (manifest->auth.type == AuthSpec::Type::OAuth2) {
                for (const auto &[name, field] :
                     {std::pair{QStringLiteral("refresh_token"), &Credentials::refreshToken},
                      std::pair{QStringLiteral("client_secret"), &Credentials::clientSecret}}) {
                    const SecretStore::Result extra =
                        secrets.read(SecretStore::key(source.id, name));
                    if (extra.status == SecretStore::Status::Ok)
                        target.credentials.*field = extra.secret;
                    else if (extra.status != SecretStore::Status::NotFound)
                        return context.output->fail(extra.error, ExitError);
                }
            }
        }
        targets.append(target);
    }

    QTextStream &err = context.output->err();
    SyncEngine engine(db.get());
    QEventLoop loop;
    QList<StreamOutcome> outcomes;
    QObject::connect(&engine, &SyncEngine::streamStarted, &loop,
                     [&err](const QString &source, const QString &stream) {
                         err << tr("%1/%2: syncing…").arg(source, stream) << Qt::endl;
                     });
    QObject::connect(
        &engine, &SyncEngine::progress, &loop,
        [&err](const QString &source, const QString &stream, qint64 records, int pages) {
            err << tr("%1/%2: %3 records, %4 pages").arg(source, stream).arg(records).arg(pages)
                << Qt::endl;
        });
    // Renewed tokens replace the old ones at once: a rotated refresh token works only once.
    QObject::connect(
        &engine, &SyncEngine::credentialsRefreshed, &loop,
        [&](qint64 sourceId, const QByteArray &accessToken, const QByteArray &refreshToken) {
            SecretStore::Result stored =
                secrets.write(SecretStore::key(sourceId, QStringLiteral("token")), accessToken);
            if (stored.status == SecretStore::Status::Ok && !refreshToken.isEmpty())
                stored = secrets.write(SecretStore::key(sourceId, QStringLiteral("refresh_token")),
                                       refreshToken);
            if (stored.status != SecretStore::Status::Ok)
                err << tr("warning: the renewed tokens could not be stored: %1").arg(stored.error)
                    << Qt::endl;
        });
    QObject::connect(&engine, &SyncEngine::finished, &loop,
                     [&](const QList<StreamOutcome> &result) {
                         outcomes = result;
                         loop.quit();
                     });
    // Ctrl+C cancels cleanly: pages already committed stay, the cursor with them.
    s_interrupted = 0;
    auto *previous = std::signal(SIGINT, onInterrupt);
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &loop, [&] {
        if (s_interrupted) {
            s_interrupted = 0;
            err << tr("Cancelling…") << Qt::endl;
            engine.cancel();
        }
    });
    interruptPoll.start(100);
    SyncEngine::Options options;
    options.full = sub.parser().isSet(fullOption);
    engine.start(targets, options);
    if (engine.isRunning())
        loop.exec();
    std::signal(SIGINT, previous);

    bool allOk = true;
    QJsonArray json;
    QTextStream &out = context.output->out();
    for (const StreamOutcome &o : std::as_const(outcomes)) {
        allOk = allOk && o.status == StreamOutcome::Status::Ok;
        if (sub.parser().isSet(jsonOption)) {
            QJsonObject entry{{QStringLiteral("source"), o.source},
                              {QStringLiteral("stream"), o.stream},
                              {QStringLiteral("status"), StreamOutcome::statusName(o.status)},
                              {QStringLiteral("records"), o.records},
                              {QStringLiteral("pages"), o.pages}};
            if (!o.error.isEmpty())
                entry.insert(QStringLiteral("error"), o.error);
            if (o.resumeAt.isValid())
                entry.insert(QStringLiteral("resumeAt"), o.resumeAt.toString(Qt::ISODate));
            json.append(entry);
        } else {
            out << QStringLiteral("%1/%2: %3, %4 records in %5 pages")
                       .arg(o.source, o.stream, StreamOutcome::statusName(o.status))
                       .arg(o.records)
                       .arg(o.pages);
            if (o.resumeAt.isValid())
                out << tr(", can resume at %1").arg(o.resumeAt.toString(Qt::ISODate));
            if (!o.error.isEmpty())
                out << " — " << o.error;
            out << '\n';
        }
    }
    if (sub.parser().isSet(jsonOption))
        out << QJsonDocument(json).toJson(QJsonDocument::Indented);
    else if (!allOk)
        out << tr("Sync partly done: some streams did not finish.") << '\n';
    return allOk ? ExitOk : ExitPartial;
}
