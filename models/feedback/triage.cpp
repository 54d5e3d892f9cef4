#include "triage.h"

#include "search/searchterms.h"

#include "databasewriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FeedbackTriage", text);
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

bool exec(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    *error = query.lastError().text();
    return false;
}

// The current state of one item for a kind of change (see TriageChange::Item::before).
bool readState(QSqlDatabase &db, const TriageChange &change, TriageChange::Item *item,
               QString *error)
{
    QSqlQuery query(db);
    switch (change.kind) {
    case TriageChange::Kind::Status:
        query.prepare(QStringLiteral("SELECT status FROM feedback_triage WHERE source_id = ? AND "
                                     "external_id = ?"));
        break;
    case TriageChange::Kind::Tag:
        query.prepare(QStringLiteral("SELECT tag FROM feedback_tags WHERE source_id = ? AND "
                                     "external_id = ? AND tag = ?"));
        break;
    case TriageChange::Kind::Link:
        query.prepare(QStringLiteral("SELECT importance FROM feedback_feature_links WHERE "
                                     "source_id = ? AND external_id = ? AND feature_id = ?"));
        break;
    }
    query.addBindValue(item->sourceId);
    query.addBindValue(item->externalId);
    if (change.kind == TriageChange::Kind::Tag)
        query.addBindValue(change.tag);
    else if (change.kind == TriageChange::Kind::Link)
        query.addBindValue(change.featureId);
    if (!exec(query, error))
        return false;
    item->before = query.next() ? query.value(0) : QVariant();
    return true;
}

bool writeState(QSqlDatabase &db, const TriageChange &change, const TriageChange::Item &item,
                QString *error)
{
    QSqlQuery query(db);
    const QVariant &state = item.after;
    const bool remove = state.isNull();
    switch (change.kind) {
    case TriageChange::Kind::Status:
        query.prepare(remove ? QStringLiteral("DELETE FROM feedback_triage WHERE source_id = ? "
                                              "AND external_id = ?")
                             : QStringLiteral("INSERT INTO feedback_triage (source_id, "
                                              "external_id, status, updated_at) VALUES (?, ?, ?, "
                                              "?) ON CONFLICT (source_id, external_id) DO UPDATE "
                                              "SET status = excluded.status, updated_at = "
                                              "excluded.updated_at"));
        query.addBindValue(item.sourceId);
        query.addBindValue(item.externalId);
        if (!remove) {
            query.addBindValue(state.toString());
            query.addBindValue(now());
        }
        break;
    case TriageChange::Kind::Tag:
        query.prepare(remove ? QStringLiteral("DELETE FROM feedback_tags WHERE source_id = ? AND "
                                              "external_id = ? AND tag = ?")
                             : QStringLiteral("INSERT INTO feedback_tags (source_id, external_id, "
                                              "tag, created_at) VALUES (?, ?, ?, ?) ON CONFLICT "
                                              "DO NOTHING"));
        query.addBindValue(item.sourceId);
        query.addBindValue(item.externalId);
        query.addBindValue(remove ? change.tag : state.toString());
        if (!remove)
            query.addBindValue(now());
        break;
    case TriageChange::Kind::Link:
        query.prepare(remove ? QStringLiteral("DELETE FROM feedback_feature_links WHERE source_id "
                                              "= ? AND external_id = ? AND feature_id = ?")
                             : QStringLiteral("INSERT INTO feedback_feature_links (source_id, "
                                              "external_id, feature_id, importance, created_at) "
                                              "VALUES (?, ?, ?, ?, ?) ON CONFLICT (source_id, "
                                              "external_id, feature_id) DO UPDATE SET importance "
                                              "= excluded.importance"));
        query.addBindValue(item.sourceId);
        query.addBindValue(item.externalId);
        query.addBindValue(change.featureId);
        if (!remove) {
            query.addBindValue(state.toInt());
            query.addBindValue(now());
        }
        break;
    }
    return exec(query, error);
}

} // namespace

TriageChange TriageChange::inverted() const
{
    TriageChange inverse = *this;
    for (Item &item : inverse.items)
        std::swap(item.before, item.after);
    return inverse;
}

