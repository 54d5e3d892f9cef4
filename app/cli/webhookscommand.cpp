#include "webhookscommand.h"

#include "clioutput.h"
#include "clisecrets.h"
#include "databasewriter.h"
#include "sourcestore.h"
#include "subcommandparser.h"
#include "webhooks/verifiers/webhookverifiers.h"
#include "webhooks/webhookjournal.h"
#include "webhooks/webhookpipeline.h"
#include "webhooks/webhookprocessors.h"
#include "webhooks/webhookreceiver.h"
#include "webhooks/webhooksecretcache.h"
#include "workspaceopener.h"

#include <QFile>

QString WebhooksCommand::summary() const
{
    return tr("Webhooks: 'serve' (the local receiver), 'secret', 'list', 'replay'");
}

QStringList WebhooksCommand::usage() const
{
    return {QStringLiteral("webhooks serve [--bind ADDR] [--port P] [--max-body BYTES] "
                           "[--public-url URL]"),
            QStringLiteral("webhooks secret NAME   (reads the signing secret from stdin)"),
            QStringLiteral("webhooks list [--status STATUS] [--source NAME] [--limit N]"),
            QStringLiteral("webhooks replay ID")};
}

int WebhooksCommand::run(const QStringList &arguments, const CommandContext &context)
{
    using Args = const QStringList &;
    using Ctx = const CommandContext &;
    return dispatch(arguments, context,
                    {{QStringLiteral("serve"),
                      [this](Args a, Ctx c) {
                          return serve(a, c);
                      }},
                     {QStringLiteral("secret"),
                      [this](Args a, Ctx c) {
                          return secret(a, c);
                      }},
                     {QStringLiteral("list"),
                      [this](Args a, Ctx c) {
                          return list(a, c);
                      }},
                     {QStringLiteral("replay"), [this](Args a, Ctx c) {
                          return replay(a, c);
                      }}});
}

