#include "connectionsservice.h"

#include "auth/oauthflow.h"
#include "database.h"
#include "databasewriter.h"
#include "engine/syncengine.h"
#include "manifest/connectorregistry.h"
#include "manifest/settingsvalidator.h"
#include "secrets/keychainsecretstore.h"

#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QtConcurrent>

namespace {

const QString TokenName = QStringLiteral("token");
const QString RefreshTokenName = QStringLiteral("refresh_token");
const QString ClientSecretName = QStringLiteral("client_secret");

ConnectionKind::Auth authOf(const ConnectorManifest &manifest)
{
    switch (manifest.auth.type) {
    case AuthSpec::Type::None:
        return ConnectionKind::Auth::None;
    case AuthSpec::Type::OAuth2:
        return ConnectionKind::Auth::OAuth;
    case AuthSpec::Type::Bearer:
    case AuthSpec::Type::Header:
    case AuthSpec::Type::Basic:
    case AuthSpec::Type::Query:
    case AuthSpec::Type::ClientCredentials:
        break;
    }
    return ConnectionKind::Auth::Secret;
}

ConnectionKind kindOf(const ConnectorManifest &manifest)
{
    ConnectionKind kind;
    kind.kind = manifest.kind;
    kind.title = manifest.title;
    kind.category = ConnectionsService::categories().contains(manifest.category)
                        ? manifest.category
                        : QStringLiteral("other");
    kind.description = manifest.description;
    kind.defaultBaseUrl = manifest.defaultBaseUrl;
    kind.auth = authOf(manifest);
    if (manifest.auth.type == AuthSpec::Type::Basic) {
        kind.secretParts = {manifest.auth.firstName.isEmpty() ? QObject::tr("User")
                                                              : manifest.auth.firstName,
                            manifest.auth.secondName.isEmpty() ? QObject::tr("Password")
                                                               : manifest.auth.secondName};
    } else if (kind.auth == ConnectionKind::Auth::Secret) {
        kind.secretParts = {QObject::tr("API token")};
    }
    for (const SettingSpec &spec : manifest.settings) {
        kind.settings.append({spec.name, SettingSpec::typeName(spec.type), spec.required,
                              spec.type == SettingSpec::Type::Boolean, spec.help,
                              spec.defaultValue});
    }
    for (const StreamSpec &stream : manifest.streams) {
        kind.streamNames.append(stream.name);
        kind.streamTitles.append(stream.title.isEmpty() ? stream.name : stream.title);
    }
    return kind;
}

struct Loaded
{
    QList<Source> sources;
    QMap<qint64, QList<StreamStatus>> streams;
    QString error;
};

Loaded loadSources(const std::shared_ptr<Database> &database)
{
    Loaded loaded;
    const SourceStore store(database->connection());
    loaded.sources = store.all(&loaded.error);
    if (!loaded.error.isEmpty())
        return loaded;
    for (const Source &source : std::as_const(loaded.sources)) {
        loaded.streams.insert(source.id, store.streamStatus(source.id, &loaded.error));
        if (!loaded.error.isEmpty())
            break;
    }
    return loaded;
}

QString noWorkspace()
{
    return QObject::tr("No workspace is open.");
}

} // namespace

struct ConnectionsService::Pending
{
    std::shared_ptr<Database> database;
    QList<qint64> ids;
    qsizetype next = 0;
    bool full = false;
    QList<SyncTarget> targets;
};

ConnectionsService::ConnectionsService(QObject *parent)
    : QObject(parent)
    , m_registry(std::make_unique<ConnectorRegistry>(ConnectorRegistry::load()))
    , m_keychainService(KeychainSecretStore::defaultService())
    , m_network(new QNetworkAccessManager(this))
{
}

ConnectionsService::~ConnectionsService()
{
    cancelSignIn();
    if (m_engine) {
        // The engine waits for its workers; the database must outlive it.
        m_engine->disconnect(this);
        delete m_engine;
        m_engine = nullptr;
    }
}

void ConnectionsService::setDatabase(const std::shared_ptr<Database> &database)
{
    if (database == m_database)
        return;
    cancelSignIn();
    m_queued.clear();
    if (m_engine)
        m_engine->cancel();
    m_database = database;
    m_secrets.reset();
    m_sources.clear();
    ++m_loadGeneration;
    m_registry = std::make_unique<ConnectorRegistry>(
        ConnectorRegistry::load(database ? database->workspace().connectorsFolder() : QString()));
    Q_EMIT sourcesLoaded();
    if (database)
        reload();
}

QString ConnectionsService::workspaceId() const
{
    return m_database ? m_database->workspaceId() : QString();
}

