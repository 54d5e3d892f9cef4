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
    case TriageChange::Kind::Duplicate:
        query.prepare(QStringLiteral("SELECT primary_source_id || ':' || primary_external_id FROM "
                                     "feedback_duplicates WHERE source_id = ? AND external_id = "
                                     "?"));
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
    case TriageChange::Kind::Duplicate: {
        query.prepare(remove ? QStringLiteral("DELETE FROM feedback_duplicates WHERE source_id = "
                                              "? AND external_id = ?")
                             : QStringLiteral("INSERT INTO feedback_duplicates (source_id, "
                                              "external_id, primary_source_id, "
                                              "primary_external_id, created_at) VALUES (?, ?, ?, "
                                              "?, ?) ON CONFLICT (source_id, external_id) DO "
                                              "UPDATE SET primary_source_id = "
                                              "excluded.primary_source_id, primary_external_id = "
                                              "excluded.primary_external_id"));
        query.addBindValue(item.sourceId);
        query.addBindValue(item.externalId);
        if (!remove) {
            // The source id is a number, so the first colon ends it; the service's id may
            // hold colons of its own.
            const QString primary = state.toString();
            const qsizetype colon = primary.indexOf(QLatin1Char(':'));
            query.addBindValue(primary.left(colon).toLongLong());
            query.addBindValue(primary.mid(colon + 1));
            query.addBindValue(now());
        }
        break;
    }
    }
    return exec(query, error);
}

QString identityKey(qint64 sourceId, const QString &externalId)
{
    return QString::number(sourceId) + QLatin1Char(':') + externalId;
}

// The service identity of a feedback row.
bool identity(QSqlDatabase &db, qint64 feedbackId, TriageChange::Item *item, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT source_id, external_id FROM feedback WHERE id = ?"));
    query.addBindValue(feedbackId);
    if (!exec(query, error))
        return false;
    if (!query.next()) {
        *error = tr("Feedback item %1 no longer exists.").arg(feedbackId);
        return false;
    }
    item->sourceId = query.value(0).toLongLong();
    item->externalId = query.value(1).toString();
    return true;
}

bool writeFeature(QSqlDatabase &db, const TriageChange::NewFeature &feature, QString *error)
{
    QSqlQuery query(db);
    if (feature.exists) {
        query.prepare(QStringLiteral("INSERT INTO features (id, name, description, status, "
                                     "updated_at) VALUES (?, ?, ?, 'planned', ?)"));
        query.addBindValue(feature.id);
        query.addBindValue(feature.name);
        query.addBindValue(feature.description);
        query.addBindValue(now());
    } else {
        // Only a feature this app made; one a service brought is never removed here.
        query.prepare(QStringLiteral("DELETE FROM features WHERE id = ? AND source_id IS NULL"));
        query.addBindValue(feature.id);
    }
    return exec(query, error);
}

} // namespace

