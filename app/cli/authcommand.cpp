#include "authcommand.h"

#include "clioutput.h"
#include "clisecrets.h"
#include "databasewriter.h"
#include "engine/sourcesettings.h"
#include "manifest/connectorregistry.h"
#include "oauthlogin.h"
#include "sourcestore.h"
#include "subcommandparser.h"
#include "workspaceopener.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AuthCommand", text);
}

// The source named on the command line and its connector, or an exit code.
struct Resolved
{
    std::unique_ptr<Database> db;
    Source source;
    const ConnectorManifest *manifest = nullptr;
    ConnectorRegistry registry;
    int exitCode = ExitOk;
};

Resolved resolve(const QString &name, const CommandContext &context)
{
    Resolved r;
    r.db = WorkspaceOpener::open(context.workspaceOption, *context.output, false);
    if (!r.db) {
        r.exitCode = ExitError;
        return r;
    }
    QString error;
    const auto source = SourceStore(r.db->connection()).byName(name, &error);
    if (!source) {
        r.exitCode = context.output->fail(error, ExitError);
        return r;
    }
    r.source = *source;
    r.registry = ConnectorRegistry::load(r.db->workspace().connectorsFolder());
    r.manifest = r.registry.find(source->kind);
    if (!r.manifest)
        r.exitCode = context.output->fail(
            tr("No connector of kind \"%1\" is installed.").arg(source->kind), ExitError);
    return r;
}

} // namespace

QString AuthCommand::summary() const
{
    return tr("Credentials in the system keychain: set, login, status, clear");
}

QStringList AuthCommand::usage() const
{
    return {QStringLiteral("auth set NAME   (reads the token or FIRST:SECOND from stdin)"),
            QStringLiteral("auth login NAME (OAuth in the browser)"),
            QStringLiteral("auth status NAME"), QStringLiteral("auth clear NAME")};
}

int AuthCommand::run(const QStringList &arguments, const CommandContext &context)
{
    return dispatch(
        arguments, context,
        {{QStringLiteral("set"),
          [this](const QStringList &a, const CommandContext &c) {
              return set(a, c);
          }},
         {QStringLiteral("login"),
          [this](const QStringList &a, const CommandContext &c) {
              return login(a, c);
          }},
         {QStringLiteral("status"),
          [this](const QStringList &a, const CommandContext &c) {
              return status(a, c);
          }},
         {QStringLiteral("clear"), [this](const QStringList &a, const CommandContext &c) {
              return clear(a, c);
          }}});
}

int AuthCommand::set(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(
        QStringLiteral("auth set"),
        tr("Reads the source's token or API key from standard input and stores it "
           "in the system keychain. Services that take two values (an e-mail and an "
           "API token, a key and a secret) take them as FIRST:SECOND."),
        QStringLiteral("NAME"));
    if (const auto stop = sub.parse(arguments, *context.output, 1, 1))
        return *stop;
    Resolved r = resolve(sub.positional().first(), context);
    if (r.exitCode != ExitOk)
        return r.exitCode;
    if (r.manifest->auth.type == AuthSpec::Type::None)
        return context.output->fail(tr("%1 needs no credentials.").arg(r.manifest->title),
                                    ExitError);

    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return context.output->fail(tr("Cannot read standard input."), ExitError);
    QByteArray secret = input.readAll();
    while (secret.endsWith('\n') || secret.endsWith('\r'))
        secret.chop(1);
    if (secret.trimmed().isEmpty())
        return context.output->fail(
            tr("Nothing was read from standard input: pipe the token in, for "
               "example: echo \"$TOKEN\" | product-hub auth set %1")
                .arg(r.source.name),
            ExitUsage);
    if (secret.contains('\n'))
        return context.output->fail(tr("The token must be one line."), ExitUsage);
    const AuthSpec::Type type = r.manifest->auth.type;
    if ((type == AuthSpec::Type::Basic || type == AuthSpec::Type::ClientCredentials) &&
        !secret.contains(':'))
        return context.output->fail(tr("%1 takes two values: give them as %2:%3")
                                        .arg(r.manifest->title,
                                             r.manifest->auth.firstName.toUpper(),
                                             r.manifest->auth.secondName.toUpper()),
                                    ExitUsage);
    CliSecrets secrets(r.db->workspaceId());
    const SecretStore::Result result =
        secrets.write(SecretStore::key(r.source.id, QStringLiteral("token")), secret);
    secret.fill('\0');
    if (result.status != SecretStore::Status::Ok)
        return context.output->fail(result.error, ExitError);
    context.output->out()
        << tr("Stored the credentials of \"%1\" in the system keychain.").arg(r.source.name)
        << '\n';
    return ExitOk;
}