void ConnectionsService::setKeychainService(const QString &service)
{
    m_keychainService = service;
    m_secrets.reset();
}

void ConnectionsService::setBrowserOpener(std::function<void(const QUrl &)> opener)
{
    m_browserOpener = std::move(opener);
}

SecretStore *ConnectionsService::secrets()
{
    if (!m_database)
        return nullptr;
    if (!m_secrets) {
        auto store = std::make_unique<KeychainSecretStore>(m_keychainService);
        store->setScope(m_database->workspaceId());
        m_secrets = std::move(store);
    }
    return m_secrets.get();
}

QList<ConnectionKind> ConnectionsService::kinds() const
{
    QList<ConnectionKind> list;
    for (const ConnectorManifest &manifest : m_registry->manifests())
        list.append(kindOf(manifest));
    return list;
}

std::optional<ConnectionKind> ConnectionsService::kind(const QString &kind) const
{
    if (const ConnectorManifest *manifest = m_registry->find(kind))
        return kindOf(*manifest);
    return std::nullopt;
}

QStringList ConnectionsService::categories()
{
    return {QStringLiteral("product"),  QStringLiteral("engineering"), QStringLiteral("analytics"),
            QStringLiteral("crm"),      QStringLiteral("marketing"),   QStringLiteral("design"),
            QStringLiteral("documents")};
}

QString ConnectionsService::categoryTitle(const QString &category)
{
    if (category == QLatin1String("product"))
        return tr("Product management");
    if (category == QLatin1String("engineering"))
        return tr("Engineering");
    if (category == QLatin1String("analytics"))
        return tr("Analytics and research");
    if (category == QLatin1String("crm"))
        return tr("CRM");
    if (category == QLatin1String("marketing"))
        return tr("Marketing");
    if (category == QLatin1String("design"))
        return tr("Design");
    if (category == QLatin1String("documents"))
        return tr("Documents");
    return tr("Other");
}

QStringList ConnectionsService::kindErrors() const
{
    return m_registry->errors();
}

QString ConnectionsService::checkSetting(const QString &kind, const QString &name,
                                         const QString &value) const
{
    const ConnectorManifest *manifest = m_registry->find(kind);
    if (!manifest)
        return tr("There is no connector of kind \"%1\".").arg(kind);
    return SettingsValidator(*manifest).check(name, value);
}

QString ConnectionsService::checkBaseUrl(const QString &url)
{
    return SettingsValidator::checkBaseUrl(url);
}

QStringList ConnectionsService::check(const NewConnection &connection) const
{
    QStringList problems;
    const ConnectorManifest *manifest = m_registry->find(connection.kind);
    if (!manifest)
        return {tr("There is no connector of kind \"%1\".").arg(connection.kind)};
    if (connection.name.trimmed().isEmpty())
        problems.append(tr("Name needs a value: how this source is called in the Hub."));
    if (!connection.baseUrl.trimmed().isEmpty()) {
        if (const QString problem = checkBaseUrl(connection.baseUrl.trimmed()); !problem.isEmpty())
            problems.append(tr("Base URL: %1").arg(problem));
    }
    const SettingsValidator validator(*manifest);
    for (const SettingSpec &spec : manifest->settings) {
        if (const QString problem = validator.check(spec.name, connection.values.value(spec.name));
            !problem.isEmpty())
            problems.append(problem);
    }
    return problems;
}

void ConnectionsService::reload()
{
    if (!m_database)
        return;
    const quint64 generation = ++m_loadGeneration;
    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_loadGeneration)
            return;
        const Loaded loaded = watcher->result();
        if (!loaded.error.isEmpty()) {
            Q_EMIT loadFailed(tr("The sources could not be read: %1").arg(loaded.error));
            return;
        }
        m_sources.clear();
        for (const Source &source : loaded.sources) {
            ConnectionSource entry;
            entry.source = source;
            entry.kindTitle = source.kind;
            entry.isDemo = source.settings.value(QStringLiteral("demo")).toBool();
            entry.streams = loaded.streams.value(source.id);
            if (const ConnectorManifest *manifest = m_registry->find(source.kind)) {
                const ConnectionKind kind = kindOf(*manifest);
                entry.kindTitle = kind.title;
                entry.category = kind.category;
                entry.auth = kind.auth;
                entry.streamNames = kind.streamNames;
                entry.streamTitles = kind.streamTitles;
            }
            m_sources.append(entry);
        }
        Q_EMIT sourcesLoaded();
    });
    watcher->setFuture(QtConcurrent::run(loadSources, m_database));
}

