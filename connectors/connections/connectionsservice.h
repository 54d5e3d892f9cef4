#pragma once

#include "sourcestore.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class ConnectorRegistry;
class Database;
class OAuthFlow;
class QNetworkAccessManager;
class SecretStore;
class SyncEngine;
struct StreamOutcome;

// One setting a connector asks for when a source is added, as the form shows it.
struct ConnectionSetting
{
    QString name;
    QString typeName; // string, list, url, integer, boolean
    bool required = false;
    bool isBoolean = false;
    QString help;
    QString defaultValue;
};

// A connector kind as the Connections page lists it.
struct ConnectionKind
{
    enum class Auth { None, Secret, OAuth };

    QString kind;
    QString title;
    QString category; // product, engineering, analytics, crm, marketing, design, documents
    QString description;
    QString defaultBaseUrl;
    Auth auth = Auth::None;
    // Secret: the parts the user types; one ("token") or two for Basic auth, joined by ':'.
    QStringList secretParts;
    QList<ConnectionSetting> settings;
    QStringList streamNames;
    QStringList streamTitles;
};

// A configured source with the latest run of each of its streams.
struct ConnectionSource
{
    Source source;
    QString kindTitle;
    QString category;
    ConnectionKind::Auth auth = ConnectionKind::Auth::None;
    bool isDemo = false; // demo data has no service behind it
    QStringList streamNames;
    QStringList streamTitles;
    QList<StreamStatus> streams; // the latest run per stream, from sync_runs and sync_state
};

// What the add-source form hands over.
struct NewConnection
{
    QString kind;
    QString name;
    QString baseUrl;               // empty: the connector's default
    QMap<QString, QString> values; // setting name -> text as typed
};

// The Connections page's window onto the connector engine: the kinds and their settings,
// the sources and their per-stream status, credentials in the keychain, OAuth sign-in and
// background sync. Every answer comes back on the thread that owns the service.
class ConnectionsService : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const QString &error)>; // error empty on success

    explicit ConnectionsService(QObject *parent = nullptr);
    ~ConnectionsService() override;

    // The open workspace, or none. Cancels a running sync of the previous one.
    void setDatabase(const std::shared_ptr<Database> &database);
    bool hasDatabase() const { return m_database != nullptr; }
    QString workspaceId() const;
    // Tests give their own keychain service name so they never touch the app's secrets.
    void setKeychainService(const QString &service);
    // Replaces how the sign-in page is opened (the system browser by default).
    void setBrowserOpener(std::function<void(const QUrl &)> opener);

    QList<ConnectionKind> kinds() const;
    std::optional<ConnectionKind> kind(const QString &kind) const;
    static QStringList categories();
    static QString categoryTitle(const QString &category);
    // Manifests that could not be loaded, with the reason.
    QStringList kindErrors() const;

    // Empty when acceptable, else what is wrong with the value.
    QString checkSetting(const QString &kind, const QString &name, const QString &value) const;
    static QString checkBaseUrl(const QString &url);
    // Every problem of the form, each naming its field; empty when it can be added.
    QStringList check(const NewConnection &connection) const;

    // Reads the sources and their stream status off the UI thread; sourcesLoaded follows.
    void reload();
    QList<ConnectionSource> sources() const { return m_sources; }
    std::optional<ConnectionSource> source(qint64 id) const;

    void addSource(const NewConnection &connection, QObject *context,
                   std::function<void(qint64 id, const QString &error)> done);
    // Removes its secrets, then the source (its synced rows go with it).
    void removeSource(qint64 id, QObject *context, Done done);

    void storeSecret(qint64 id, const QByteArray &secret, QObject *context, Done done);
    void clearSecrets(qint64 id, QObject *context, Done done);
    void hasSecret(qint64 id, QObject *context, std::function<void(bool, const QString &)> done);

    // OAuth: opens the sign-in page; signInUrl shows where, done tells how it ended.
    void signIn(qint64 id, QObject *context, Done done);
    void cancelSignIn();
    bool isSigningIn() const;

    // Syncs the sources in the background. Requests made while a sync runs wait for it.
    void sync(const QList<qint64> &ids, bool full = false);
    void cancelSync();
    bool isSyncing() const;

Q_SIGNALS:
    void sourcesLoaded();
    void loadFailed(const QString &error);
    void signInUrl(qint64 sourceId, const QUrl &url);
    void syncStarted(const QList<qint64> &sourceIds);
    void streamStarted(qint64 sourceId, const QString &stream);
    void streamProgress(qint64 sourceId, const QString &stream, qint64 records, int pages);
    void streamFinished(qint64 sourceId, const QString &stream, const QString &status,
                        qint64 records, const QString &error, const QDateTime &resumeAt);
    // A source that could not start (no credentials, demo data, unknown kind).
    void syncRefused(qint64 sourceId, const QString &error);
    void syncFinished();
    // Renewed OAuth tokens could not be saved: the next sync may need a new sign-in.
    void warning(const QString &message);

private:
    struct Pending;
    void startNext();
    void collectCredentials(std::shared_ptr<Pending> pending);
    void launch(std::shared_ptr<Pending> pending);
    void onStreamFinished(const StreamOutcome &outcome);
    void onEngineFinished();
    qint64 idOfName(const QString &name) const;
    SecretStore *secrets();

    std::shared_ptr<Database> m_database;
    std::unique_ptr<ConnectorRegistry> m_registry;
    std::unique_ptr<SecretStore> m_secrets;
    QString m_keychainService;
    std::function<void(const QUrl &)> m_browserOpener;
    QNetworkAccessManager *m_network;
    QPointer<OAuthFlow> m_flow;
    QList<ConnectionSource> m_sources;
    quint64 m_loadGeneration = 0;

    SyncEngine *m_engine = nullptr;
    std::shared_ptr<Database> m_engineDatabase; // kept open until the engine is done
    QMap<QString, qint64> m_runIds;             // source name -> id, of the running sync
    QList<qint64> m_queued;
    bool m_queuedFull = false;
    bool m_preparing = false;
};
