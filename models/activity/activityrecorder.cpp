#include "activityrecorder.h"

#include "isodate.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace ActivityRecorder {
namespace {

QVariant optional(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::LongLong));
}

QString tr(const char *text)
{
    return QCoreApplication::translate("ActivityRecorder", text);
}

// Reads one synced row by column name.
class RowView
{
public:
    RowView(const QStringList &columns, const QVariantList &row)
        : m_columns(columns)
        , m_row(row)
    {
    }
    QVariant value(const char *column) const
    {
        const qsizetype index = m_columns.indexOf(QLatin1String(column));
        return index >= 0 && index < m_row.size() ? m_row.at(index) : QVariant();
    }
    QString text(const char *column) const { return value(column).toString(); }
    QDateTime when(const char *column) const { return IsoDate::parse(text(column)); }

private:
    const QStringList &m_columns;
    const QVariantList &m_row;
};

struct Derived
{
    QString type;
    QDateTime when;
    QString title;
    QString happening;
};

std::optional<Derived> derive(const QString &stream, const QString &target, const RowView &row)
{
    if (target == QLatin1String("releases")) {
        // Milestones share the releases table; their dates are due dates, not happenings.
        if (stream == QLatin1String("milestones"))
            return std::nullopt;
        return Derived{QLatin1String(HubEvents::FeatureRelease), row.when("released_at"),
                       tr("Released %1").arg(row.text("name")), QStringLiteral("released")};
    }
    if (target == QLatin1String("feedback")) {
        QString title = row.text("title");
        if (title.isEmpty())
            title = row.text("body").left(80);
        return Derived{QLatin1String(HubEvents::UserFeedback), row.when("created_at"),
                       tr("New feedback: %1").arg(title), QStringLiteral("new")};
    }
    if (target == QLatin1String("sales_opportunities")) {
        if (row.value("is_won").toInt() != 1)
            return std::nullopt;
        QDateTime when = row.when("close_date");
        if (!when.isValid())
            when = row.when("updated_at");
        return Derived{QLatin1String(HubEvents::MarketValidation), when,
                       tr("Deal won: %1").arg(row.text("name")), QStringLiteral("won")};
    }
    if (target == QLatin1String("work_items")) {
        if (row.text("state").compare(QLatin1String("merged"), Qt::CaseInsensitive) != 0)
            return std::nullopt;
        return Derived{QLatin1String(HubEvents::DevelopmentMilestone), row.when("resolved_at"),
                       tr("Merged: %1").arg(row.text("title")), QStringLiteral("merged")};
    }
    return std::nullopt;
}

} // namespace

namespace {

const QString InsertSql = QStringLiteral(
    "INSERT INTO activity (occurred_at, recorded_at, hub_event, origin, source_id, title, "
    "detail, link, trigger_id, webhook_event_id, dedupe_key) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING");

QVariant text(const QString &value)
{
    return value.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(value);
}

// query is prepared with InsertSql; a page of events reuses one statement.
bool insert(QSqlQuery &query, const HubEvent &event, bool *inserted, QString *error)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    query.bindValue(0, IsoDate::timestamp(event.occurredAt.isValid() ? event.occurredAt : now));
    query.bindValue(1, IsoDate::timestamp(now));
    query.bindValue(2, event.type);
    query.bindValue(3, HubEvents::originName(event.origin));
    query.bindValue(4, optional(event.sourceId));
    query.bindValue(5, event.title);
    query.bindValue(6, text(event.detail));
    query.bindValue(7, text(event.link));
    query.bindValue(8, optional(event.triggerId));
    query.bindValue(9, optional(event.webhookEventId));
    query.bindValue(10, text(event.dedupeKey));
    if (!query.exec()) {
        *error = tr("Could not record the activity entry: %1").arg(query.lastError().text());
        return false;
    }
    if (inserted)
        *inserted = query.numRowsAffected() > 0;
    return true;
}

} // namespace

bool record(QSqlDatabase &db, const HubEvent &event, bool *inserted, QString *error)
{
    QSqlQuery query(db);
    if (!query.prepare(InsertSql)) {
        *error = query.lastError().text();
        return false;
    }
    return insert(query, event, inserted, error);
}

bool recordSyncedPage(QSqlDatabase &db, const QString &stream, const QString &target,
                      qint64 sourceId, const QStringList &columns, const QList<QVariantList> &rows,
                      const QDateTime &now, QString *error)
{
    const QDateTime since = now.addDays(-RecentDays);
    if (target.contains(QLatin1String("usage"))) {
        if (rows.isEmpty())
            return true;
        // Usage arrives in bulk: one entry per source and day says the figures moved.
        HubEvent event;
        event.type = QLatin1String(HubEvents::UsageMetrics);
        event.sourceId = sourceId;
        event.occurredAt = now;
        event.title = tr("Usage metrics updated");
        event.dedupeKey =
            QString::number(sourceId) + QStringLiteral(":usage:") + IsoDate::day(now.date());
        return record(db, event, nullptr, error);
    }
    QSqlQuery query(db);
    bool prepared = false;
    for (const QVariantList &values : rows) {
        const RowView row(columns, values);
        const std::optional<Derived> derived = derive(stream, target, row);
        if (!derived || !derived->when.isValid() || derived->when < since || derived->when > now)
            continue;
        HubEvent event;
        event.type = derived->type;
        event.sourceId = sourceId;
        event.occurredAt = derived->when;
        event.title = derived->title;
        event.link = row.text("url");
        event.dedupeKey =
            HubEvents::objectKey(sourceId, target, row.text("external_id"), derived->happening);
        if (!prepared && !query.prepare(InsertSql)) {
            *error = query.lastError().text();
            return false;
        }
        prepared = true;
        if (!insert(query, event, nullptr, error))
            return false;
    }
    return true;
}

} // namespace ActivityRecorder