std::optional<ConnectionSource> ConnectionsService::source(qint64 id) const
{
    for (const ConnectionSource &source : m_sources) {
        if (source.source.id == id)
            return source;
    }
    return std::nullopt;
}

void ConnectionsService::addSource(const NewConnection &connection, QObject *context,
                                   std::function<void(qint64, const QString &)> done)
{
    if (!m_database) {
        done(0, noWorkspace());
        return;
    }
    if (const QStringList problems = check(connection); !problems.isEmpty()) {
        done(0, problems.join(QLatin1Char('\n')));
        return;
    }
    const ConnectorManifest *manifest = m_registry->find(connection.kind);
    auto source = std::make_shared<Source>();
    source->kind = connection.kind;
    source->name = connection.name.trimmed();
    source->baseUrl = connection.baseUrl.trimmed();
    for (const SettingSpec &spec : manifest->settings) {
        const QString text = connection.values.value(spec.name).trimmed();
        if (!text.isEmpty())
            source->settings.insert(spec.name, SettingsValidator::valueOf(spec, text));
    }
    QPointer<ConnectionsService> self(this);
    m_database->writer()->submit(
        [source](QSqlDatabase &db, QString *error) { return SourceStore(db).add(*source, error); },
        context,
        [self, source, done](const WriteResult &result) {
            if (self && result.ok)
                self->reload();
            done(result.ok ? source->id : 0, result.error);
        });
}

void ConnectionsService::removeSource(qint64 id, QObject *context, Done done)
{
    if (!m_database) {
        done(noWorkspace());
        return;
    }
    std::shared_ptr<Database> database = m_database;
    QPointer<QObject> guard(context);
    QPointer<ConnectionsService> self(this);
    secrets()->removeAll(id, [self, guard, database, id, done](const SecretStore::Result &r) {
        if (!guard || !self)
            return;
        // Without any keychain nothing was ever stored, so nothing is left behind.
        if (r.status != SecretStore::Status::Ok && r.status != SecretStore::Status::NotFound &&
            r.status != SecretStore::Status::Unavailable) {
            done(r.error);
            return;
        }
        database->writer()->submit(
            [id](QSqlDatabase &db, QString *error) { return SourceStore(db).remove(id, error); },
            guard.data(),
            [self, done](const WriteResult &result) {
                if (self && result.ok)
                    self->reload();
                done(result.error);
            });
    });
}

void ConnectionsService::storeSecret(qint64 id, const QByteArray &secret, QObject *context,
                                     Done done)
{
    if (!m_database) {
        done(noWorkspace());
        return;
    }
    QPointer<QObject> guard(context);
    secrets()->write(SecretStore::key(id, TokenName), secret,
                     [guard, done](const SecretStore::Result &r) {
                         if (guard)
                             done(r.status == SecretStore::Status::Ok ? QString() : r.error);
                     });
}

void ConnectionsService::clearSecrets(qint64 id, QObject *context, Done done)
{
    if (!m_database) {
        done(noWorkspace());
        return;
    }
    QPointer<QObject> guard(context);
    secrets()->removeAll(id, [guard, done](const SecretStore::Result &r) {
        if (guard)
            done(r.status == SecretStore::Status::Ok || r.status == SecretStore::Status::NotFound
                     ? QString()
                     : r.error);
    });
}

void ConnectionsService::hasSecret(qint64 id, QObject *context,
                                   std::function<void(bool, const QString &)> done)
{
    if (!m_database) {
        done(false, noWorkspace());
        return;
    }
    QPointer<QObject> guard(context);
    secrets()->read(SecretStore::key(id, TokenName), [guard, done](const SecretStore::Result &r) {
        if (!guard)
            return;
        if (r.status == SecretStore::Status::Ok)
            done(true, QString());
        else if (r.status == SecretStore::Status::NotFound)
            done(false, QString());
        else
            done(false, r.error);
    });
}

