#pragma once

#include "eventfilereader.h"
#include "manifest/connectormanifest.h"
#include "requestbuilder.h"
#include "sourcestore.h"
#include "streamrunner.h"
#include "syncoutcome.h"
#include "usage/usagerollup.h"

#include <QDateTime>
#include <QObject>
#include <QTemporaryDir>

#include <atomic>
#include <memory>

class Database;
class HttpClient;
class UsagePeriod;

// Runs a stream whose manifest has "events" (an export of analytics events): one request per
// period, from the period after the stored cursor (less the look-back) to the last period old
// enough to be complete. Each body is saved to a temporary file by the HttpClient (with its
// retries, Retry-After and error bodies), read and checked whole by EventFileReader, then
// stored with its cursor in one transaction of the writer: a period that fails leaves what was
// stored for it before exactly as it was, and the cursor never moves back. The next period is
// downloaded while the previous one is written; at most two periods' counts are in memory.
class EventExportRunner : public QObject
{
    Q_OBJECT
public:
    EventExportRunner(Database *database, HttpClient *http, const ConnectorManifest &manifest,
                      const StreamSpec &stream, const Source &source,
                      const StreamRunner::Options &options, const std::atomic_bool *cancelled,
                      QObject *parent = nullptr);
    ~EventExportRunner() override;

    void start();

    // The first period to fetch and the one after the last, for a stored cursor (empty: none)
    // at a given time. Public so that the choice can be tested without a clock.
    struct Range
    {
        QDateTime first;
        QDateTime end;
    };
    static Range periods(const EventsSpec &spec, const QString &startDay, const QString &cursor,
                         bool full, const QDateTime &now);
    static QDateTime nextPeriod(const EventsSpec &spec, const QDateTime &start);
    static QString periodLabel(const EventsSpec &spec, const QDateTime &start);

Q_SIGNALS:
    void progress(const QString &stream, qint64 records, int pages);
    void finished(const StreamOutcome &outcome);

private:
    void begin();
    void fetchNext();
    void received(const QDateTime &period, const HttpResult &result);
    void pump();
    void write(std::shared_ptr<UsagePeriod> counts, const QDateTime &period);
    void fail(StreamOutcome::Status status, const QString &error, const QDateTime &resumeAt = {});
    void finish();
    QString periodText(const QDateTime &period) const;

    Database *m_database;
    HttpClient *m_http;
    const ConnectorManifest &m_manifest;
    const StreamSpec m_stream;
    Source m_source;
    StreamRunner::Options m_options;
    const std::atomic_bool *m_cancelled;
    QString m_setupError;
    RequestBuilder m_builder;
    EventFileReader m_reader;
    QTemporaryDir m_downloads;

    qint64 m_runId = 0;
    QDateTime m_next; // the next period to fetch
    QDateTime m_end;
    bool m_fetching = false;
    bool m_writing = false;
    bool m_finishing = false;
    bool m_done = false;
    // A period read while the one before was being written.
    std::shared_ptr<UsagePeriod> m_ready;
    // Used by the write jobs only, one after another on the writer's thread.
    std::shared_ptr<UsageRollup::KnownUsers> m_knownUsers =
        std::make_shared<UsageRollup::KnownUsers>();
    QDateTime m_readyPeriod;
    StreamOutcome m_outcome;
};
