#include "feedbackquery.h"

#include "rowcursor.h"
#include "search/searchterms.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace {

// Above this many items matching the words, reading the sort order's index and keeping
// matching rows beats fetching every match to sort it (measured on a million items).
constexpr qint64 IndexScanThreshold = 5000;

QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QLatin1Char(','));
}

bool startsWithAny(const QString &folded, const QStringList &terms)
{
    for (const QString &term : terms) {
        if (folded.startsWith(term))
            return true;
    }
    return false;
}

struct Word
{
    qsizetype start;
    qsizetype length;
    bool match;
};

QList<Word> wordsOf(const QString &text, const QStringList &foldedTerms)
{
    QList<Word> words;
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}\\p{M}]+"));
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        words.append({match.capturedStart(), match.capturedLength(),
                      startsWithAny(FeedbackQuery::fold(match.captured()), foldedTerms)});
    }
    return words;
}

QString marked(const QString &text, const QList<Word> &words, qsizetype from, qsizetype to)
{
    QString html;
    qsizetype at = from;
    for (const Word &w : words) {
        if (!w.match || w.start < from || w.start + w.length > to)
            continue;
        html += text.mid(at, w.start - at).toHtmlEscaped();
        html += QStringLiteral("<b>") + text.mid(w.start, w.length).toHtmlEscaped() +
                QStringLiteral("</b>");
        at = w.start + w.length;
    }
    html += text.mid(at, to - at).toHtmlEscaped();
    return html;
}

QStringList foldAll(const QStringList &terms)
{
    QStringList folded;
    for (const QString &term : terms)
        folded.append(FeedbackQuery::fold(term));
    return folded;
}

QString firstLineOf(const QString &body)
{
    const QString trimmed = body.trimmed();
    const qsizetype end = trimmed.indexOf(QLatin1Char('\n'));
    return (end < 0 ? trimmed : trimmed.left(end)).trimmed();
}

} // namespace

QJsonObject FeedbackFilter::toJson() const
{
    QJsonObject json;
    if (!text.isEmpty())
        json.insert(QStringLiteral("text"), text);
    if (!sourceIds.isEmpty()) {
        QJsonArray ids;
        for (qint64 id : sourceIds)
            ids.append(id);
        json.insert(QStringLiteral("sources"), ids);
    }
    if (!statuses.isEmpty())
        json.insert(QStringLiteral("statuses"), QJsonArray::fromStringList(statuses));
    if (minScore)
        json.insert(QStringLiteral("minScore"), *minScore);
    if (maxScore)
        json.insert(QStringLiteral("maxScore"), *maxScore);
    if (companyId)
        json.insert(QStringLiteral("company"), companyId);
    if (feature == Feature::Linked)
        json.insert(QStringLiteral("feature"), featureId);
    else if (feature == Feature::Unlinked)
        json.insert(QStringLiteral("feature"), QStringLiteral("unlinked"));
    if (!tags.isEmpty())
        json.insert(QStringLiteral("tags"), QJsonArray::fromStringList(tags));
    if (from.isValid())
        json.insert(QStringLiteral("from"), from.toString(Qt::ISODate));
    if (to.isValid())
        json.insert(QStringLiteral("to"), to.toString(Qt::ISODate));
    return json;
}