FeedbackTriage::FeedbackTriage(DatabaseWriter *writer)
    : m_writer(writer)
{
}

QStringList FeedbackTriage::statuses()
{
    return {QStringLiteral("new"), QStringLiteral("triaged"), QStringLiteral("linked"),
            QStringLiteral("archived")};
}

bool FeedbackTriage::change(TriageChange::Kind kind, const QList<qint64> &feedbackIds,
                            const QString &tag, qint64 featureId, const QVariant &after,
                            TriageChange *result, QString *error)
{
    TriageChange change;
    change.kind = kind;
    change.tag = tag;
    change.featureId = featureId;
    const WriteResult written = m_writer->run([&](QSqlDatabase &db, QString *jobError) {
        QSqlQuery identity(db);
        identity.prepare(
            QStringLiteral("SELECT source_id, external_id FROM feedback WHERE id = ?"));
        for (qint64 id : feedbackIds) {
            identity.addBindValue(id);
            if (!exec(identity, jobError))
                return false;
            if (!identity.next()) {
                *jobError = tr("Feedback item %1 no longer exists.").arg(id);
                return false;
            }
            TriageChange::Item item{identity.value(0).toLongLong(), identity.value(1).toString(),
                                    QVariant(), after};
            if (!readState(db, change, &item, jobError) || !writeState(db, change, item, jobError))
                return false;
            change.items.append(item);
        }
        return true;
    });
    if (!written.ok) {
        *error = written.error;
        return false;
    }
    *result = change;
    return true;
}

bool FeedbackTriage::setStatus(const QList<qint64> &feedbackIds, const QString &status,
                               TriageChange *change, QString *error)
{
    if (!statuses().contains(status)) {
        *error = tr("Unknown feedback status: %1").arg(status);
        return false;
    }
    return this->change(TriageChange::Kind::Status, feedbackIds, QString(), 0, status, change,
                        error);
}

bool FeedbackTriage::addTag(const QList<qint64> &feedbackIds, const QString &tag,
                            TriageChange *change, QString *error)
{
    if (tag.trimmed().isEmpty()) {
        *error = tr("A tag needs a name.");
        return false;
    }
    return this->change(TriageChange::Kind::Tag, feedbackIds, tag.trimmed(), 0, tag.trimmed(),
                        change, error);
}

bool FeedbackTriage::removeTag(const QList<qint64> &feedbackIds, const QString &tag,
                               TriageChange *change, QString *error)
{
    return this->change(TriageChange::Kind::Tag, feedbackIds, tag.trimmed(), 0, QVariant(), change,
                        error);
}

bool FeedbackTriage::linkFeature(const QList<qint64> &feedbackIds, qint64 featureId, int importance,
                                 TriageChange *change, QString *error)
{
    if (importance < 0 || importance > 3) {
        *error = tr("Importance goes from 0 to 3, not %1.").arg(importance);
        return false;
    }
    return this->change(TriageChange::Kind::Link, feedbackIds, QString(), featureId, importance,
                        change, error);
}

bool FeedbackTriage::unlinkFeature(const QList<qint64> &feedbackIds, qint64 featureId,
                                   TriageChange *change, QString *error)
{
    return this->change(TriageChange::Kind::Link, feedbackIds, QString(), featureId, QVariant(),
                        change, error);
}

bool FeedbackTriage::apply(const TriageChange &change, QString *error)
{
    const WriteResult written = m_writer->run([&](QSqlDatabase &db, QString *jobError) {
        for (const TriageChange::Item &item : change.items) {
            if (!writeState(db, change, item, jobError))
                return false;
        }
        return true;
    });
    if (!written.ok)
        *error = written.error;
    return written.ok;
}

