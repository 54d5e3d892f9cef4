#include "sourcestore.h"

#include "isodate.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace {

Source sourceFrom(const QSqlQuery &query)
{
    Source source;
    source.id = query.value(0).toLongLong();
    source.kind = query.value(1).toString();
    source.name = query.value(2).toString();
    source.baseUrl = query.value(3).toString();
    source.settings = QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object();
    source.enabled = query.value(5).toBool();
    source.createdAt = query.value(6).toString();
    return source;
}

const char *const SelectSources =
    "SELECT id, kind, name, base_url, settings_json, enabled, created_at FROM sources ";

} // namespace

SourceStore::SourceStore(const QSqlDatabase &db)
    : m_db(db)
{
}

QList<Source> SourceStore::all(QString *error) const
{
    QList<Source> sources;
    QSqlQuery query(m_db);
    if (!query.exec(QLatin1String(SelectSources) + QStringLiteral("ORDER BY name"))) {
        *error = query.lastError().text();
        return sources;
    }
    while (query.next())
        sources.append(sourceFrom(query));
    return sources;
}

std::optional<Source> SourceStore::byName(const QString &name, QString *error) const
{
    QSqlQuery query(m_db);
    query.prepare(QLatin1String(SelectSources) + QStringLiteral("WHERE name = ?"));
    query.addBindValue(name);
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    if (!query.next()) {
        *error = QObject::tr("There is no source named \"%1\".").arg(name);
        return std::nullopt;
    }
    return sourceFrom(query);
}

bool SourceStore::add(Source &source, QString *error)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT count(*) FROM sources WHERE name = ?"));
    query.addBindValue(source.name);
    if (query.exec() && query.next() && query.value(0).toInt() > 0) {
        *error = QObject::tr("A source named \"%1\" already exists; choose another name.")
                     .arg(source.name);
        return false;
    }
    source.createdAt = IsoDate::timestamp(QDateTime::currentDateTimeUtc());
    query.prepare(
        QStringLiteral("INSERT INTO sources (kind, name, base_url, settings_json, enabled, "
                       "created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(source.kind);
    query.addBindValue(source.name);
    query.addBindValue(source.baseUrl);
    query.addBindValue(
        QString::fromUtf8(QJsonDocument(source.settings).toJson(QJsonDocument::Compact)));
    query.addBindValue(source.enabled ? 1 : 0);
    query.addBindValue(source.createdAt);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    source.id = query.lastInsertId().toLongLong();
    return true;
}

bool SourceStore::remove(qint64 sourceId, QString *error)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM sources WHERE id = ?"));
    query.addBindValue(sourceId);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

QList<StreamStatus> SourceStore::streamStatus(qint64 sourceId, QString *error) const
{
    QList<StreamStatus> list;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "SELECT r.stream, r.status, r.started_at, r.finished_at, r.records, r.pages, r.error, "
        "r.resume_at, s.cursor FROM sync_runs r LEFT JOIN sync_state s ON s.source_id = "
        "r.source_id "
        "AND s.stream = r.stream WHERE r.source_id = ? AND r.id = (SELECT max(id) FROM sync_runs "
        "x WHERE x.source_id = r.source_id AND x.stream = r.stream) ORDER BY r.stream"));
    query.addBindValue(sourceId);
    if (!query.exec()) {
        *error = query.lastError().text();
        return list;
    }
    while (query.next()) {
        list.append({query.value(0).toString(), query.value(1).toString(),
                     query.value(2).toString(), query.value(3).toString(),
                     query.value(4).toLongLong(), query.value(5).toInt(), query.value(6).toString(),
                     query.value(7).toString(), query.value(8).toString()});
    }
    return list;
}
