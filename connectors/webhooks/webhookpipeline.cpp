#include "webhookpipeline.h"

#include "database.h"
#include "databasewriter.h"
#include "webhookjournal.h"
#include "webhooklogging.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {

// Enough to share one commit between many deliveries, few enough that a job never holds the
// writer long: the receiver's commits, which its answers wait for, queue behind it.
constexpr int BatchSize = 50;

struct Processed
{
    qint64 id = 0;
    QString status;
    QString error;
};

QString statusOf(WebhookProcessor::Result result)
{
    switch (result) {
    case WebhookProcessor::Result::Processed:
        return QString::fromLatin1(WebhookJournal::Processed);
    case WebhookProcessor::Result::Ignored:
        return QString::fromLatin1(WebhookJournal::Ignored);
    case WebhookProcessor::Result::Failed:
        break;
    }
    return QString::fromLatin1(WebhookJournal::Failed);
}

} // namespace

WebhookPipeline::WebhookPipeline(Database *database, std::unique_ptr<WebhookProcessor> processor,
                                 QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_processor(std::move(processor))
{
}

WebhookPipeline::~WebhookPipeline() = default;

bool WebhookPipeline::processOne(QSqlDatabase &db, WebhookProcessor &processor, qint64 id,
                                 WebhookProcessor::Outcome *outcome, QString *error)
{
    WebhookJournal journal(db);
    const std::optional<WebhookJournal::Entry> entry = journal.get(id, error);
    if (!entry)
        return false;
    QSqlQuery savepoint(db);
    if (!savepoint.exec(QStringLiteral("SAVEPOINT webhook_process"))) {
        *error = savepoint.lastError().text();
        return false;
    }
    try {
        *outcome = processor.process(db, entry->event);
    } catch (const std::exception &e) {
        *outcome = {WebhookProcessor::Result::Failed, QString::fromUtf8(e.what()), {}};
    }
    if (outcome->result == WebhookProcessor::Result::Failed) {
        if (outcome->error.isEmpty())
            outcome->error = QObject::tr("The processor failed without saying why.");
        savepoint.exec(QStringLiteral("ROLLBACK TO webhook_process"));
    }
    if (!savepoint.exec(QStringLiteral("RELEASE webhook_process"))) {
        *error = savepoint.lastError().text();
        return false;
    }
    return journal.markOutcome(id, statusOf(outcome->result), outcome->error, error);
}

void WebhookPipeline::enqueue(const QList<qint64> &ids)
{
    for (const qint64 id : ids) {
        if (m_queued.contains(id))
            continue;
        m_queued.insert(id);
        m_queue.append(id);
    }
    pump();
}

void WebhookPipeline::resumePending()
{
    QString error;
    const QList<qint64> ids = WebhookJournal(m_database->connection()).pending(100000, &error);
    if (!error.isEmpty())
        qCWarning(hubWebhooks) << "Cannot read the deliveries waiting to be processed:" << error;
    enqueue(ids);
}

void WebhookPipeline::replay(qint64 id)
{
    m_database->writer()->submit(
        [id](QSqlDatabase &db, QString *error) { return WebhookJournal(db).requeue(id, error); },
        this,
        [this, id](const WriteResult &result) {
            if (result.ok)
                enqueue({id});
            else
                emit processed(id, QString::fromLatin1(WebhookJournal::Failed), result.error);
        });
}

void WebhookPipeline::pump()
{
    if (m_running)
        return;
    if (m_queue.isEmpty()) {
        emit idle();
        return;
    }
    const QList<qint64> batch = m_queue.mid(0, BatchSize);
    m_queue.remove(0, batch.size());
    m_running = true;
    auto results = std::make_shared<QList<Processed>>();
    const std::shared_ptr<WebhookProcessor> processor = m_processor;
    m_database->writer()->submit(
        [batch, results, processor](QSqlDatabase &db, QString *error) {
            results->clear();
            for (const qint64 id : batch) {
                WebhookProcessor::Outcome outcome;
                if (!processOne(db, *processor, id, &outcome, error))
                    return false;
                results->append({id, statusOf(outcome.result), outcome.error});
            }
            return true;
        },
        this,
        [this, batch, results](const WriteResult &result) {
            m_running = false;
            for (const qint64 id : batch)
                m_queued.remove(id);
            if (!result.ok) {
                // The journal itself could not be written: the deliveries stay "received"
                // and are taken up again by resumePending() on the next start.
                qCWarning(hubWebhooks) << "Processing webhook deliveries failed:" << result.error;
                for (const qint64 id : batch)
                    emit processed(id, QString::fromLatin1(WebhookJournal::Received), result.error);
            } else {
                for (const Processed &done : std::as_const(*results)) {
                    if (done.status == QLatin1String(WebhookJournal::Failed))
                        qCWarning(hubWebhooks)
                            << "Webhook delivery" << done.id << "failed:" << done.error;
                    emit processed(done.id, done.status, done.error);
                }
            }
            pump();
        });
}
