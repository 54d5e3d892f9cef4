#pragma once

#include "webhookevent.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

// The journal of received webhook deliveries (the webhook_events table): what the receiver
// stored, and how processing went. It runs its queries on the connection it is given:
//  - the writer's connection, inside a job of models/databasewriter.h, for record(),
//    markOutcome() and requeue();
//  - any connection (Database::connection() on a worker thread) for list(), get(), pending()
//    and counts(), which only read.
// No method opens a transaction of its own; the caller's job decides what is atomic.
//
// Statuses: "received" (stored, not yet processed, or queued again by requeue()),
// "processed", "ignored" (the hub has no use for it), "failed" (error says why; retry with
// requeue()). A delivery is unique per (provider, delivery id): recording it again is
// reported as a duplicate and changes nothing.
class WebhookJournal
{
public:
    static constexpr const char *Received = "received";
    static constexpr const char *Processed = "processed";
    static constexpr const char *Ignored = "ignored";
    static constexpr const char *Failed = "failed";

    // One row of the journal: the delivery as stored, and its processing state.
    struct Entry
    {
        WebhookEvent event;
        QString sourceName; // empty when the source has been removed since
        QString status;
        QString error;         // the last processing error, for "failed"
        int attempts = 0;      // how many times it was processed
        QDateTime processedAt; // UTC, when it last left "received"
    };

    struct Filter
    {
        QString status;                 // empty: every status
        QString provider;               // empty: every provider
        std::optional<qint64> sourceId; // only this source's deliveries
        int limit = 100;
        int offset = 0;
    };

    struct Counts
    {
        int received = 0;
        int processed = 0;
        int ignored = 0;
        int failed = 0;
    };

    explicit WebhookJournal(const QSqlDatabase &db);

    // Stores the delivery with status "received" and returns its id, or nullopt on error.
    // *duplicate is set when (provider, delivery id) was already stored; the id returned is
    // then the earlier row's, which is left as it was.
    std::optional<qint64> record(const WebhookEvent &event, bool *duplicate, QString *error);
    // Records the result of one processing attempt: status is processed, ignored or failed;
    // adds one to attempts and stamps processed_at.
    bool markOutcome(qint64 id, const QString &status, const QString &processingError,
                     QString *error);
    // Queues the delivery to be processed again (replay, or retry of a failure): status back
    // to "received", error cleared. False, with error set, when there is no such row.
    bool requeue(qint64 id, QString *error);

    // Newest first.
    QList<Entry> list(const Filter &filter, QString *error) const;
    std::optional<Entry> get(qint64 id, QString *error) const;
    // Ids waiting in "received", oldest first: what the pipeline still has to process (after
    // a restart, say).
    QList<qint64> pending(int limit, QString *error) const;
    Counts counts(QString *error) const;

private:
    QSqlDatabase m_db;
};