FeedbackFilter FeedbackFilter::fromJson(const QJsonObject &json)
{
    FeedbackFilter filter;
    filter.text = json.value(QStringLiteral("text")).toString();
    for (const QJsonValue &id : json.value(QStringLiteral("sources")).toArray())
        filter.sourceIds.append(id.toInteger());
    for (const QJsonValue &status : json.value(QStringLiteral("statuses")).toArray())
        filter.statuses.append(status.toString());
    if (json.contains(QStringLiteral("minScore")))
        filter.minScore = json.value(QStringLiteral("minScore")).toDouble();
    if (json.contains(QStringLiteral("maxScore")))
        filter.maxScore = json.value(QStringLiteral("maxScore")).toDouble();
    filter.companyId = json.value(QStringLiteral("company")).toInteger();
    const QJsonValue feature = json.value(QStringLiteral("feature"));
    if (feature.isString() && feature.toString() == QLatin1String("unlinked")) {
        filter.feature = Feature::Unlinked;
    } else if (feature.isDouble()) {
        filter.feature = Feature::Linked;
        filter.featureId = feature.toInteger();
    }
    for (const QJsonValue &tag : json.value(QStringLiteral("tags")).toArray())
        filter.tags.append(tag.toString());
    filter.from = QDate::fromString(json.value(QStringLiteral("from")).toString(), Qt::ISODate);
    filter.to = QDate::fromString(json.value(QStringLiteral("to")).toString(), Qt::ISODate);
    return filter;
}

bool FeedbackFilter::operator==(const FeedbackFilter &other) const
{
    return toJson() == other.toJson();
}

FeedbackQuery::FeedbackQuery(const FeedbackFilter &filter, Sort sort, Qt::SortOrder order)
    : m_filter(filter)
    , m_sort(sort)
    , m_order(order)
    , m_terms(SearchTerms::words(filter.text))
{
}

QString FeedbackQuery::fold(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing &&
            c.category() != QChar::Mark_SpacingCombining && c.category() != QChar::Mark_Enclosing)
            folded.append(c.toLower());
    }
    return folded;
}

QString FeedbackQuery::highlight(const QString &text, const QStringList &terms)
{
    return marked(text, wordsOf(text, foldAll(terms)), 0, text.size());
}

QString FeedbackQuery::snippet(const QString &text, const QStringList &terms, int words)
{
    const QList<Word> all = wordsOf(text, foldAll(terms));
    if (all.isEmpty())
        return QString();
    qsizetype first = 0;
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (all.at(i).match) {
            first = i;
            break;
        }
    }
    const qsizetype begin = qMax<qsizetype>(0, qMin(first - words / 4, all.size() - words));
    const qsizetype end = qMin(all.size(), begin + words) - 1;
    const qsizetype from = begin == 0 ? 0 : all.at(begin).start;
    const qsizetype to =
        end == all.size() - 1 ? text.size() : all.at(end).start + all.at(end).length;
    QString html = marked(text, all, from, to).simplified();
    if (from > 0)
        html.prepend(QChar(0x2026));
    if (to < text.size())
        html.append(QChar(0x2026));
    return html;
}

QString FeedbackQuery::sortKey() const
{
    // The very expressions of the inbox indexes (migration 0006), so that SQLite reads them.
    switch (m_sort) {
    case Sort::Date:
        return QStringLiteral("ifnull(f.created_at, '')");
    case Sort::Score:
        return QStringLiteral("ifnull(f.score, -1e300)");
    case Sort::Title:
        return QStringLiteral("ifnull(f.title, '') COLLATE NOCASE");
    }
    return QString();
}

