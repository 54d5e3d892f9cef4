#include "canonicalwebhookprocessor.h"

#include "activity/activityrecorder.h"
#include "activity/triggerevaluator.h"
#include "engine/rowwriter.h"
#include "logging.h"
#include "providermappers.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CanonicalWebhookProcessor", text);
}

WebhookProcessor::Outcome outcome(WebhookProcessor::Result result, const QString &error = {})
{
    WebhookProcessor::Outcome done;
    done.result = result;
    done.error = error;
    return done;
}

// A savepoint inside the writer's transaction: rows of a delivery that fails halfway go.
class Savepoint
{
public:
    Savepoint(QSqlDatabase &db, const char *name)
        : m_db(db)
        , m_name(QLatin1String(name))
    {
        m_open = QSqlQuery(m_db).exec(QStringLiteral("SAVEPOINT ") + m_name);
    }
    ~Savepoint()
    {
        if (m_open)
            rollback();
    }
    bool isOpen() const { return m_open; }
    void release()
    {
        QSqlQuery(m_db).exec(QStringLiteral("RELEASE SAVEPOINT ") + m_name);
        m_open = false;
    }
    void rollback()
    {
        QSqlQuery query(m_db);
        query.exec(QStringLiteral("ROLLBACK TO SAVEPOINT ") + m_name);
        query.exec(QStringLiteral("RELEASE SAVEPOINT ") + m_name);
        m_open = false;
    }

private:
    QSqlDatabase &m_db;
    QString m_name;
    bool m_open = false;
};

// The delivery's source: the one whose endpoint took it, else the only source of its kind.
std::optional<qint64> sourceFor(const QSqlDatabase &db, const WebhookEvent &event, QString *error)
{
    if (event.sourceId)
        return event.sourceId;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id FROM sources WHERE kind = ? ORDER BY id LIMIT 2"));
    query.addBindValue(event.provider);
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    QList<qint64> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    if (ids.size() == 1)
        return ids.first();
    *error = ids.isEmpty()
                 ? tr("No %1 source is set up to take this delivery; add one in Connections.")
                       .arg(event.provider)
                 : tr("Several %1 sources exist and the delivery does not say which one it is "
                      "for; send it to /hooks/<source name>.")
                       .arg(event.provider);
    return std::nullopt;
}

} // namespace

CanonicalWebhookProcessor::CanonicalWebhookProcessor()
{
    m_mappers.insert(QStringLiteral("github"), ProviderMappers::github());
    m_mappers.insert(QStringLiteral("gitlab"), ProviderMappers::gitlab());
    m_mappers.insert(QStringLiteral("jira"), ProviderMappers::jira());
    m_mappers.insert(QStringLiteral("linear"), ProviderMappers::linear());
    m_mappers.insert(QStringLiteral("pipedrive"), ProviderMappers::pipedrive());
    m_mappers.insert(QStringLiteral("hubspot"), ProviderMappers::hubspot());
}

CanonicalWebhookProcessor::~CanonicalWebhookProcessor() = default;

QStringList CanonicalWebhookProcessor::providers() const
{
    QStringList names = m_mappers.keys();
    names.sort();
    return names;
}

WebhookProcessor::Outcome CanonicalWebhookProcessor::process(QSqlDatabase &db,
                                                             const WebhookEvent &event)
{
    const std::shared_ptr<PayloadMapper> mapper = m_mappers.value(event.provider);
    if (!mapper)
        return outcome(Result::Ignored, tr("%1 deliveries are not used").arg(event.provider));
    QJsonParseError parsed;
    const QJsonDocument document = QJsonDocument::fromJson(event.payload, &parsed);
    if (parsed.error != QJsonParseError::NoError) {
        return outcome(Result::Failed, tr("The payload is not JSON: %1 at byte %2")
                                           .arg(parsed.errorString())
                                           .arg(parsed.offset));
    }
    QString error;
    const std::optional<qint64> sourceId = sourceFor(db, event, &error);
    if (!sourceId)
        return outcome(Result::Failed, error);
    const QJsonValue body =
        document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    MappedDelivery mapped = mapper->map(event.eventType, body, *sourceId);
    if (mapped.result == Result::Failed) {
        return outcome(Result::Failed, tr("%1 %2 delivery: %3")
                                           .arg(event.provider, event.eventType, mapped.error)
                                           .simplified());
    }
    if (mapped.result == Result::Ignored)
        return outcome(Result::Ignored, mapped.error);

    Savepoint savepoint(db, "webhook_delivery");
    if (!savepoint.isOpen())
        return outcome(Result::Failed, db.lastError().text());
    for (const TableRows &write : std::as_const(mapped.writes)) {
        if (!RowWriter::write(db, write.table, *sourceId, write.columns, write.rows, &error))
            return outcome(Result::Failed, tr("Could not write %1: %2").arg(write.table, error));
    }
    Outcome done = outcome(Result::Processed);
    for (HubEvent &hubEvent : mapped.events) {
        hubEvent.sourceId = *sourceId;
        hubEvent.webhookEventId = event.id > 0 ? std::optional<qint64>(event.id) : std::nullopt;
        if (!ActivityRecorder::record(db, hubEvent, nullptr, &error))
            return outcome(Result::Failed, error);
        if (!done.hubEvents.contains(hubEvent.type))
            done.hubEvents.append(hubEvent.type);
    }
    savepoint.release();

    // A trigger that cannot be evaluated must not lose the delivery's rows.
    Savepoint triggers(db, "webhook_triggers");
    if (!TriggerEvaluator::evaluate(db, QDateTime::currentDateTimeUtc(), &error)) {
        qCWarning(hubSync) << "Triggers not evaluated after a delivery:" << error;
        triggers.rollback();
    } else {
        triggers.release();
    }
    return done;
}
