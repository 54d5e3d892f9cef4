#pragma once

#include "webhookprocessor.h"

#include <QList>
#include <QObject>
#include <QSet>

#include <memory>

class Database;
class DatabaseWriter;

// Processes stored deliveries: each runs through the processor inside a writer job, in the
// same transaction that records its new status, so its canonical rows land together with
// "processed" or not at all. A processor that fails (or throws) has its writes rolled back
// and the delivery is marked "failed" with the error; requeue() and a new pass retry it.
// Deliveries waiting together are processed in one job, each behind its own savepoint.
class WebhookPipeline : public QObject
{
    Q_OBJECT
public:
    WebhookPipeline(Database *database, std::unique_ptr<WebhookProcessor> processor,
                    QObject *parent = nullptr);
    ~WebhookPipeline() override;

    // Processes these stored deliveries soon (the receiver calls it after each commit).
    void enqueue(const QList<qint64> &ids);
    // Queues every delivery still "received": those stored before a crash or a restart.
    void resumePending();
    // Queues one delivery again, whatever its status, and processes it.
    void replay(qint64 id);
    bool isIdle() const { return !m_running && m_queue.isEmpty(); }

    // One delivery, processed within the caller's writer job (the command line's replay).
    // Returns false, with error set, only when the journal itself cannot be read or written;
    // a processing failure is an outcome.
    static bool processOne(QSqlDatabase &db, WebhookProcessor &processor, qint64 id,
                           WebhookProcessor::Outcome *outcome, QString *error);

signals:
    void processed(qint64 id, const QString &status, const QString &error);
    // The queue ran dry.
    void idle();

private:
    void pump();

    Database *m_database;
    std::shared_ptr<WebhookProcessor> m_processor;
    QList<qint64> m_queue;
    QSet<qint64> m_queued;
    bool m_running = false;
};