FeedbackQuery::Sql FeedbackQuery::conditions(const QSqlDatabase &db, QString *error) const
{
    Sql sql;
    QStringList where;
    const FeedbackFilter &f = m_filter;
    if (!m_terms.isEmpty()) {
        if (!m_matches) {
            QSqlQuery count(db);
            count.prepare(
                QStringLiteral("SELECT count(*) FROM feedback_fts WHERE feedback_fts MATCH ?"));
            count.addBindValue(SearchTerms::ftsPrefixQuery(m_terms));
            if (!count.exec() || !count.next()) {
                *error = count.lastError().text();
                return {QString(), {}};
            }
            m_matches = count.value(0).toLongLong();
        }
        // "+" keeps SQLite from driving the query by the matches, so that it reads the sort
        // order's index instead when matches are many.
        where.append(
            (*m_matches > IndexScanThreshold ? QStringLiteral("+f.id") : QStringLiteral("f.id")) +
            QStringLiteral(" IN (SELECT rowid FROM feedback_fts WHERE feedback_fts MATCH ?)"));
        sql.binds.append(SearchTerms::ftsPrefixQuery(m_terms));
    }
    if (!f.sourceIds.isEmpty()) {
        where.append(QStringLiteral("f.source_id IN (%1)").arg(placeholders(f.sourceIds.size())));
        for (qint64 id : f.sourceIds)
            sql.binds.append(id);
    }
    if (!f.statuses.isEmpty()) {
        where.append(QStringLiteral("coalesce((SELECT t.status FROM feedback_triage t WHERE "
                                    "t.source_id = f.source_id AND t.external_id = "
                                    "f.external_id), f.status) IN (%1)")
                         .arg(placeholders(f.statuses.size())));
        for (const QString &status : f.statuses)
            sql.binds.append(status);
    }
    if (f.minScore) {
        where.append(QStringLiteral("f.score >= ?"));
        sql.binds.append(*f.minScore);
    }
    if (f.maxScore) {
        where.append(QStringLiteral("f.score <= ?"));
        sql.binds.append(*f.maxScore);
    }
    if (f.companyId) {
        where.append(QStringLiteral("f.company_id = ?"));
        sql.binds.append(f.companyId);
    }
    if (f.feature == FeedbackFilter::Feature::Linked) {
        where.append(QStringLiteral(
            "(f.feature_id = ? OR EXISTS (SELECT 1 FROM feedback_feature_links l WHERE "
            "l.source_id = f.source_id AND l.external_id = f.external_id AND l.feature_id = ?))"));
        sql.binds << f.featureId << f.featureId;
    } else if (f.feature == FeedbackFilter::Feature::Unlinked) {
        where.append(QStringLiteral(
            "f.feature_id IS NULL AND NOT EXISTS (SELECT 1 FROM feedback_feature_links l WHERE "
            "l.source_id = f.source_id AND l.external_id = f.external_id)"));
    }
    if (!f.tags.isEmpty()) {
        where.append(QStringLiteral("EXISTS (SELECT 1 FROM feedback_tags g WHERE g.source_id = "
                                    "f.source_id AND g.external_id = f.external_id AND g.tag IN "
                                    "(%1))")
                         .arg(placeholders(f.tags.size())));
        for (const QString &tag : f.tags)
            sql.binds.append(tag);
    }
    if (f.from.isValid()) {
        where.append(QStringLiteral("f.created_at >= ?"));
        sql.binds.append(f.from.toString(Qt::ISODate));
    }
    if (f.to.isValid()) {
        where.append(QStringLiteral("f.created_at < ?"));
        sql.binds.append(f.to.addDays(1).toString(Qt::ISODate));
    }
    // Merged duplicates show through their primary item. Most workspaces have none, and then
    // the inbox's scans need not look each row up.
    QSqlQuery merged(db);
    if (!merged.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM feedback_duplicates)")) ||
        !merged.next()) {
        *error = merged.lastError().text();
        return {QString(), {}};
    }
    if (merged.value(0).toBool()) {
        sql.hidesDuplicates = true;
        where.append(QStringLiteral("NOT EXISTS (SELECT 1 FROM feedback_duplicates d WHERE "
                                    "d.source_id = f.source_id AND d.external_id = "
                                    "f.external_id)"));
    }
    sql.where = where.isEmpty() ? QStringLiteral("1") : where.join(QStringLiteral(" AND "));
    return sql;
}