void ConnectionsService::signIn(qint64 id, QObject *context, Done done)
{
    const auto entry = source(id);
    const ConnectorManifest *manifest = entry ? m_registry->find(entry->source.kind) : nullptr;
    if (!m_database || !entry || !manifest) {
        done(m_database ? tr("That source no longer exists.") : noWorkspace());
        return;
    }
    if (manifest->auth.type != AuthSpec::Type::OAuth2) {
        done(tr("%1 does not sign in through the browser; store its API token instead.")
                 .arg(manifest->title));
        return;
    }
    OAuthConfig config;
    config.authorizeUrl = manifest->auth.authorizeUrl;
    config.tokenUrl = manifest->auth.tokenUrl;
    config.revokeUrl = manifest->auth.revokeUrl;
    config.scopes = manifest->auth.scopes;
    config.clientId = entry->source.settings.value(manifest->auth.clientIdSetting).toString();
    if (config.clientId.isEmpty()) {
        done(tr("\"%1\" has no OAuth client id: add the setting %2 to the source.")
                 .arg(entry->source.name, manifest->auth.clientIdSetting));
        return;
    }
    cancelSignIn();
    QPointer<QObject> guard(context);
    QPointer<ConnectionsService> self(this);
    // A confidential client's secret, when the service requires one, is in the keychain.
    secrets()->read(
        SecretStore::key(id, ClientSecretName), [=](const SecretStore::Result &r) mutable {
            if (!self || !guard)
                return;
            if (r.status == SecretStore::Status::Ok)
                config.clientSecret = r.secret;
            else if (r.status != SecretStore::Status::NotFound) {
                done(r.error);
                return;
            }
            auto *flow = new OAuthFlow(config, self->m_network, self);
            self->m_flow = flow;
            if (self->m_browserOpener)
                flow->setBrowserOpener(self->m_browserOpener);
            connect(flow, &OAuthFlow::authorizationUrlReady, self,
                    [self, id](const QUrl &url) { Q_EMIT self->signInUrl(id, url); });
            connect(flow, &OAuthFlow::failed, self, [flow, guard, done](const QString &error) {
                flow->deleteLater();
                if (guard)
                    done(error);
            });
            connect(flow, &OAuthFlow::finished, self,
                    [self, flow, guard, id, done](const OAuthTokens &tokens) {
                        flow->deleteLater();
                        SecretStore *store = self->secrets();
                        if (!store)
                            return;
                        const QByteArray refresh = tokens.refreshToken;
                        store->write(
                            SecretStore::key(id, TokenName), tokens.accessToken,
                            [self, guard, id, refresh, done](const SecretStore::Result &written) {
                                if (!guard || !self)
                                    return;
                                if (written.status != SecretStore::Status::Ok ||
                                    refresh.isEmpty()) {
                                    done(written.status == SecretStore::Status::Ok ? QString()
                                                                                   : written.error);
                                    return;
                                }
                                self->secrets()->write(
                                    SecretStore::key(id, RefreshTokenName), refresh,
                                    [guard, done](const SecretStore::Result &second) {
                                        if (guard)
                                            done(second.status == SecretStore::Status::Ok
                                                     ? QString()
                                                     : second.error);
                                    });
                            });
                    });
            flow->start();
        });
}

void ConnectionsService::cancelSignIn()
{
    if (m_flow && m_flow->isRunning())
        m_flow->cancel();
}

bool ConnectionsService::isSigningIn() const
{
    return m_flow && m_flow->isRunning();
}

bool ConnectionsService::isSyncing() const
{
    return m_engine != nullptr || m_preparing;
}

void ConnectionsService::sync(const QList<qint64> &ids, bool full)
{
    for (qint64 id : ids) {
        if (!m_queued.contains(id))
            m_queued.append(id);
    }
    m_queuedFull = m_queuedFull || full;
    if (!isSyncing())
        startNext();
}

void ConnectionsService::cancelSync()
{
    m_queued.clear();
    m_queuedFull = false;
    if (m_engine)
        m_engine->cancel();
}

void ConnectionsService::startNext()
{
    if (m_queued.isEmpty() || !m_database)
        return;
    auto pending = std::make_shared<Pending>();
    pending->database = m_database;
    pending->ids = m_queued;
    pending->full = m_queuedFull;
    m_queued.clear();
    m_queuedFull = false;
    m_preparing = true;
    collectCredentials(pending);
}

