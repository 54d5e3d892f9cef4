#pragma once

#include "syncengine.h"

#include <QObject>

class HttpClient;
class QNetworkAccessManager;
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
    void done();

private:
    void runNext();

    Database *m_database;
    SyncTarget m_target;
    SyncEngine::Options m_options;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    QNetworkAccessManager *m_network = nullptr;
    HttpClient *m_http = nullptr;
    QList<const StreamSpec *> m_pending;
    StreamRunner *m_current = nullptr;
};