std::optional<qint64> FeedbackQuery::count(const QSqlDatabase &db, QString *error) const
{
    const Sql sql = conditions(db, error);
    if (sql.where.isEmpty())
        return std::nullopt;
    // Words alone: the full-text index has counted them already.
    FeedbackFilter others = m_filter;
    others.text.clear();
    if (m_matches && others == FeedbackFilter() && !sql.hidesDuplicates)
        return *m_matches;
    RowCursor cursor(db, QStringLiteral("SELECT count(*) FROM feedback f WHERE ") + sql.where);
    for (int i = 0; i < sql.binds.size(); ++i)
        cursor.bind(i, sql.binds.at(i));
    if (!cursor.exec() || !cursor.next()) {
        *error = cursor.lastError();
        return std::nullopt;
    }
    return cursor.integer(0);
}

bool FeedbackQuery::fetchIds(const QSqlDatabase &db, Cursor *cursor, int limit, QList<qint64> *ids,
                             QString *error) const
{
    ids->clear();
    if (cursor->atEnd)
        return true;
    Sql sql = conditions(db, error);
    if (sql.where.isEmpty())
        return false;
    const QString key = sortKey();
    const bool descending = m_order == Qt::DescendingOrder;
    const QString less = descending ? QStringLiteral("<") : QStringLiteral(">");
    QString where = sql.where;
    if (cursor->started) {
        // The first conjunct is the index range; the second skips the rows already read
        // among those that share the last key.
        where += QStringLiteral(" AND %1 %2= ? AND (%1 %2 ? OR f.id %2 ?)").arg(key, less);
        sql.binds << cursor->key << cursor->key << cursor->id;
    }
    const QString direction = descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    RowCursor query(db, QStringLiteral("SELECT f.id, %1 FROM feedback f WHERE %2 ORDER BY %1%3, "
                                       "f.id%3 LIMIT ?")
                            .arg(key, where, direction));
    sql.binds.append(limit);
    for (int i = 0; i < sql.binds.size(); ++i)
        query.bind(i, sql.binds.at(i));
    if (!query.exec()) {
        *error = query.lastError();
        return false;
    }
    while (query.next()) {
        ids->append(query.integer(0));
        cursor->id = query.integer(0);
        cursor->key = m_sort == Sort::Score ? QVariant(query.real(1)) : QVariant(query.text(1));
    }
    if (!query.lastError().isEmpty()) {
        *error = query.lastError();
        return false;
    }
    cursor->started = true;
    cursor->atEnd = ids->size() < limit;
    return true;
}

