#pragma once

#include "syncengine.h"

#include <QObject>

class HttpClient;
class QNetworkAccessManager;
class EventExportRunner;
class StreamRunner;

// Syncs the streams of one source, one after another, on the worker thread it lives on.
class SourceWorker : public QObject
{
    Q_OBJECT
public:
    SourceWorker(Database *database, const SyncTarget &target, const SyncEngine::Options &options,
                 std::shared_ptr<std::atomic_bool> cancelled);
    ~SourceWorker() override;

    void start();
    void cancel();

Q_SIGNALS:
    void streamStarted(const QString &source, const QString &stream);
    void progress(const QString &source, const QString &stream, qint64 records, int pages);
    void streamFinished(const StreamOutcome &outcome);
    void credentialsRefreshed(qint64 sourceId, const QByteArray &accessToken,
                              const QByteArray &refreshToken);
    void done();

private:
    void runNext();
    void startStream(const StreamSpec *stream, const QString &startError);
    void refresh(std::function<void(bool ok)> done);
    // ClientCredentials: exchanges the client id and secret for an access token.
    void obtainAccessToken(std::function<void(bool ok, const QString &error)> done);
    // Keeps the fields of a token answer the manifest names as settings, here and stored.
    void keepTokenSettings(const QJsonObject &answer);

    Database *m_database;
    SyncTarget m_target;
    SyncEngine::Options m_options;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    QNetworkAccessManager *m_network = nullptr;
    HttpClient *m_http = nullptr;
    std::shared_ptr<Credentials> m_credentials; // shared with the authorizer, renewed on refresh
    QList<const StreamSpec *> m_pending;
    StreamRunner *m_current = nullptr;
    EventExportRunner *m_currentExport = nullptr; // a stream with "events"
};