void ConnectionsService::collectCredentials(std::shared_ptr<Pending> pending)
{
    if (pending->database != m_database) {
        m_preparing = false;
        Q_EMIT syncFinished();
        return;
    }
    if (pending->next >= pending->ids.size()) {
        launch(pending);
        return;
    }
    const qint64 id = pending->ids.at(pending->next++);
    const auto entry = source(id);
    const ConnectorManifest *manifest = entry ? m_registry->find(entry->source.kind) : nullptr;
    QString refusal;
    if (!entry)
        refusal = tr("That source no longer exists.");
    else if (!manifest)
        refusal = tr("\"%1\" is a %2 source, but no connector of that kind is installed.")
                      .arg(entry->source.name, entry->source.kind);
    else if (entry->isDemo)
        refusal = tr("\"%1\" belongs to the demo workspace and has no service to sync from.")
                      .arg(entry->source.name);
    if (!refusal.isEmpty()) {
        Q_EMIT syncRefused(id, refusal);
        collectCredentials(pending);
        return;
    }
    SyncTarget target{entry->source, *manifest, {}, {}};
    const QStringList names = manifest->secretNames();
    if (names.isEmpty()) {
        pending->targets.append(target);
        collectCredentials(pending);
        return;
    }
    // The store answers in call order, so the last answer means every read is in.
    auto found = std::make_shared<QMap<QString, SecretStore::Result>>();
    const QString sourceName = entry->source.name;
    const bool oauth = manifest->auth.type == AuthSpec::Type::OAuth2;
    for (const QString &name : names) {
        QPointer<ConnectionsService> self(this);
        secrets()->read(SecretStore::key(id, name), [=](const SecretStore::Result &r) mutable {
            found->insert(name, r);
            if (!self || found->size() < names.size())
                return;
            const SecretStore::Result token = found->value(TokenName);
            if (token.status == SecretStore::Status::NotFound) {
                Q_EMIT self->syncRefused(
                    id, oauth
                            ? tr("\"%1\" is not signed in yet. Sign in to sync it.").arg(sourceName)
                            : tr("No API token is stored for \"%1\". Connect it to sync it.")
                                  .arg(sourceName));
            } else if (token.status != SecretStore::Status::Ok) {
                Q_EMIT self->syncRefused(id, token.error);
            } else {
                target.credentials.token = token.secret;
                target.credentials.refreshToken = found->value(RefreshTokenName).secret;
                target.credentials.clientSecret = found->value(ClientSecretName).secret;
                pending->targets.append(target);
            }
            self->collectCredentials(pending);
        });
    }
}

void ConnectionsService::launch(std::shared_ptr<Pending> pending)
{
    m_preparing = false;
    if (pending->targets.isEmpty()) {
        Q_EMIT syncFinished();
        startNext();
        return;
    }
    std::shared_ptr<Database> database = pending->database;
    auto *engine = new SyncEngine(database.get(), this);
    m_engine = engine;
    // The engine reads and writes through the database until it is destroyed.
    connect(engine, &QObject::destroyed, this, [database] {});
    m_runIds.clear();
    QList<qint64> ids;
    for (const SyncTarget &target : std::as_const(pending->targets)) {
        m_runIds.insert(target.source.name, target.source.id);
        ids.append(target.source.id);
    }
    connect(engine, &SyncEngine::streamStarted, this,
            [this](const QString &source, const QString &stream) {
                Q_EMIT streamStarted(idOfName(source), stream);
            });
    connect(engine, &SyncEngine::progress, this,
            [this](const QString &source, const QString &stream, qint64 records, int pages) {
                Q_EMIT streamProgress(idOfName(source), stream, records, pages);
            });
    connect(engine, &SyncEngine::streamFinished, this, &ConnectionsService::onStreamFinished);
    connect(engine, &SyncEngine::finished, this, &ConnectionsService::onEngineFinished);
    // Renewed tokens replace the old ones at once: a rotated refresh token works only once.
    const QString service = m_keychainService;
    connect(engine, &SyncEngine::credentialsRefreshed, this,
            [this, database, service](qint64 sourceId, const QByteArray &accessToken,
                                      const QByteArray &refreshToken) {
                auto *store = new KeychainSecretStore(service, this);
                store->setScope(database->workspaceId());
                QPointer<ConnectionsService> self(this);
                auto report = [self, store](const SecretStore::Result &r) {
                    if (self && r.status != SecretStore::Status::Ok)
                        Q_EMIT self->warning(
                            tr("The renewed sign-in could not be stored: %1").arg(r.error));
                };
                store->write(SecretStore::key(sourceId, TokenName), accessToken, report);
                if (!refreshToken.isEmpty())
                    store->write(SecretStore::key(sourceId, RefreshTokenName), refreshToken,
                                 report);
                store->read(SecretStore::key(sourceId, TokenName),
                            [store](const SecretStore::Result &) { store->deleteLater(); });
            });
    Q_EMIT syncStarted(ids);
    SyncEngine::Options options;
    options.full = pending->full;
    engine->start(pending->targets, options);
}

qint64 ConnectionsService::idOfName(const QString &name) const
{
    return m_runIds.value(name);
}

void ConnectionsService::onStreamFinished(const StreamOutcome &outcome)
{
    Q_EMIT streamFinished(idOfName(outcome.source), outcome.stream,
                          StreamOutcome::statusName(outcome.status), outcome.records, outcome.error,
                          outcome.resumeAt);
}

void ConnectionsService::onEngineFinished()
{
    if (m_engine) {
        m_engine->deleteLater();
        m_engine = nullptr;
    }
    Q_EMIT syncFinished();
    reload();
    startNext();
}