bool FeedbackQuery::rows(const QSqlDatabase &db, const QList<qint64> &ids, QList<FeedbackRow> *rows,
                         QString *error) const
{
    rows->clear();
    if (ids.isEmpty())
        return true;
    QStringList idList;
    for (qint64 id : ids)
        idList.append(QString::number(id));
    const QString in = idList.join(QLatin1Char(','));
    // The whole body only when a snippet is made from it.
    const QString body =
        m_terms.isEmpty() ? QStringLiteral("substr(f.body, 1, 300)") : QStringLiteral("f.body");
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(
            QStringLiteral(
                "SELECT f.id, f.source_id, f.external_id, s.name, f.title, %1, f.author, c.name, "
                "f.score, f.score_kind, f.channel, f.created_at, coalesce(t.status, f.status), "
                "f.feature_id, fe.name FROM feedback f JOIN sources s ON s.id = f.source_id "
                "LEFT JOIN companies c ON c.id = f.company_id LEFT JOIN features fe ON fe.id = "
                "f.feature_id LEFT JOIN feedback_triage t ON t.source_id = f.source_id AND "
                "t.external_id = f.external_id WHERE f.id IN (%2)")
                .arg(body, in))) {
        *error = query.lastError().text();
        return false;
    }
    QHash<qint64, FeedbackRow> byId;
    while (query.next()) {
        FeedbackRow row;
        row.id = query.value(0).toLongLong();
        row.sourceId = query.value(1).toLongLong();
        row.externalId = query.value(2).toString();
        row.source = query.value(3).toString();
        row.title = query.value(4).toString();
        const QString text = query.value(5).toString();
        row.firstLine = firstLineOf(text.left(300));
        row.author = query.value(6).toString();
        row.company = query.value(7).toString();
        row.score = query.value(8);
        row.scoreKind = query.value(9).toString();
        row.channel = query.value(10).toString();
        row.createdAt = query.value(11).toString();
        row.status = query.value(12).toString();
        if (!query.value(13).isNull())
            row.features.append({query.value(13).toLongLong(), query.value(14).toString(), -1});
        if (!m_terms.isEmpty()) {
            row.titleHighlight = highlight(row.title, m_terms);
            row.bodySnippet = snippet(text, m_terms);
        }
        byId.insert(row.id, row);
    }
    QSqlQuery links(db);
    links.setForwardOnly(true);
    if (!links.exec(QStringLiteral("SELECT f.id, l.feature_id, fe.name, l.importance FROM feedback "
                                   "f JOIN feedback_feature_links l ON l.source_id = f.source_id "
                                   "AND l.external_id = f.external_id JOIN features fe ON fe.id "
                                   "= l.feature_id WHERE f.id IN (%1) ORDER BY l.importance "
                                   "DESC, fe.name")
                        .arg(in))) {
        *error = links.lastError().text();
        return false;
    }
    while (links.next()) {
        FeedbackRow &row = byId[links.value(0).toLongLong()];
        const qint64 featureId = links.value(1).toLongLong();
        // A link made here says more than the one the data brought: it replaces it.
        row.features.removeIf([&](const FeedbackFeatureLink &l) {
            return l.featureId == featureId && l.importance < 0;
        });
        row.features.append({featureId, links.value(2).toString(), links.value(3).toInt()});
    }
    QSqlQuery tags(db);
    tags.setForwardOnly(true);
    if (!tags.exec(QStringLiteral("SELECT f.id, g.tag FROM feedback f JOIN feedback_tags g ON "
                                  "g.source_id = f.source_id AND g.external_id = f.external_id "
                                  "WHERE f.id IN (%1) ORDER BY g.tag")
                       .arg(in))) {
        *error = tags.lastError().text();
        return false;
    }
    while (tags.next())
        byId[tags.value(0).toLongLong()].tags.append(tags.value(1).toString());
    rows->reserve(ids.size());
    for (qint64 id : ids) {
        const auto it = byId.constFind(id);
        if (it != byId.constEnd() && it->id == id)
            rows->append(*it);
    }
    return true;
}

bool FeedbackQuery::fetch(const QSqlDatabase &db, Cursor *cursor, int limit,
                          QList<FeedbackRow> *rows, QString *error) const
{
    QList<qint64> ids;
    return fetchIds(db, cursor, limit, &ids, error) && this->rows(db, ids, rows, error);
}

bool FeedbackQuery::fetchAt(const QSqlDatabase &db, qint64 offset, int limit,
                            QList<FeedbackRow> *rows, QString *error) const
{
    Sql sql = conditions(db, error);
    if (sql.where.isEmpty())
        return false;
    const QString direction =
        m_order == Qt::DescendingOrder ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    RowCursor query(db, QStringLiteral("SELECT f.id FROM feedback f WHERE %1 ORDER BY %2%3, "
                                       "f.id%3 LIMIT ? OFFSET ?")
                            .arg(sql.where, sortKey(), direction));
    sql.binds << limit << offset;
    for (int i = 0; i < sql.binds.size(); ++i)
        query.bind(i, sql.binds.at(i));
    QList<qint64> ids;
    if (!query.exec()) {
        *error = query.lastError();
        return false;
    }
    while (query.next())
        ids.append(query.integer(0));
    return this->rows(db, ids, rows, error);
}

bool FeedbackQuery::bodyAndLink(const QSqlDatabase &db, qint64 id, QString *body, QString *url,
                                QString *error)
{
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("SELECT coalesce(body, ''), coalesce(url, '') FROM feedback WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    if (query.next()) {
        *body = query.value(0).toString();
        *url = query.value(1).toString();
    }
    return true;
}