int WebhooksCommand::serve(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("webhooks serve"),
                         tr("Receives webhooks at http://ADDR:P/hooks/<source name> until "
                            "stopped. Point a relay or tunnel at it to receive from the "
                            "internet."));
    const QCommandLineOption bindOption(QStringLiteral("bind"),
                                        tr("The address to listen on (default 127.0.0.1)."),
                                        QStringLiteral("ADDR"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption portOption(
        QStringLiteral("port"),
        tr("The port (default %1; 0 picks a free one).").arg(WebhookReceiver::DefaultPort),
        QStringLiteral("P"), QString::number(WebhookReceiver::DefaultPort));
    const QCommandLineOption maxBodyOption(
        QStringLiteral("max-body"), tr("The largest body accepted, in bytes (default 1 MiB)."),
        QStringLiteral("BYTES"), QString::number(WebhookReceiver::DefaultMaxBodyBytes));
    const QCommandLineOption publicOption(
        QStringLiteral("public-url"),
        tr("The scheme and host services call through a tunnel (HubSpot signs it)."),
        QStringLiteral("URL"));
    sub.parser().addOptions({bindOption, portOption, maxBodyOption, publicOption});
    if (const auto stop = sub.parse(arguments, *context.output))
        return *stop;
    WebhookReceiver::Options options;
    if (!options.address.setAddress(sub.parser().value(bindOption)))
        return sub.usageError(*context.output,
                              tr("'%1' is not an IP address.").arg(sub.parser().value(bindOption)));
    bool ok = false;
    const uint port = sub.parser().value(portOption).toUInt(&ok);
    if (!ok || port > 65535)
        return sub.usageError(*context.output, tr("--port takes a number from 0 to 65535."));
    options.port = quint16(port);
    options.maxBodyBytes = sub.parser().value(maxBodyOption).toLongLong(&ok);
    if (!ok || options.maxBodyBytes <= 0)
        return sub.usageError(*context.output, tr("--max-body takes a positive number of bytes."));
    options.publicBaseUrl = sub.parser().value(publicOption).toUtf8();
    while (options.publicBaseUrl.endsWith('/'))
        options.publicBaseUrl.chop(1);

    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    CliSecrets secrets(db->workspaceId());
    WebhookPipeline pipeline(db.get(), WebhookProcessors::create());
    WebhookReceiver receiver(db.get(), secrets.store(), &pipeline);
    QString error;
    if (!receiver.start(options, &error))
        return context.output->fail(error, ExitError);
    pipeline.resumePending();

    QTextStream &out = context.output->out();
    const QString host = options.address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(options.address.toString())
                             : options.address.toString();
    out << tr("Receiving webhooks on http://%1:%2 (stop with Ctrl+C).")
               .arg(host)
               .arg(receiver.port())
        << '\n';
    QString listError;
    const QStringList providers = WebhookVerifiers::providers();
    for (const Source &source : SourceStore(db->connection()).all(&listError)) {
        if (providers.contains(source.kind))
            out << QStringLiteral("  %1 (%2): http://%3:%4/hooks/%1\n")
                       .arg(source.name, source.kind, host)
                       .arg(receiver.port());
    }
    out.flush();
    QObject::connect(&receiver, &WebhookReceiver::stored,
                     [&out](qint64 id, const QString &source, bool duplicate) {
                         out << (duplicate ? tr("Redelivery of %1 to %2 (already stored).")
                                           : tr("Stored %1 from %2."))
                                    .arg(id)
                                    .arg(source)
                             << Qt::endl;
                     });
    QObject::connect(
        &receiver, &WebhookReceiver::refused,
        [context](const QString &source, int status, const QString &reason) {
            context.output->err()
                << tr("Refused a delivery to '%1' (%2): %3").arg(source).arg(status).arg(reason)
                << Qt::endl;
        });
    return QCoreApplication::exec() == 0 ? ExitOk : ExitError;
}

int WebhooksCommand::secret(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("webhooks secret"),
                         tr("Reads the source's webhook signing secret (one line) from standard "
                            "input into the keychain. For Pipedrive give USER:PASSWORD. An empty "
                            "line clears it, so that Asana or Notion may hand over a new one."),
                         QStringLiteral("NAME"));
    if (const auto stop = sub.parse(arguments, *context.output, 1, 1))
        return *stop;
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    QString error;
    const QString name = sub.positional().first();
    const auto source = SourceStore(db->connection()).byName(name, &error);
    if (!source)
        return context.output->fail(
            error.isEmpty() ? tr("There is no source named '%1'.").arg(name) : error, ExitError);
    if (!WebhookVerifiers::providers().contains(source->kind))
        return context.output->fail(
            tr("%1 sources send no webhooks the hub can authenticate.").arg(source->kind),
            ExitError);
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return context.output->fail(tr("Cannot read standard input."), ExitError);
    QByteArray value = input.readAll();
    while (value.endsWith('\n') || value.endsWith('\r'))
        value.chop(1);
    if (value.contains('\n'))
        return context.output->fail(tr("The secret must be one line."), ExitUsage);
    CliSecrets secrets(db->workspaceId());
    const SecretStore::Result written =
        secrets.write(SecretStore::key(source->id, WebhookSecretCache::secretName()), value);
    if (written.status != SecretStore::Status::Ok)
        return context.output->fail(tr("Cannot store the secret: %1").arg(written.error),
                                    ExitError);
    context.output->out()
        << (value.isEmpty() ? tr("Cleared the webhook secret of %1.").arg(name)
                            : tr("Stored the webhook secret of %1 in the keychain.").arg(name))
        << '\n';
    return ExitOk;
}

