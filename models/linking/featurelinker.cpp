#include "featurelinker.h"

#include "isodate.h"
#include "search/searchterms.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FeatureLinker", text);
}

QString now()
{
    return IsoDate::timestamp(QDateTime::currentDateTimeUtc());
}

} // namespace

FeatureLinker::FeatureLinker(const QSqlDatabase &db)
    : m_db(db)
{
}

QStringList FeatureLinker::linkedTables()
{
    return {QStringLiteral("work_items"), QStringLiteral("feedback"), QStringLiteral("documents")};
}

bool FeatureLinker::exec(const QString &sql, const QVariantList &binds, QString *error,
                         qint64 *changed)
{
    QSqlQuery query(m_db);
    if (!query.prepare(sql)) {
        *error = query.lastError().text();
        return false;
    }
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    if (changed)
        *changed += query.numRowsAffected();
    return true;
}

bool FeatureLinker::run(Result *result, QString *error)
{
    *result = {};
    if (!applyMerges(result, error) || !applyOverrides(error))
        return false;
    for (const QString &table : linkedTables()) {
        if (!linkByReference(table, result, error) || !linkByName(table, result, error))
            return false;
    }
    return true;
}

bool FeatureLinker::applyMerges(Result *result, QString *error)
{
    qint64 merged = 0;
    // Rules first, from scratch; then what people decided, which wins.
    return exec(QStringLiteral("UPDATE features SET merged_into = NULL WHERE merged_into IS NOT "
                               "NULL"),
                {}, error) &&
           exec(QStringLiteral(
                    "UPDATE features SET merged_into = (SELECT min(o.id) FROM features o WHERE "
                    "lower(trim(o.name)) = lower(trim(features.name)) AND o.id < features.id AND "
                    "o.source_id IS NOT features.source_id) WHERE EXISTS (SELECT 1 FROM features "
                    "o WHERE lower(trim(o.name)) = lower(trim(features.name)) AND o.id < "
                    "features.id AND o.source_id IS NOT features.source_id) AND id NOT IN (SELECT "
                    "feature_id FROM feature_merge_overrides)"),
                {}, error, &merged) &&
           exec(QStringLiteral("UPDATE features SET merged_into = (SELECT merged_into FROM "
                               "feature_merge_overrides o WHERE o.feature_id = features.id) WHERE "
                               "id IN (SELECT feature_id FROM feature_merge_overrides)"),
                {}, error) &&
           // A feature others were merged into by hand is never itself merged by a rule.
           exec(QStringLiteral("UPDATE features SET merged_into = NULL WHERE id IN (SELECT "
                               "merged_into FROM feature_merge_overrides) AND id NOT IN (SELECT "
                               "feature_id FROM feature_merge_overrides)"),
                {}, error) &&
           (result->merged = merged, true);
}

bool FeatureLinker::applyOverrides(QString *error)
{
    for (const QString &table : linkedTables()) {
        if (!exec(QStringLiteral("UPDATE %1 SET feature_id = NULL, feature_link = NULL WHERE "
                                 "feature_link LIKE 'rule:%' OR feature_link = 'manual'")
                      .arg(table),
                  {}, error) ||
            !exec(QStringLiteral("UPDATE %1 SET feature_id = o.feature_id, feature_link = "
                                 "'manual' FROM feature_link_overrides o WHERE o.record_table = "
                                 "'%1' AND o.source_id = %1.source_id AND o.external_id = "
                                 "%1.external_id")
                      .arg(table),
                  {}, error))
            return false;
    }
    return true;
}

bool FeatureLinker::linkByReference(const QString &table, Result *result, QString *error)
{
    if (table == QLatin1String("documents"))
        return true; // documents carry no reference to a feature
    // feedback.feature_ref may list several features; the first is the one it is about.
    const QString firstRef =
        QStringLiteral(
            "trim(CASE WHEN instr(%1.feature_ref, ',') > 0 THEN substr(%1.feature_ref, 1, "
            "instr(%1.feature_ref, ',') - 1) ELSE %1.feature_ref END)")
            .arg(table);
    return exec(QStringLiteral("UPDATE %1 SET feature_id = f.id, feature_link = 'rule:ref' FROM "
                               "features f WHERE %1.feature_id IS NULL AND %1.feature_link IS "
                               "NULL AND %1.feature_ref IS NOT NULL AND f.source_id = "
                               "%1.source_id AND f.external_id = %2")
                    .arg(table, firstRef),
                {}, error, &result->linked);
}

