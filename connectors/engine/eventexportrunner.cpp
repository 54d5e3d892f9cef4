#include "eventexportrunner.h"

#include "database.h"
#include "databasewriter.h"
#include "http/httpclient.h"
#include "http/redaction.h"
#include "isodate.h"
#include "logging.h"
#include "usage/usageperiod.h"
#include "usage/usagerollup.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {

QUrl baseUrlOf(const ConnectorManifest &manifest, const Source &source, QString *error)
{
    return RequestBuilder::baseUrl(source.baseUrl.isEmpty() ? manifest.defaultBaseUrl
                                                            : source.baseUrl,
                                   manifest, source.settings, error);
}

bool exec(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    *error = query.lastError().text();
    return false;
}

} // namespace

EventExportRunner::EventExportRunner(Database *database, HttpClient *http,
                                     const ConnectorManifest &manifest, const StreamSpec &stream,
                                     const Source &source, const StreamRunner::Options &options,
                                     const std::atomic_bool *cancelled, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_http(http)
    , m_manifest(manifest)
    , m_stream(stream)
    , m_source(source)
    , m_options(options)
    , m_cancelled(cancelled)
    , m_builder(manifest, m_stream, baseUrlOf(manifest, source, &m_setupError), source.settings)
    , m_reader(stream.events)
{
    if (!options.startError.isEmpty())
        m_setupError = options.startError;
    if (m_setupError.isEmpty() && !m_downloads.isValid())
        m_setupError = tr("Cannot create a temporary folder for the export: %1")
                           .arg(m_downloads.errorString());
    m_outcome.source = source.name;
    m_outcome.stream = stream.name;
}

EventExportRunner::~EventExportRunner() = default;

QDateTime EventExportRunner::nextPeriod(const EventsSpec &spec, const QDateTime &start)
{
    return spec.period == EventsSpec::Period::Hour ? start.addSecs(3600) : start.addDays(1);
}

QString EventExportRunner::periodLabel(const EventsSpec &spec, const QDateTime &start)
{
    return start.toUTC().toString(spec.period == EventsSpec::Period::Hour
                                      ? QStringLiteral("yyyy-MM-dd'T'HH")
                                      : QStringLiteral("yyyy-MM-dd"));
}

EventExportRunner::Range EventExportRunner::periods(const EventsSpec &spec, const QString &startDay,
                                                    const QString &cursor, bool full,
                                                    const QDateTime &now)
{
    const bool hourly = spec.period == EventsSpec::Period::Hour;
    const auto floor = [hourly](const QDateTime &when) {
        const QDateTime utc = when.toUTC();
        return QDateTime(utc.date(), hourly ? QTime(utc.time().hour(), 0) : QTime(0, 0), Qt::UTC);
    };
    Range range;
    const QDateTime stored = cursor.isEmpty() || full ? QDateTime() : IsoDate::parse(cursor);
    if (stored.isValid()) {
        range.first = nextPeriod(spec, floor(stored));
        for (int i = 0; i < spec.lookbackPeriods; ++i)
            range.first = hourly ? range.first.addSecs(-3600) : range.first.addDays(-1);
    } else {
        range.first = QDateTime(QDate::fromString(startDay, Qt::ISODate), QTime(0, 0), Qt::UTC);
    }
    // A period is complete once it ended lagHours ago: the end is the start of the period
    // that holds that moment.
    range.end = floor(now.toUTC().addSecs(-qint64(spec.lagHours) * 3600));
    return range;
}

QString EventExportRunner::periodText(const QDateTime &period) const
{
    return tr("%1 export for %2").arg(m_manifest.title, periodLabel(m_stream.events, period));
}

void EventExportRunner::start()
{
    const qint64 sourceId = m_source.id;
    const QString stream = m_stream.name;
    const QString now = IsoDate::timestamp(QDateTime::currentDateTimeUtc());
    m_writing = true;
    m_database->writer()->submit(
        [sourceId, stream, now](QSqlDatabase &db, QString *error) {
            QSqlQuery query(db);
            // As StreamRunner does: a run left marked as running was interrupted.
            query.prepare(
                QStringLiteral("UPDATE sync_runs SET status = 'failed', finished_at = ?, error = ? "
                               "WHERE source_id = ? AND stream = ? AND status = 'running'"));
            query.addBindValue(now);
            query.addBindValue(tr("Interrupted: the sync stopped before this stream finished."));
            query.addBindValue(sourceId);
            query.addBindValue(stream);
            if (!exec(query, error))
                return false;
            query.prepare(
                QStringLiteral("INSERT INTO sync_runs (source_id, stream, started_at, status) "
                               "VALUES (?, ?, ?, 'running')"));
            query.addBindValue(sourceId);
            query.addBindValue(stream);
            query.addBindValue(now);
            if (!exec(query, error))
                return false;
            return true;
        },
        this,
        [this](const WriteResult &result) {
            m_writing = false;
            if (!result.ok) {
                fail(StreamOutcome::Status::Failed,
                     tr("Cannot record the sync run: %1").arg(result.error));
                return;
            }
            begin();
        });
}

void EventExportRunner::begin()
{
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
    QString cursor;
    query.prepare(
        QStringLiteral("SELECT cursor FROM sync_state WHERE source_id = ? AND stream = ?"));
    query.addBindValue(m_source.id);
    query.addBindValue(m_stream.name);
    if (query.exec() && query.next())
        cursor = query.value(0).toString();
    const QString startDay = m_source.settings.value(m_stream.events.startSetting).toString();
    const Range range =
        periods(m_stream.events, startDay, cursor, m_options.full, QDateTime::currentDateTimeUtc());
    if (!range.first.isValid()) {
        fail(StreamOutcome::Status::Failed,
             tr("The setting \"%1\" must give the first day to sync as YYYY-MM-DD, got \"%2\".")
                 .arg(m_stream.events.startSetting, startDay));
        return;
    }
    m_next = range.first;
    m_end = range.end;
    qCInfo(hubSync) << m_source.name << m_stream.name << "periods from"
                    << periodLabel(m_stream.events, m_next) << "to before"
                    << periodLabel(m_stream.events, m_end);
    fetchNext();
}

void EventExportRunner::fetchNext()
{
    if (m_finishing)
        return;
    if (m_next >= m_end) {
        finish();
        return;
    }
    if (m_cancelled && m_cancelled->load()) {
        fail(StreamOutcome::Status::Cancelled, tr("Cancelled."));
        return;
    }
    const QDateTime period = m_next;
    m_next = nextPeriod(m_stream.events, period);
    const QString format = m_stream.events.periodFormat;
    // The end is inclusive, as both services read it: the last second of the period.
    const QHash<QString, QString> values{
        {QStringLiteral("period.start"), period.toUTC().toString(format)},
        {QStringLiteral("period.end"), m_next.addSecs(-1).toUTC().toString(format)}};
    HttpRequest request = m_builder.first(QString(), QString(), values);
    request.saveBodyTo = m_downloads.filePath(QStringLiteral("export"));
    m_fetching = true;
    qCDebug(hubSync) << m_source.name << m_stream.name << "fetching" << Redaction::url(request.url);
    m_http->send(request, [this, period](const HttpResult &result) {
        m_fetching = false;
        received(period, result);
    });
}

void EventExportRunner::received(const QDateTime &period, const HttpResult &result)
{
    if (m_finishing) {
        finish();
        return;
    }
    auto counts = std::make_shared<UsagePeriod>(periodLabel(m_stream.events, period));
    const bool noData =
        m_stream.events.noDataStatus != 0 && result.response.status == m_stream.events.noDataStatus;
    if (!result.ok() && !noData) {
        switch (result.outcome) {
        case HttpOutcome::Cancelled:
            fail(StreamOutcome::Status::Cancelled, tr("Cancelled."));
            return;
        case HttpOutcome::RateLimited:
            fail(StreamOutcome::Status::RateLimited, result.error, result.resumeAt);
            return;
        case HttpOutcome::Unauthorized:
            fail(StreamOutcome::Status::Failed,
                 tr("%1 refused the credentials (HTTP %2). Set new ones with 'product-hub auth "
                    "set %3'. %4")
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
    if (!noData) {
        QString error;
        if (!m_reader.read(m_downloads.filePath(QStringLiteral("export")), counts.get(), &error)) {
            fail(
                StreamOutcome::Status::Failed,
                tr("%1 was rejected, nothing of it was stored: %2").arg(periodText(period), error));
            return;
        }
        if (m_reader.duplicates() > 0)
            qCInfo(hubSync) << m_source.name << periodText(period) << "counted"
                            << m_reader.duplicates() << "repeated events once";
    }
    m_ready = std::move(counts);
    m_readyPeriod = period;
    pump();
}

void EventExportRunner::pump()
{
    if (m_writing || !m_ready)
        return;
    write(std::exchange(m_ready, nullptr), m_readyPeriod);
    fetchNext(); // read the next period while this one is written
}

void EventExportRunner::write(std::shared_ptr<UsagePeriod> counts, const QDateTime &period)
{
    m_writing = true;
    const qint64 sourceId = m_source.id;
    const qint64 runId = m_runId;
    const QString stream = m_stream.name;
    const QString cursor = period.toUTC().toString(Qt::ISODateWithMs);
    const QString label = periodText(period);
    const std::shared_ptr<UsageRollup::KnownUsers> known = m_knownUsers;
    m_database->writer()->submit(
        [=](QSqlDatabase &db, QString *error) {
            if (!UsageRollup::replacePeriod(db, sourceId, *counts, error, known.get()))
                return false;
            QSqlQuery query(db);
            // The cursor only moves forward: a look-back re-reads older periods.
            query.prepare(QStringLiteral(
                "INSERT INTO sync_state (source_id, stream, cursor, updated_at) VALUES (?, ?, ?, "
                "?) ON CONFLICT (source_id, stream) DO UPDATE SET cursor = CASE WHEN "
                "sync_state.cursor IS NULL OR excluded.cursor > sync_state.cursor THEN "
                "excluded.cursor ELSE sync_state.cursor END, updated_at = excluded.updated_at"));
            query.addBindValue(sourceId);
            query.addBindValue(stream);
            query.addBindValue(cursor);
            query.addBindValue(IsoDate::timestamp(QDateTime::currentDateTimeUtc()));
            if (!exec(query, error))
                return false;
            query.prepare(QStringLiteral(
                "UPDATE sync_runs SET records = records + ?, pages = pages + 1 WHERE id = ?"));
            query.addBindValue(counts->events());
            query.addBindValue(runId);
            return exec(query, error);
        },
        this,
        [this, counts, label](const WriteResult &result) {
            m_writing = false;
            if (!result.ok) {
                fail(StreamOutcome::Status::Failed,
                     tr("%1 could not be saved: %2").arg(label, result.error));
                return;
            }
            m_outcome.records += counts->events();
            ++m_outcome.pages;
            Q_EMIT progress(m_stream.name, m_outcome.records, m_outcome.pages);
            if (m_finishing) {
                finish();
                return;
            }
            pump();
            if (!m_fetching && !m_writing && !m_ready && m_next >= m_end)
                finish();
        });
}

void EventExportRunner::fail(StreamOutcome::Status status, const QString &error,
                             const QDateTime &resumeAt)
{
    if (m_finishing)
        return;
    m_outcome.status = status;
    m_outcome.error = error;
    m_outcome.resumeAt = resumeAt;
    m_finishing = true;
    m_ready.reset(); // a period read after the failure is not stored past it
    if (m_fetching)
        m_http->cancelAll();
    finish();
}

void EventExportRunner::finish()
{
    m_finishing = true;
    if (m_writing || m_fetching || m_done)
        return;
    if (m_ready) {
        pump();
        return;
    }
    m_done = true;
    if (m_outcome.status != StreamOutcome::Status::Ok)
        qCWarning(hubSync) << m_source.name << m_stream.name
                           << StreamOutcome::statusName(m_outcome.status) << m_outcome.error;
    if (m_runId == 0) {
        Q_EMIT finished(m_outcome);
        return;
    }
    const QString status = StreamOutcome::statusName(m_outcome.status);
    const QString error = m_outcome.error;
    const QString resumeAt =
        m_outcome.resumeAt.isValid() ? IsoDate::timestamp(m_outcome.resumeAt) : QString();
    const qint64 runId = m_runId;
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
            return exec(query, writeError);
        },
        this, [this](const WriteResult &) { Q_EMIT finished(m_outcome); });
}
