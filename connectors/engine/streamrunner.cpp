#include "streamrunner.h"

#include "activity/activityrecorder.h"
#include "database.h"
#include "databasewriter.h"
#include "http/httpclient.h"
#include "http/redaction.h"
#include "isodate.h"
#include "logging.h"
#include "rawjson.h"
#include "rowwriter.h"

#include <QFuture>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

struct StreamRunner::Page
{
    QString stateKey;
    QList<QVariantList> rows;
    QDateTime cursor; // the newest cursor value on the page
    std::optional<HttpRequest> next;
    bool nextRequested = false; // asked for as soon as the response's headers named it
    QString paginationError;
};

namespace {

// Cursors are stored with milliseconds, so that text order is time order.
QString storedCursor(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QUrl baseUrlOf(const ConnectorManifest &manifest, const Source &source, QString *error)
{
    return RequestBuilder::baseUrl(source.baseUrl.isEmpty() ? manifest.defaultBaseUrl
                                                            : source.baseUrl,
                                   manifest, source.settings, error);
}

} // namespace

StreamRunner::StreamRunner(Database *database, HttpClient *http, const ConnectorManifest &manifest,
                           const StreamSpec &stream, const Source &source, const Options &options,
                           const std::atomic_bool *cancelled, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_http(http)
    , m_manifest(manifest)
    , m_stream(RequestBuilder::withSettings(stream, source.settings))
    , m_source(source)
    , m_options(options)
    , m_cancelled(cancelled)
    , m_mapper(m_stream)
    , m_parser(m_stream)
    , m_builder(manifest, m_stream, baseUrlOf(manifest, source, &m_setupError), source.settings)
{
    if (!options.startError.isEmpty())
        m_setupError = options.startError;
    if (manifest.errorBody.isSet())
        m_serviceErrors.emplace(manifest.errorBody);
    m_outcome.source = source.name;
    m_outcome.stream = stream.name;
    if (!stream.hook.isEmpty())
        m_hook = StreamHooks::create(stream.hook);
    if (stream.forEach.isEmpty()) {
        m_items = {QString()};
    } else {
        const QJsonValue list = source.settings.value(stream.forEach);
        for (const QJsonValue &item : list.toArray())
            m_items.append(item.toString());
    }
}

StreamRunner::~StreamRunner() = default;

QString StreamRunner::stateKey(const StreamSpec &stream, const QString &item)
{
    return item.isEmpty() ? stream.name : stream.name + QLatin1Char(':') + item;
}

QString StreamRunner::itemName() const
{
    return m_items.value(m_itemIndex);
}

void StreamRunner::start()
{
    const qint64 sourceId = m_source.id;
    const QString stream = m_stream.name;
    const QString now = IsoDate::timestamp(QDateTime::currentDateTimeUtc());
    ++m_pendingWrites;
    m_database->writer()->submit(
        [sourceId, stream, now](QSqlDatabase &db, QString *error) {
            QSqlQuery query(db);
            // A run still marked as running was stopped without finishing (the process was
            // killed): say so, rather than show it as running for ever. Its committed pages
            // stay, and this run resumes from its cursor.
            query.prepare(
                QStringLiteral("UPDATE sync_runs SET status = 'failed', finished_at = ?, error = ? "
                               "WHERE source_id = ? AND stream = ? AND status = 'running'"));
            query.addBindValue(now);
            query.addBindValue(tr("Interrupted: the sync stopped before this stream finished."));
            query.addBindValue(sourceId);
            query.addBindValue(stream);
            if (!query.exec()) {
                *error = query.lastError().text();
                return false;
            }
            query.prepare(
                QStringLiteral("INSERT INTO sync_runs (source_id, stream, started_at, status) "
                               "VALUES (?, ?, ?, 'running')"));
            query.addBindValue(sourceId);
            query.addBindValue(stream);
            query.addBindValue(now);
            if (!query.exec()) {
                *error = query.lastError().text();
                return false;
            }
            return true;
        },
        this,
        [this](const WriteResult &result) {
            --m_pendingWrites;
            if (!result.ok) {
                fail(StreamOutcome::Status::Failed,
                     tr("Cannot record the sync run: %1").arg(result.error));
                return;
            }
            QSqlQuery query(m_database->connection());
            query.prepare(
                QStringLiteral("SELECT max(id) FROM sync_runs WHERE source_id = ? AND stream = ?"));
            query.addBindValue(m_source.id);
            query.addBindValue(m_stream.name);
            if (query.exec() && query.next())
                m_runId = query.value(0).toLongLong();
            if (!m_setupError.isEmpty()) {
                fail(StreamOutcome::Status::Failed, m_setupError);
                return;
            }
            if (m_items.isEmpty()) {
                // An optional list left empty means the source does not use this stream.
                const SettingSpec *list = m_manifest.setting(m_stream.forEach);
                if (list && !list->required) {
                    finish();
                    return;
                }
                fail(StreamOutcome::Status::Failed,
                     tr("The setting \"%1\" lists nothing to sync.").arg(m_stream.forEach));
                return;
            }
            startItem();
        });
}

QString StreamRunner::cursorForRequest(const QString &stored) const
{
    const CursorSpec &spec = m_stream.cursor;
    QDateTime when = stored.isEmpty() || m_options.full ? QDateTime() : IsoDate::parse(stored);
    if (!when.isValid())
        return spec.initial;
    when = when.addSecs(-qint64(spec.lookbackSeconds) - (spec.exclusive ? 1 : 0));
    if (spec.format == QLatin1String("epochSeconds"))
        return QString::number(when.toSecsSinceEpoch());
    if (spec.format == QLatin1String("epochMilliseconds"))
        return QString::number(when.toMSecsSinceEpoch());
    if (spec.format == QLatin1String("iso8601"))
        return when.toUTC().toString(Qt::ISODate);
    return when.toUTC().toString(spec.format);
}

void StreamRunner::startItem()
{
    ++m_itemIndex;
    if (m_itemIndex >= m_items.size()) {
        finish();
        return;
    }
    QString stored;
    if (!m_stream.cursor.field.isEmpty()) {
        QSqlQuery query(m_database->connection());
        query.prepare(
            QStringLiteral("SELECT cursor FROM sync_state WHERE source_id = ? AND stream = ?"));
        query.addBindValue(m_source.id);
        query.addBindValue(stateKey(m_stream, itemName()));
        if (query.exec() && query.next())
            stored = query.value(0).toString();
    }
    m_paginator.emplace(m_stream.pagination);
    m_itemHasMore = true;
    m_itemCursor = QDateTime();
    HttpRequest first = m_builder.first(itemName(), cursorForRequest(stored));
    QString error;
    if (m_hook && !m_hook->prepareRequest(first, m_source, m_stream, &error)) {
        fail(StreamOutcome::Status::Failed, error);
        return;
    }
    fetch(first);
}

void StreamRunner::fetch(const HttpRequest &request)
{
    if (m_cancelled && m_cancelled->load()) {
        fail(StreamOutcome::Status::Cancelled, tr("Cancelled."));
        return;
    }
    m_fetching = true;
    qCDebug(hubSync) << m_source.name << m_stream.name << "fetching" << Redaction::url(request.url);
    m_http->send(request, [this, request](const HttpResult &result) {
        m_fetching = false;
        if (m_finishing) {
            pump();
            return;
        }
        if (m_serviceErrors && handleServiceError(request, result))
            return;
        m_serviceRetries = 0;
        m_renewed = false;
        if (!result.ok()) {
            switch (result.outcome) {
            case HttpOutcome::Cancelled:
                fail(StreamOutcome::Status::Cancelled, tr("Cancelled."));
                return;
            case HttpOutcome::RateLimited:
                fail(StreamOutcome::Status::RateLimited, result.error, result.resumeAt);
                return;
            case HttpOutcome::Unauthorized:
                fail(StreamOutcome::Status::Failed, tr("%1 refused the credentials (HTTP %2). Set "
                                                       "a new token with 'product-hub auth "
                                                       "set %3' or sign in again. %4")
                                                        .arg(m_manifest.title)
                                                        .arg(result.response.status)
                                                        .arg(m_source.name, result.error));
                return;
            case HttpOutcome::Ok:
            case HttpOutcome::Failed:
                break;
            }
            fail(StreamOutcome::Status::Failed, result.error);
            return;
        }
        auto page = std::make_shared<Page>();
        page->stateKey = stateKey(m_stream, itemName());
        // Where the headers name the next page, ask for it before reading this one, so that
        // the network, the parsing and the writing overlap.
        if (m_stream.pagination.type == PaginationSpec::Type::LinkHeader &&
            m_ready.size() < MaxPagesAhead) {
            QString nextError;
            page->next = m_paginator->next(request, result.response, JsonRecord(), -1, &nextError);
            page->paginationError = nextError;
            if (page->next && nextError.isEmpty()) {
                page->nextRequested = true;
                fetch(*page->next);
            }
        }
        QList<PageRecord> records;
        JsonRecord document;
        QString error;
        QByteArray body = result.response.body;
        if (m_hook && !m_hook->transformBody(body, &error)) {
            fail(StreamOutcome::Status::Failed,
                 tr("%1 %2: %3")
                     .arg(QString::fromLatin1(request.method), Redaction::url(request.url), error));
            return;
        }
        if (!m_parser.parse(body, &records, &document, &error)) {
            fail(StreamOutcome::Status::Failed,
                 tr("%1 %2: %3")
                     .arg(QString::fromLatin1(request.method), Redaction::url(request.url), error));
            return;
        }
        int position = 0;
        for (PageRecord &record : records) {
            ++position;
            // The cursor covers every record read, also those a filter leaves out: the page
            // has been dealt with as a whole.
            const QDateTime cursor = m_mapper.cursorValue(record.record);
            if (cursor.isValid() && (!page->cursor.isValid() || cursor > page->cursor))
                page->cursor = cursor;
            if (!m_mapper.accepts(record.record))
                continue;
            QVariantList row;
            if (!m_mapper.map(record.record, &row, &error)) {
                fail(StreamOutcome::Status::Failed, tr("%1: record %2 of the page: %3")
                                                        .arg(Redaction::url(request.url))
                                                        .arg(position)
                                                        .arg(error));
                return;
            }
            row.append(RawJson::pack(record.raw)); // compressed here, off the writer's thread
            page->rows.append(std::move(row));
        }
        if (!page->nextRequested && page->paginationError.isEmpty()) {
            page->next = m_hook && m_hook->pagesItself()
                             ? m_hook->nextRequest(request, document, int(records.size()), &error)
                             : m_paginator->next(request, result.response, document,
                                                 int(records.size()), &error);
            page->paginationError = error;
        }
        if (m_stream.cursor.commitAtEnd) {
            // The service does not list oldest changes first: the newest time seen so far is
            // saved only with the item's last page, so an interrupted sync leaves no gap.
            if (page->cursor.isValid() && (!m_itemCursor.isValid() || page->cursor > m_itemCursor))
                m_itemCursor = page->cursor;
            const bool last = !page->next || !page->paginationError.isEmpty();
            page->cursor = last && page->paginationError.isEmpty() ? m_itemCursor : QDateTime();
        }
        m_ready.enqueue(page); // written in order, each as soon as the one before is committed
        pump();
    });
}

bool StreamRunner::handleServiceError(const HttpRequest &request, const HttpResult &result)
{
    if (result.outcome != HttpOutcome::Ok && result.outcome != HttpOutcome::Failed)
        return false;
    const ServiceErrorReader::Finding found = m_serviceErrors->read(result.response.body);
    using Kind = ServiceErrorReader::Finding::Kind;
    const QString said = found.message.isEmpty()
                             ? found.code
                             : QStringLiteral("%1 %2").arg(found.code, found.message);
    switch (found.kind) {
    case Kind::None:
        return false;
    case Kind::AuthExpired:
        if (m_renewer && !m_renewed) {
            m_renewed = true;
            m_fetching = true;
            m_renewer([this, request, said](bool ok) {
                m_fetching = false;
                if (m_finishing) {
                    pump();
                    return;
                }
                if (!ok) {
                    fail(StreamOutcome::Status::Failed,
                         tr("%1 refused the credentials (%2) and new ones could not be "
                            "obtained. Check them with 'product-hub auth set %3'.")
                             .arg(m_manifest.title, said, m_source.name));
                    return;
                }
                fetch(request);
            });
            return true;
        }
        fail(StreamOutcome::Status::Failed,
             tr("%1 refused the credentials (%2). Set new ones with 'product-hub auth set %3'.")
                 .arg(m_manifest.title, said, m_source.name));
        return true;
    case Kind::RateLimited: {
        const int wait = m_manifest.errorBody.rateLimitWaitSeconds;
        if (wait <= m_manifest.retry.maxWaitSeconds &&
            m_serviceRetries + 1 < m_manifest.retry.maxAttempts) {
            ++m_serviceRetries;
            m_fetching = true; // the request is still on its way, after a pause
            QTimer::singleShot(std::chrono::seconds(wait), this, [this, request] {
                m_fetching = false;
                if (m_finishing) {
                    pump();
                    return;
                }
                fetch(request);
            });
            return true;
        }
        fail(StreamOutcome::Status::RateLimited,
             tr("%1 is limiting the rate of requests (%2).").arg(m_manifest.title, said),
             QDateTime::currentDateTimeUtc().addSecs(wait));
        return true;
    }
    case Kind::Failed:
        // An error status already carries the service's message; a 2xx does not.
        if (result.outcome != HttpOutcome::Ok)
            return false;
        fail(StreamOutcome::Status::Failed,
             tr("%1 %2: %3 reported an error: %4")
                 .arg(QString::fromLatin1(request.method), Redaction::url(request.url),
                      m_manifest.title, said));
        return true;
    }
    return false;
}

void StreamRunner::writePage(std::shared_ptr<Page> page)
{
    ++m_pendingWrites;
    m_itemHasMore = page->next.has_value();
    if (page->next && page->paginationError.isEmpty() && !page->nextRequested && !m_finishing)
        fetch(*page->next); // read ahead while this page is written

    QStringList columns = m_mapper.columns();
    columns.append(QStringLiteral("raw"));
    const QString table = m_stream.target;
    const QString stream = m_stream.name;
    const qint64 sourceId = m_source.id;
    const qint64 runId = m_runId;
    const bool trackCursor = !m_stream.cursor.field.isEmpty() && page->cursor.isValid();
    const QString cursor = trackCursor ? storedCursor(page->cursor) : QString();
    const qint64 count = page->rows.size();
    const auto write = [=](QSqlDatabase &db, QString *error) {
        if (!RowWriter::write(db, table, sourceId, columns, page->rows, error) ||
            !ActivityRecorder::recordSyncedPage(db, stream, table, sourceId, columns, page->rows,
                                                QDateTime::currentDateTimeUtc(), error))
            return false;
        QSqlQuery query(db);
        const QString now = IsoDate::timestamp(QDateTime::currentDateTimeUtc());
        if (trackCursor) {
            // The cursor only moves forward, whoever else syncs the same source.
            query.prepare(QStringLiteral(
                "INSERT INTO sync_state (source_id, stream, cursor, updated_at) VALUES (?, ?, "
                "?, ?) "
                "ON CONFLICT (source_id, stream) DO UPDATE SET cursor = CASE WHEN "
                "sync_state.cursor IS NULL OR excluded.cursor > sync_state.cursor THEN "
                "excluded.cursor ELSE sync_state.cursor END, updated_at = "
                "excluded.updated_at"));
            query.addBindValue(sourceId);
            query.addBindValue(page->stateKey);
            query.addBindValue(cursor);
            query.addBindValue(now);
            if (!query.exec()) {
                *error = query.lastError().text();
                return false;
            }
        }
        query.prepare(
            QStringLiteral("UPDATE sync_runs SET records = records + ?, pages = pages + 1 "
                           "WHERE id = ?"));
        query.addBindValue(count);
        query.addBindValue(runId);
        if (!query.exec()) {
            *error = query.lastError().text();
            return false;
        }
        return true;
    };
    const std::shared_ptr<std::atomic_bool> writeFailed = m_writeFailed;
    m_database->writer()->submit(
        [write, writeFailed](QSqlDatabase &db, QString *error) {
            // A page queued behind one that failed is not written past the gap.
            if (writeFailed->load()) {
                *error = tr("not written after an earlier page failed");
                return false;
            }
            const bool ok = write(db, error);
            if (!ok)
                writeFailed->store(true);
            return ok;
        },
        this,
        [this, count, page](const WriteResult &result) {
            --m_pendingWrites;
            if (!result.ok) {
                fail(StreamOutcome::Status::Failed, tr("Page %1 could not be saved: %2")
                                                        .arg(m_outcome.pages + 1)
                                                        .arg(result.error));
                return;
            }
            written(result, count);
            if (!page->paginationError.isEmpty()) {
                fail(StreamOutcome::Status::Failed, page->paginationError);
                return;
            }
            pump();
        });
}

void StreamRunner::written(const WriteResult &, qint64 records)
{
    m_outcome.records += records;
    ++m_outcome.pages;
    Q_EMIT progress(m_stream.name, m_outcome.records, m_outcome.pages);
}

void StreamRunner::pump()
{
    if (m_writeFailed->load())
        m_ready.clear(); // nothing more can be written in order
    while (!m_ready.isEmpty() && m_pendingWrites < MaxPendingWrites)
        writePage(m_ready.dequeue());
    if (m_pendingWrites > 0 || !m_ready.isEmpty())
        return;
    if (m_finishing) {
        finish();
        return;
    }
    if (!m_itemHasMore && !m_fetching)
        startItem();
}

void StreamRunner::fail(StreamOutcome::Status status, const QString &error,
                        const QDateTime &resumeAt)
{
    if (m_finishing)
        return;
    m_outcome.status = status;
    m_outcome.error = error;
    m_outcome.resumeAt = resumeAt;
    m_finishing = true;
    // Pages read before the failure are complete and in order: they are still written. Nothing
    // read after it is, so the cursor never moves past a gap.
    if (m_fetching)
        m_http->cancelAll();
    pump();
}

void StreamRunner::finish()
{
    m_finishing = true;
    if (m_pendingWrites > 0 || m_fetching || m_done || !m_ready.isEmpty())
        return;
    m_done = true;
    const QString status = StreamOutcome::statusName(m_outcome.status);
    const QString error = m_outcome.error;
    const QString resumeAt =
        m_outcome.resumeAt.isValid() ? IsoDate::timestamp(m_outcome.resumeAt) : QString();
    const qint64 runId = m_runId;
    if (m_outcome.status != StreamOutcome::Status::Ok)
        qCWarning(hubSync) << m_source.name << m_stream.name << status << error;
    if (runId == 0) {
        Q_EMIT finished(m_outcome);
        return;
    }
    ++m_pendingWrites;
    m_database->writer()->submit(
        [=](QSqlDatabase &db, QString *writeError) {
            QSqlQuery query(db);
            query.prepare(
                QStringLiteral("UPDATE sync_runs SET status = ?, finished_at = ?, error = ?, "
                               "resume_at = ? WHERE id = ?"));
            query.addBindValue(status);
            query.addBindValue(IsoDate::timestamp(QDateTime::currentDateTimeUtc()));
            query.addBindValue(error.isEmpty() ? QVariant() : QVariant(error));
            query.addBindValue(resumeAt.isEmpty() ? QVariant() : QVariant(resumeAt));
            query.addBindValue(runId);
            if (!query.exec()) {
                *writeError = query.lastError().text();
                return false;
            }
            return true;
        },
        this,
        [this](const WriteResult &) {
            --m_pendingWrites;
            Q_EMIT finished(m_outcome);
        });
}