int AuthCommand::login(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(
        QStringLiteral("auth login"),
        tr("Signs in through the browser (OAuth 2.0 with PKCE) and keeps the tokens "
           "in the system keychain."),
        QStringLiteral("NAME"));
    if (const auto stop = sub.parse(arguments, *context.output, 1, 1))
        return *stop;
    Resolved r = resolve(sub.positional().first(), context);
    if (r.exitCode != ExitOk)
        return r.exitCode;
    if (r.manifest->auth.type != AuthSpec::Type::OAuth2)
        return context.output->fail(
            tr("%1 does not sign in through the browser; store its token with "
               "'product-hub auth set %2'.")
                .arg(r.manifest->title, r.source.name),
            ExitError);
    CliSecrets secrets(r.db->workspaceId());
    QString error;
    QJsonObject tokenAnswer;
    if (!OAuthLogin::run(r.source, *r.manifest, secrets, *context.output, &error, &tokenAnswer))
        return context.output->fail(error, ExitError);
    // Some services say in the token answer where the account lives (Salesforce's instance).
    QJsonObject settings = r.source.settings;
    if (SourceSettings::takeFromTokenAnswer(r.manifest->auth, tokenAnswer, &settings)) {
        const WriteResult written = r.db->writer()->run([&](QSqlDatabase &db, QString *jobError) {
            return SourceSettings::store(db, r.source.id, settings, jobError);
        });
        if (!written.ok)
            return context.output->fail(
                tr("Signed in, but the account's address could not be saved: %1")
                    .arg(written.error),
                ExitError);
    }
    context.output->out()
        << tr("Signed in: the tokens of \"%1\" are in the system keychain.").arg(r.source.name)
        << '\n';
    return ExitOk;
}

int AuthCommand::status(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("auth status"),
                         tr("Says whether credentials are stored, without showing them."),
                         QStringLiteral("NAME"));
    if (const auto stop = sub.parse(arguments, *context.output, 1, 1))
        return *stop;
    Resolved r = resolve(sub.positional().first(), context);
    if (r.exitCode != ExitOk)
        return r.exitCode;
    if (r.manifest->auth.type == AuthSpec::Type::None) {
        context.output->out() << tr("%1 needs no credentials.").arg(r.manifest->title) << '\n';
        return ExitOk;
    }
    CliSecrets secrets(r.db->workspaceId());
    const SecretStore::Result result =
        secrets.read(SecretStore::key(r.source.id, QStringLiteral("token")));
    switch (result.status) {
    case SecretStore::Status::Ok:
        context.output->out()
            << tr("\"%1\": credentials are stored in the system keychain (%2 characters).")
                   .arg(r.source.name)
                   .arg(result.secret.size())
            << '\n';
        return ExitOk;
    case SecretStore::Status::NotFound:
        context.output->out() << tr("\"%1\": no credentials stored.").arg(r.source.name) << '\n';
        return ExitError;
    case SecretStore::Status::Unavailable:
    case SecretStore::Status::Error:
        break;
    }
    return context.output->fail(result.error, ExitError);
}

int AuthCommand::clear(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("auth clear"),
                         tr("Removes the source's credentials from the system keychain."),
                         QStringLiteral("NAME"));
    if (const auto stop = sub.parse(arguments, *context.output, 1, 1))
        return *stop;
    Resolved r = resolve(sub.positional().first(), context);
    if (r.exitCode != ExitOk)
        return r.exitCode;
    CliSecrets secrets(r.db->workspaceId());
    OAuthLogin::revoke(r.source, *r.manifest, secrets, *context.output);
    const SecretStore::Result result = secrets.removeAll(r.source.id);
    if (result.status != SecretStore::Status::Ok && result.status != SecretStore::Status::NotFound)
        return context.output->fail(result.error, ExitError);
    context.output->out()
        << tr("Removed the credentials of \"%1\" from the system keychain.").arg(r.source.name)
        << '\n';
    return ExitOk;
}