TriageChange TriageChange::inverted() const
{
    TriageChange inverse = *this;
    for (Item &item : inverse.items)
        std::swap(item.before, item.after);
    if (inverse.feature)
        inverse.feature->exists = !inverse.feature->exists;
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
        for (qint64 id : feedbackIds) {
            TriageChange::Item item;
            item.after = after;
            if (!identity(db, id, &item, jobError))
                return false;
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

bool FeedbackTriage::createFeature(const QList<qint64> &feedbackIds, const QString &name,
                                   const QString &description, int importance, TriageChange *result,
                                   QString *error)
{
    const QString trimmed = name.simplified();
    if (trimmed.isEmpty()) {
        *error = tr("A feature needs a name.");
        return false;
    }
    if (importance < 0 || importance > 3) {
        *error = tr("Importance goes from 0 to 3, not %1.").arg(importance);
        return false;
    }
    TriageChange change;
    change.kind = TriageChange::Kind::Link;
    const WriteResult written = m_writer->run([&](QSqlDatabase &db, QString *jobError) {
        QSqlQuery taken(db);
        taken.prepare(QStringLiteral("SELECT 1 FROM features WHERE name = ? COLLATE NOCASE AND "
                                     "merged_into IS NULL LIMIT 1"));
        taken.addBindValue(trimmed);
        if (!exec(taken, jobError))
            return false;
        if (taken.next()) {
            *jobError =
                tr("There is already a feature named “%1”; link to it instead.").arg(trimmed);
            return false;
        }
        QSqlQuery next(db);
        if (!next.exec(QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM features")) ||
            !next.next()) {
            *jobError = next.lastError().text();
            return false;
        }
        change.feature = TriageChange::NewFeature{next.value(0).toLongLong(), trimmed,
                                                  description.trimmed(), true};
        change.featureId = change.feature->id;
        if (!writeFeature(db, *change.feature, jobError))
            return false;
        for (qint64 id : feedbackIds) {
            TriageChange::Item item;
            item.after = importance;
            if (!identity(db, id, &item, jobError) || !writeState(db, change, item, jobError))
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

bool FeedbackTriage::mergeDuplicates(qint64 primaryId, const QList<qint64> &duplicateIds,
                                     TriageChange *result, QString *error)
{
    TriageChange change;
    change.kind = TriageChange::Kind::Duplicate;
    const WriteResult written = m_writer->run([&](QSqlDatabase &db, QString *jobError) {
        TriageChange::Item primary;
        if (!identity(db, primaryId, &primary, jobError) ||
            !readState(db, change, &primary, jobError))
            return false;
        if (!primary.before.isNull()) {
            *jobError = tr("Item %1 is itself merged into another item; merge into that one.")
                            .arg(primaryId);
            return false;
        }
        const QString primaryKey = identityKey(primary.sourceId, primary.externalId);
        QSet<QString> seen{primaryKey};
        QSqlQuery followers(db);
        followers.prepare(QStringLiteral("SELECT source_id, external_id FROM feedback_duplicates "
                                         "WHERE primary_source_id = ? AND primary_external_id = "
                                         "?"));
        for (qint64 id : duplicateIds) {
            TriageChange::Item item;
            if (!identity(db, id, &item, jobError))
                return false;
            if (seen.contains(identityKey(item.sourceId, item.externalId)))
                continue;
            // What was merged into this duplicate moves to the primary with it, so that
            // nothing is hidden behind an item the inbox no longer shows.
            followers.addBindValue(item.sourceId);
            followers.addBindValue(item.externalId);
            if (!exec(followers, jobError))
                return false;
            QList<TriageChange::Item> items{item};
            while (followers.next())
                items.append({followers.value(0).toLongLong(), followers.value(1).toString(),
                              QVariant(), QVariant()});
            for (TriageChange::Item &each : items) {
                const QString key = identityKey(each.sourceId, each.externalId);
                if (seen.contains(key))
                    continue;
                seen.insert(key);
                each.after = primaryKey;
                if (!readState(db, change, &each, jobError) ||
                    !writeState(db, change, each, jobError))
                    return false;
                change.items.append(each);
            }
        }
        if (change.items.isEmpty()) {
            *jobError = tr("Select at least one other item to merge.");
            return false;
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

bool FeedbackTriage::unmerge(const QList<qint64> &feedbackIds, TriageChange *change, QString *error)
{
    return this->change(TriageChange::Kind::Duplicate, feedbackIds, QString(), 0, QVariant(),
                        change, error);
}

QList<DuplicateItem> FeedbackTriage::duplicates(const QSqlDatabase &db, qint64 feedbackId,
                                                QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT f.id, coalesce(nullif(f.title, ''), substr(f.body, 1, 80)), s.name FROM feedback "
        "p JOIN feedback_duplicates d ON d.primary_source_id = p.source_id AND "
        "d.primary_external_id = p.external_id JOIN feedback f ON f.source_id = d.source_id AND "
        "f.external_id = d.external_id JOIN sources s ON s.id = f.source_id WHERE p.id = ? ORDER "
        "BY f.created_at, f.id"));
    query.addBindValue(feedbackId);
    QList<DuplicateItem> items;
    if (!query.exec()) {
        *error = query.lastError().text();
        return items;
    }
    while (query.next())
        items.append(
            {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString()});
    return items;
}

bool FeedbackTriage::apply(const TriageChange &change, QString *error)
{
    const WriteResult written = m_writer->run([&](QSqlDatabase &db, QString *jobError) {
        // A new feature comes before its links, and goes after them.
        if (change.feature && change.feature->exists &&
            !writeFeature(db, *change.feature, jobError))
            return false;
        for (const TriageChange::Item &item : change.items) {
            if (!writeState(db, change, item, jobError))
                return false;
        }
        if (change.feature && !change.feature->exists &&
            !writeFeature(db, *change.feature, jobError))
            return false;
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