int WebhooksCommand::list(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("webhooks list"),
                         tr("Lists received webhook deliveries, newest first."));
    const QCommandLineOption statusOption(
        QStringLiteral("status"), tr("Only this status: received, processed, ignored, failed."),
        QStringLiteral("STATUS"));
    const QCommandLineOption sourceOption(QStringLiteral("source"), tr("Only this source."),
                                          QStringLiteral("NAME"));
    const QCommandLineOption limitOption(QStringLiteral("limit"), tr("At most N (default 50)."),
                                         QStringLiteral("N"), QStringLiteral("50"));
    sub.parser().addOptions({statusOption, sourceOption, limitOption});
    if (const auto stop = sub.parse(arguments, *context.output))
        return *stop;
    WebhookJournal::Filter filter;
    filter.status = sub.parser().value(statusOption);
    static const QStringList statuses{QStringLiteral("received"), QStringLiteral("processed"),
                                      QStringLiteral("ignored"), QStringLiteral("failed")};
    if (!filter.status.isEmpty() && !statuses.contains(filter.status))
        return sub.usageError(
            *context.output,
            tr("--status takes one of: %1.").arg(statuses.join(QStringLiteral(", "))));
    bool ok = false;
    filter.limit = sub.parser().value(limitOption).toInt(&ok);
    if (!ok || filter.limit <= 0)
        return sub.usageError(*context.output, tr("--limit takes a positive number."));
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    QString error;
    if (sub.parser().isSet(sourceOption)) {
        const QString name = sub.parser().value(sourceOption);
        const auto source = SourceStore(db->connection()).byName(name, &error);
        if (!source)
            return context.output->fail(tr("There is no source named '%1'.").arg(name), ExitError);
        filter.sourceId = source->id;
    }
    const QList<WebhookJournal::Entry> entries =
        WebhookJournal(db->connection()).list(filter, &error);
    if (!error.isEmpty())
        return context.output->fail(error, ExitError);
    QTextStream &out = context.output->out();
    out << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
               .arg(tr("Id"), -8)
               .arg(tr("Received"), -24)
               .arg(tr("Source"), -16)
               .arg(tr("Event"), -24)
               .arg(tr("Status"), -10)
               .arg(tr("Error"));
    for (const WebhookJournal::Entry &entry : entries) {
        out << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                   .arg(entry.event.id, -8)
                   .arg(entry.event.receivedAt.toString(Qt::ISODate), -24)
                   .arg(entry.sourceName.isEmpty() ? entry.event.provider : entry.sourceName, -16)
                   .arg(entry.event.eventType, -24)
                   .arg(entry.status, -10)
                   .arg(entry.error);
    }
    if (entries.isEmpty())
        out << tr("No webhook deliveries.") << '\n';
    return ExitOk;
}

int WebhooksCommand::replay(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("webhooks replay"),
                         tr("Processes a stored delivery again, whatever its status."),
                         QStringLiteral("ID"));
    if (const auto stop = sub.parse(arguments, *context.output, 1, 1))
        return *stop;
    bool ok = false;
    const qint64 id = sub.positional().first().toLongLong(&ok);
    if (!ok || id <= 0)
        return sub.usageError(*context.output, tr("ID is the number 'webhooks list' shows."));
    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!db)
        return ExitError;
    const std::unique_ptr<WebhookProcessor> processor = WebhookProcessors::create();
    WebhookProcessor::Outcome outcome;
    const WriteResult written = db->writer()->run([&](QSqlDatabase &connection, QString *error) {
        return WebhookJournal(connection).requeue(id, error) &&
               WebhookPipeline::processOne(connection, *processor, id, &outcome, error);
    });
    if (!written.ok)
        return context.output->fail(tr("Cannot replay delivery %1: %2").arg(id).arg(written.error),
                                    ExitError);
    switch (outcome.result) {
    case WebhookProcessor::Result::Processed:
        context.output->out() << tr("Delivery %1 processed.").arg(id) << '\n';
        return ExitOk;
    case WebhookProcessor::Result::Ignored:
        context.output->out() << tr("Delivery %1 ignored: the hub has no use for it.").arg(id)
                              << '\n';
        return ExitOk;
    case WebhookProcessor::Result::Failed:
        break;
    }
    return context.output->fail(tr("Delivery %1 failed again: %2").arg(id).arg(outcome.error),
                                ExitError);
}