QList<SimilarItem> FeedbackTriage::similar(const QSqlDatabase &db, qint64 feedbackId, int limit,
                                           QString *error)
{
    QSqlQuery item(db);
    item.prepare(QStringLiteral("SELECT coalesce(title, '') || ' ' || coalesce(body, '') FROM "
                                "feedback WHERE id = ?"));
    item.addBindValue(feedbackId);
    if (!item.exec() || !item.next()) {
        *error = item.lastError().text().isEmpty()
                     ? tr("Feedback item %1 no longer exists.").arg(feedbackId)
                     : item.lastError().text();
        return {};
    }
    // Short words are mostly glue; a few dozen distinct words are plenty to rank by.
    QStringList words;
    QSet<QString> seen;
    for (const QString &word : SearchTerms::words(item.value(0).toString())) {
        const QString folded = FeedbackQuery::fold(word);
        if (folded.size() < 4 || seen.contains(folded))
            continue;
        seen.insert(folded);
        words.append(QLatin1Char('"') + folded + QLatin1Char('"'));
        if (words.size() == 32)
            break;
    }
    if (words.isEmpty())
        return {};
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT f.id, coalesce(nullif(f.title, ''), substr(f.body, 1, 80)), r.rank FROM (SELECT "
        "rowid, rank FROM feedback_fts WHERE feedback_fts MATCH ? AND rowid != ? ORDER BY rank "
        "LIMIT ?) r JOIN feedback f ON f.id = r.rowid ORDER BY r.rank"));
    query.addBindValue(words.join(QStringLiteral(" OR ")));
    query.addBindValue(feedbackId);
    query.addBindValue(limit);
    QList<SimilarItem> similar;
    if (!query.exec()) {
        *error = query.lastError().text();
        return {};
    }
    while (query.next())
        similar.append(
            {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toDouble()});
    return similar;
}

QList<SavedView> FeedbackTriage::savedViews(const QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    QList<SavedView> views;
    if (!query.exec(QStringLiteral("SELECT id, name, filters_json FROM saved_views ORDER BY name "
                                   "COLLATE NOCASE"))) {
        *error = query.lastError().text();
        return views;
    }
    while (query.next())
        views.append({query.value(0).toLongLong(), query.value(1).toString(),
                      FeedbackFilter::fromJson(
                          QJsonDocument::fromJson(query.value(2).toString().toUtf8()).object())});
    return views;
}

bool FeedbackTriage::saveView(const QString &name, const FeedbackFilter &filter, qint64 *id,
                              QString *error)
{
    if (name.trimmed().isEmpty()) {
        *error = tr("A saved view needs a name.");
        return false;
    }
    const WriteResult written = m_writer->run([&](QSqlDatabase &db, QString *jobError) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
            "INSERT INTO saved_views (name, filters_json, created_at, updated_at) VALUES (?, ?, "
            "?, ?) ON CONFLICT (name) DO UPDATE SET filters_json = excluded.filters_json, "
            "updated_at = excluded.updated_at RETURNING id"));
        query.addBindValue(name.trimmed());
        query.addBindValue(
            QString::fromUtf8(QJsonDocument(filter.toJson()).toJson(QJsonDocument::Compact)));
        query.addBindValue(now());
        query.addBindValue(now());
        if (!exec(query, jobError))
            return false;
        if (query.next() && id)
            *id = query.value(0).toLongLong();
        return true;
    });
    if (!written.ok)
        *error = written.error;
    return written.ok;
}

bool FeedbackTriage::renameView(qint64 id, const QString &name, QString *error)
{
    if (name.trimmed().isEmpty()) {
        *error = tr("A saved view needs a name.");
        return false;
    }
    const WriteResult written = m_writer->run([&](QSqlDatabase &db, QString *jobError) {
        QSqlQuery query(db);
        query.prepare(
            QStringLiteral("UPDATE saved_views SET name = ?, updated_at = ? WHERE id = ?"));
        query.addBindValue(name.trimmed());
        query.addBindValue(now());
        query.addBindValue(id);
        if (!exec(query, jobError))
            return false;
        if (query.numRowsAffected() == 0) {
            *jobError = tr("Saved view %1 no longer exists.").arg(id);
            return false;
        }
        return true;
    });
    if (!written.ok)
        *error = written.error;
    return written.ok;
}

bool FeedbackTriage::deleteView(qint64 id, QString *error)
{
    const WriteResult written = m_writer->run([&](QSqlDatabase &db, QString *jobError) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("DELETE FROM saved_views WHERE id = ?"));
        query.addBindValue(id);
        return exec(query, jobError);
    });
    if (!written.ok)
        *error = written.error;
    return written.ok;
}