bool FeatureLinker::linkByName(const QString &table, Result *result, QString *error)
{
    // Feature names as word sequences; a name shared by two features links nothing.
    QHash<QString, qint64> byName;
    QSet<QString> ambiguous;
    int longest = 0;
    QSqlQuery features(m_db);
    if (!features.exec(QStringLiteral("SELECT id, name FROM features WHERE merged_into IS NULL"))) {
        *error = features.lastError().text();
        return false;
    }
    while (features.next()) {
        const QStringList nameWords = SearchTerms::words(features.value(1).toString().toLower());
        const QString key = nameWords.join(QLatin1Char(' '));
        if (key.size() < 4) // "UI", "API": too short to mean one feature
            continue;
        if (byName.contains(key))
            ambiguous.insert(key);
        byName.insert(key, features.value(0).toLongLong());
        longest = qMax(longest, int(nameWords.size()));
    }
    for (const QString &key : std::as_const(ambiguous))
        byName.remove(key);
    if (byName.isEmpty())
        return true;

    QSqlQuery records(m_db);
    records.setForwardOnly(true);
    if (!records.exec(QStringLiteral("SELECT id, title FROM %1 WHERE feature_id IS NULL AND "
                                     "feature_link IS NULL AND title IS NOT NULL")
                          .arg(table))) {
        *error = records.lastError().text();
        return false;
    }
    QList<QPair<qint64, qint64>> matches;
    while (records.next()) {
        const QStringList titleWords = SearchTerms::words(records.value(1).toString().toLower());
        qint64 found = 0;
        bool twoFeatures = false;
        for (int start = 0; start < titleWords.size() && !twoFeatures; ++start) {
            QString phrase;
            for (int n = 0; n < longest && start + n < titleWords.size(); ++n) {
                phrase += (n ? QStringLiteral(" ") : QString()) + titleWords.at(start + n);
                const auto it = byName.constFind(phrase);
                if (it == byName.constEnd())
                    continue;
                twoFeatures = found && found != it.value();
                found = it.value();
            }
        }
        if (found && !twoFeatures)
            matches.append({records.value(0).toLongLong(), found});
    }
    records.finish();
    QSqlQuery update(m_db);
    update.prepare(QStringLiteral("UPDATE %1 SET feature_id = ?, feature_link = 'rule:name' WHERE "
                                  "id = ?")
                       .arg(table));
    for (const auto &[record, feature] : std::as_const(matches)) {
        update.addBindValue(feature);
        update.addBindValue(record);
        if (!update.exec()) {
            *error = update.lastError().text();
            return false;
        }
    }
    result->linked += matches.size();
    return true;
}

bool FeatureLinker::link(const QString &table, qint64 recordId, qint64 featureId, QString *error)
{
    if (!linkedTables().contains(table)) {
        *error = tr("Records of \"%1\" cannot be linked (expected %2).")
                     .arg(table, linkedTables().join(QStringLiteral(", ")));
        return false;
    }
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT source_id, external_id FROM %1 WHERE id = ?").arg(table));
    query.addBindValue(recordId);
    if (!query.exec() || !query.next()) {
        *error = tr("There is no record %1 in %2.").arg(recordId).arg(table);
        return false;
    }
    const QVariant source = query.value(0);
    const QVariant externalId = query.value(1);
    if (featureId) {
        query.prepare(QStringLiteral("SELECT 1 FROM features WHERE id = ?"));
        query.addBindValue(featureId);
        if (!query.exec() || !query.next()) {
            *error = tr("There is no feature with id %1.").arg(featureId);
            return false;
        }
    }
    const QVariant feature = featureId ? QVariant(featureId) : QVariant();
    return exec(QStringLiteral("INSERT INTO feature_link_overrides (record_table, source_id, "
                               "external_id, feature_id, created_at) VALUES (?, ?, ?, ?, ?) ON "
                               "CONFLICT (record_table, source_id, external_id) DO UPDATE SET "
                               "feature_id = excluded.feature_id, created_at = "
                               "excluded.created_at"),
                {table, source, externalId, feature, now()}, error) &&
           exec(QStringLiteral("UPDATE %1 SET feature_id = ?, feature_link = 'manual' WHERE id = ?")
                    .arg(table),
                {feature, recordId}, error);
}

bool FeatureLinker::merge(qint64 featureId, qint64 targetId, QString *error)
{
    QSqlQuery query(m_db);
    for (qint64 id : {featureId, targetId}) {
        if (id == 0 && id == targetId)
            continue;
        query.prepare(QStringLiteral("SELECT 1 FROM features WHERE id = ?"));
        query.addBindValue(id);
        if (!query.exec() || !query.next()) {
            *error = tr("There is no feature with id %1.").arg(id);
            return false;
        }
    }
    if (featureId == targetId) {
        *error = tr("A feature cannot be merged into itself.");
        return false;
    }
    if (targetId) {
        // Follow the target's merges: merging into a feature already merged into this one
        // would make a loop.
        query.prepare(QStringLiteral(
            "WITH RECURSIVE chain(id) AS (SELECT ? UNION SELECT f.merged_into FROM features f "
            "JOIN chain ON f.id = chain.id WHERE f.merged_into IS NOT NULL) SELECT 1 FROM chain "
            "WHERE id = ?"));
        query.addBindValue(targetId);
        query.addBindValue(featureId);
        if (query.exec() && query.next()) {
            *error = tr("Feature %1 is already merged into feature %2; merge the other way round "
                        "or keep them apart first.")
                         .arg(targetId)
                         .arg(featureId);
            return false;
        }
    }
    const QVariant target = targetId ? QVariant(targetId) : QVariant();
    return exec(QStringLiteral("INSERT INTO feature_merge_overrides (feature_id, merged_into, "
                               "created_at) VALUES (?, ?, ?) ON CONFLICT (feature_id) DO UPDATE "
                               "SET merged_into = excluded.merged_into, created_at = "
                               "excluded.created_at"),
                {featureId, target, now()}, error) &&
           exec(QStringLiteral("UPDATE features SET merged_into = ? WHERE id = ?"),
                {target, featureId}, error);
}
