#pragma once

#include "credentials.h"
#include "manifest/connectormanifest.h"
#include "sourcestore.h"
#include "syncoutcome.h"

#include <QList>
#include <QObject>

#include <atomic>
#include <memory>

class Database;
class QThread;

// What to sync: a source, its connector and its credentials.
struct SyncTarget
{
    Source source;
    ConnectorManifest manifest;
    Credentials credentials;
    QStringList streams; // empty: every stream of the connector
};

// Runs syncs in the background: one worker thread per source, each with its own network
// access, its streams one after another. Progress and results arrive as signals on the
// thread that owns the engine. A failed stream does not stop the others.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool full = false;
    };

    explicit SyncEngine(Database *database, QObject *parent = nullptr);
    ~SyncEngine() override;

    void start(const QList<SyncTarget> &targets, const Options &options);
    // Stops every stream at the next safe point; pages already committed stay.
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    void streamStarted(const QString &source, const QString &stream);
    void progress(const QString &source, const QString &stream, qint64 records, int pages);
    void streamFinished(const StreamOutcome &outcome);
    void finished(const QList<StreamOutcome> &outcomes);
    // A source's tokens were renewed during the sync; store them (the old refresh token may
    // no longer work).
    void credentialsRefreshed(qint64 sourceId, const QByteArray &accessToken,
                              const QByteArray &refreshToken);
    // Internal: reaches every worker on its own thread.
    void cancelRequested();

private:
    void workerFinished(QThread *thread);

    Database *m_database;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    bool m_linking = false; // the records of a finished sync are being linked to features
    QList<QThread *> m_threads;
    QList<StreamOutcome> m_outcomes;
};
