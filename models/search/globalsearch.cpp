#include "globalsearch.h"

#include "searchterms.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace GlobalSearch {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("GlobalSearch", text);
}

bool collect(QSqlQuery &query, Hit::Kind kind, QList<Hit> *hits, QString *error)
{
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    while (query.next())
        hits->append({kind, query.value(0).toLongLong(), query.value(1).toString(),
                      query.value(2).toString()});
    return true;
}

} // namespace

QString kindName(Hit::Kind kind)
{
    switch (kind) {
    case Hit::Kind::Feature:
        return tr("Feature");
    case Hit::Kind::WorkItem:
        return tr("Work item");
    case Hit::Kind::Feedback:
        return tr("Feedback");
    }
    return QString();
}

QList<Hit> find(const QSqlDatabase &db, const QString &text, int perKind, QString *error)
{
    QList<Hit> hits;
    const QStringList terms = SearchTerms::words(text);
    if (terms.isEmpty())
        return hits;
    // Each word must appear somewhere in the title, case ignored.
    QStringList conditions;
    for (int i = 0; i < terms.size(); ++i)
        conditions.append(QStringLiteral("instr(lower(%1), lower(?)) > 0"));
    const QString titleMatches = conditions.join(QStringLiteral(" AND "));

    QSqlQuery features(db);
    features.prepare(QStringLiteral("SELECT f.id, f.name, coalesce(s.name, '') FROM features f "
                                    "LEFT JOIN sources s ON s.id = f.source_id WHERE ") +
                     titleMatches.arg(QStringLiteral("f.name")) +
                     QStringLiteral(" AND f.merged_into IS NULL ORDER BY length(f.name) LIMIT ?"));
    for (const QString &term : terms)
        features.addBindValue(term);
    features.addBindValue(perKind);
    if (!collect(features, Hit::Kind::Feature, &hits, error))
        return {};

    QSqlQuery items(db);
    items.prepare(QStringLiteral("SELECT w.id, w.title, s.name || ' · ' || w.external_id FROM "
                                 "work_items w JOIN sources s ON s.id = w.source_id WHERE ") +
                  titleMatches.arg(QStringLiteral("w.title")) +
                  QStringLiteral(" ORDER BY w.updated_at DESC LIMIT ?"));
    for (const QString &term : terms)
        items.addBindValue(term);
    items.addBindValue(perKind);
    if (!collect(items, Hit::Kind::WorkItem, &hits, error))
        return {};

    QSqlQuery feedback(db);
    feedback.prepare(QStringLiteral(
        "SELECT f.id, coalesce(nullif(f.title, ''), substr(f.body, 1, 80)), s.name || ' · ' || "
        "coalesce(f.author, '') FROM feedback_fts JOIN feedback f ON f.id = feedback_fts.rowid "
        "JOIN sources s ON s.id = f.source_id WHERE feedback_fts MATCH ? ORDER BY rank LIMIT ?"));
    feedback.addBindValue(SearchTerms::ftsPrefixQuery(terms));
    feedback.addBindValue(perKind);
    if (!collect(feedback, Hit::Kind::Feedback, &hits, error))
        return {};
    return hits;
}

QList<QPair<QString, QString>> details(const QSqlDatabase &db, Hit::Kind kind, qint64 id,
                                       QString *error)
{
    static const char *const tables[] = {"features", "work_items", "feedback"};
    QSqlQuery query(db);
    // raw is the service's record, compressed: shown elsewhere, not as a field.
    query.prepare(
        QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(QLatin1String(tables[int(kind)])));
    query.addBindValue(id);
    if (!query.exec() || !query.next()) {
        *error = query.lastError().text().isEmpty()
                     ? tr("%1 %2 no longer exists.").arg(kindName(kind)).arg(id)
                     : query.lastError().text();
        return {};
    }
    QList<QPair<QString, QString>> fields;
    const QSqlRecord record = query.record();
    for (int i = 0; i < record.count(); ++i) {
        if (record.fieldName(i) == QLatin1String("raw") || query.value(i).isNull())
            continue;
        fields.append({record.fieldName(i), query.value(i).toString()});
    }
    return fields;
}

} // namespace GlobalSearch
