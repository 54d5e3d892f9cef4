#pragma once

#include "credentials.h"
#include "manifest/connectormanifest.h"
#include "pageparser.h"
#include "paginator.h"
#include "recordmapper.h"
#include "requestbuilder.h"
#include "serviceerror.h"
#include "sourcestore.h"
#include "streamhook.h"
#include "syncoutcome.h"

#include <QObject>
#include <QQueue>

#include <atomic>
#include <memory>
#include <optional>

class Database;
class HttpClient;
struct WriteResult;

// Runs one stream of one source on the thread it lives on: requests each page, maps its
// records, and hands the page to the single writer, which commits the rows, the stream's
// new cursor and the run's progress in one transaction. The next page is fetched while the
// previous one is being written.
class StreamRunner : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool full = false; // ignore the stored cursor
        // The source could not be readied (no access token): the run is recorded as failed
        // with this message without sending anything.
        QString startError;
    };
    // Gets new credentials when the service says in a body that the current ones expired;
    // done(true) once they are in place.
    using Renewer = std::function<void(std::function<void(bool ok)> done)>;

    StreamRunner(Database *database, HttpClient *http, const ConnectorManifest &manifest,
                 const StreamSpec &stream, const Source &source, const Options &options,
                 const std::atomic_bool *cancelled, QObject *parent = nullptr);
    ~StreamRunner() override;

    void start();
    void setRenewer(Renewer renewer) { m_renewer = std::move(renewer); }
    // The stream key under which the cursor of one forEach item is kept.
    static QString stateKey(const StreamSpec &stream, const QString &item);

Q_SIGNALS:
    void progress(const QString &stream, qint64 records, int pages);
    void finished(const StreamOutcome &outcome);

private:
    struct Page;

    void startItem();
    void fetch(const HttpRequest &request);
    void received(const HttpResult &result);
    void writePage(std::shared_ptr<Page> page);
    void written(const WriteResult &result, qint64 records);
    void pump();
    // True when the body reports a failure the manifest's errorBody names; then the request
    // is sent again or the stream ends.
    bool handleServiceError(const HttpRequest &request, const HttpResult &result);
    void fail(StreamOutcome::Status status, const QString &error, const QDateTime &resumeAt = {});
    void finish();
    QString cursorForRequest(const QString &stored) const;
    QString itemName() const;

    Database *m_database;
    HttpClient *m_http;
    const ConnectorManifest &m_manifest;
    const StreamSpec m_stream; // with the source's settings resolved in its paths
    Source m_source;
    Options m_options;
    const std::atomic_bool *m_cancelled;
    QString m_setupError; // the base URL cannot be formed: the stream fails at once
    RecordMapper m_mapper;
    PageParser m_parser;
    RequestBuilder m_builder;
    std::optional<Paginator> m_paginator;
    std::unique_ptr<StreamHook> m_hook;
    std::optional<ServiceErrorReader> m_serviceErrors;
    Renewer m_renewer;
    int m_serviceRetries = 0; // of the current request, after a body-reported throttle
    bool m_renewed = false;   // the current request was sent again with renewed credentials

    QStringList m_items; // forEach values, or one empty item
    int m_itemIndex = -1;
    qint64 m_runId = 0;
    bool m_fetching = false;
    // Pages handed to the writer and not yet committed. The writer runs them in order, so
    // the next page is handed over without waiting for the one before.
    int m_pendingWrites = 0;
    // Set on the writer's thread when a page fails, so that pages queued behind it are not
    // written past the gap.
    std::shared_ptr<std::atomic_bool> m_writeFailed = std::make_shared<std::atomic_bool>(false);
    bool m_itemHasMore = false; // a next page was requested for the current item
    QDateTime m_itemCursor;     // with cursor.commitAtEnd: the newest time over the item's pages
    bool m_finishing = false;
    bool m_done = false; // the run's final status is being or has been written
                         // Pages read while an earlier one was being written, in order. Bounded:
                         // the next page
                         // is only requested early while fewer than this many wait.
    static constexpr int MaxPagesAhead = 2;
    static constexpr int MaxPendingWrites = 2;
    QQueue<std::shared_ptr<Page>> m_ready;
    StreamOutcome m_outcome;
};
