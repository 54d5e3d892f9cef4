#include "companystore.h"

#include "companylinker.h"
#include "isodate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CompanyStore", text);
}

// Runs sql with binds; on failure names what was being done.
bool exec(QSqlQuery &query, const QString &sql, const QVariantList &binds, QString *error)
{
    if (!query.prepare(sql)) {
        *error = query.lastError().text();
        return false;
    }
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (query.exec())
        return true;
    *error = query.lastError().text();
    return false;
}

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

std::optional<QList<CompanySummary>> read(const QSqlDatabase &db, const QString &where,
                                          const QVariantList &binds, QString *error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!exec(query,
              QStringLiteral(
                  "SELECT c.id, c.name, c.domain, (SELECT count(*) FROM users u WHERE "
                  "u.company_id = c.id), (SELECT count(*) FROM sales_opportunities o WHERE "
                  "o.company_id = c.id), (SELECT count(*) FROM feedback f WHERE f.company_id = "
                  "c.id) FROM companies c WHERE %1 ORDER BY c.name COLLATE NOCASE, c.id")
                  .arg(where),
              binds, error))
        return std::nullopt;
    QList<CompanySummary> companies;
    QHash<qint64, qsizetype> index;
    while (query.next()) {
        CompanySummary company;
        company.id = query.value(0).toLongLong();
        company.name = query.value(1).toString();
        company.domain = query.value(2).toString();
        company.users = query.value(3).toLongLong();
        company.opportunities = query.value(4).toLongLong();
        company.feedback = query.value(5).toLongLong();
        index.insert(company.id, companies.size());
        companies.append(company);
    }
    if (companies.isEmpty())
        return companies;
    if (!exec(query,
              QStringLiteral("SELECT s.company_id, s.source_id, coalesce(src.name, ''), "
                             "coalesce(src.kind, ''), s.external_id, s.name, s.domain, "
                             "s.matched_by FROM company_sources s LEFT JOIN sources src ON "
                             "src.id = s.source_id ORDER BY src.name, s.external_id"),
              {}, error))
        return std::nullopt;
    while (query.next()) {
        const auto it = index.constFind(query.value(0).toLongLong());
        if (it == index.constEnd())
            continue;
        CompanySource source;
        source.sourceId = query.value(1).toLongLong();
        source.sourceName = query.value(2).toString();
        source.sourceKind = query.value(3).toString();
        source.externalId = query.value(4).toString();
        source.name = query.value(5).toString();
        source.domain = query.value(6).toString();
        source.matchedBy = query.value(7).toString();
        companies[*it].sources.append(source);
    }
    return companies;
}

std::optional<CompanyEdit::Company> companyRow(QSqlQuery &query, qint64 id, QString *error)
{
    if (!exec(query,
              QStringLiteral("SELECT id, name, domain, name_key FROM companies WHERE id = ?"), {id},
              error))
        return std::nullopt;
    if (!query.next()) {
        *error = tr("There is no company with id %1.").arg(id);
        return std::nullopt;
    }
    return CompanyEdit::Company{query.value(0).toLongLong(), query.value(1).toString(),
                                query.value(2), query.value(3)};
}

// The ids of rows of table that point at company and, when sourceId is set, come from that
// source and name externalId (or name no company, when it is the source's only identifier).
bool collectRows(QSqlQuery &query, qint64 company, qint64 sourceId, const QString &externalId,
                 bool soleIdentifier, qint64 to, CompanyEdit *edit, QString *error)
{
    for (const QString &table : CompanyLinker::referencingTables()) {
        const bool all = sourceId == 0;
        if (!exec(query,
                  all ? QStringLiteral("SELECT id FROM %1 WHERE company_id = ? ORDER BY id")
                            .arg(table)
                      : QStringLiteral("SELECT id FROM %1 WHERE company_id = ? AND source_id = ? "
                                       "AND (company_ref = ? OR (company_ref IS NULL AND ?)) "
                                       "ORDER BY id")
                            .arg(table),
                  all ? QVariantList{company}
                      : QVariantList{company, sourceId, externalId, soleIdentifier},
                  error))
            return false;
        while (query.next())
            edit->rows.append({table, query.value(0).toLongLong(), company, to});
    }
    return true;
}

bool insertCompanies(QSqlQuery &query, const QList<CompanyEdit::Company> &companies, QString *error)
{
    for (const CompanyEdit::Company &company : companies) {
        if (!exec(query,
                  QStringLiteral(
                      "INSERT INTO companies (id, name, domain, name_key) VALUES (?, ?, ?, ?)"),
                  {company.id, company.name, company.domain, company.nameKey}, error)) {
            *error = tr("Cannot restore company %1 (\"%2\"): %3")
                         .arg(company.id)
                         .arg(company.name, *error);
            return false;
        }
    }
    return true;
}

bool deleteCompanies(QSqlQuery &query, const QList<CompanyEdit::Company> &companies, QString *error)
{
    for (const CompanyEdit::Company &company : companies) {
        if (!exec(query, QStringLiteral("DELETE FROM companies WHERE id = ?"), {company.id}, error))
            return false;
    }
    return true;
}

bool moveRows(QSqlQuery &query, const CompanyEdit &edit, bool forward, QString *error)
{
    for (const CompanyEdit::RowMove &row : edit.rows) {
        if (!exec(query, QStringLiteral("UPDATE %1 SET company_id = ? WHERE id = ?").arg(row.table),
                  {forward ? row.to : row.from, row.id}, error))
            return false;
    }
    return true;
}

bool setDomains(QSqlQuery &query, const CompanyEdit &edit, bool forward, QString *error)
{
    for (const CompanyEdit::DomainChange &change : edit.domains) {
        if (!exec(query, QStringLiteral("UPDATE companies SET domain = ? WHERE id = ?"),
                  {forward ? change.after : change.before, change.companyId}, error))
            return false;
    }
    return true;
}

bool setOverride(QSqlQuery &query, qint64 sourceId, const QString &externalId,
                 const QVariant &company, QString *error)
{
    if (company.isNull())
        return exec(query,
                    QStringLiteral("DELETE FROM company_match_overrides WHERE source_id = ? AND "
                                   "external_id = ?"),
                    {sourceId, externalId}, error);
    return exec(
        query,
        QStringLiteral("INSERT INTO company_match_overrides (source_id, external_id, "
                       "company_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT "
                       "(source_id, external_id) DO UPDATE SET company_id = "
                       "excluded.company_id, created_at = excluded.created_at"),
        {sourceId, externalId, company, IsoDate::timestamp(QDateTime::currentDateTimeUtc())},
        error);
}

bool moveLinks(QSqlQuery &query, const CompanyEdit &edit, bool forward, QString *error)
{
    for (const CompanyEdit::LinkMove &link : edit.links) {
        if (!exec(query,
                  QStringLiteral("UPDATE company_sources SET company_id = ?, matched_by = ? "
                                 "WHERE source_id = ? AND external_id = ?"),
                  {forward ? link.to : link.from,
                   forward ? QVariant(QStringLiteral("manual")) : link.matchedByBefore,
                   link.sourceId, link.externalId},
                  error) ||
            !setOverride(query, link.sourceId, link.externalId,
                         forward ? QVariant(link.to) : link.overrideBefore, error))
            return false;
    }
    return true;
}

} // namespace

namespace CompanyStore {

std::optional<QList<CompanySummary>> list(const QSqlDatabase &db, const QString &search,
                                          QString *error)
{
    const QString text = search.trimmed();
    if (text.isEmpty())
        return read(db, QStringLiteral("1"), {}, error);
    const QString pattern = likePattern(text);
    return read(db,
                QStringLiteral("c.name LIKE ? ESCAPE '\\' OR c.domain LIKE ? ESCAPE '\\' OR "
                               "EXISTS (SELECT 1 FROM company_sources s WHERE s.company_id = "
                               "c.id AND (s.external_id LIKE ? ESCAPE '\\' OR s.name LIKE ? "
                               "ESCAPE '\\'))"),
                {pattern, pattern, pattern, pattern}, error);
}

std::optional<CompanySummary> company(const QSqlDatabase &db, qint64 id, QString *error)
{
    const auto found = read(db, QStringLiteral("c.id = ?"), {id}, error);
    if (!found)
        return std::nullopt;
    if (found->isEmpty()) {
        *error = tr("There is no company with id %1.").arg(id);
        return std::nullopt;
    }
    return found->first();
}

std::optional<qint64> sourceId(const QSqlDatabase &db, const QString &name, QString *error)
{
    QSqlQuery query(db);
    if (!exec(query,
              QStringLiteral("SELECT id FROM sources WHERE name = ? UNION ALL SELECT id FROM "
                             "sources WHERE kind = ? AND (SELECT count(*) FROM sources WHERE "
                             "kind = ?) = 1"),
              {name, name, name}, error))
        return std::nullopt;
    if (query.next())
        return query.value(0).toLongLong();
    QStringList names;
    if (query.exec(QStringLiteral("SELECT name FROM sources ORDER BY name"))) {
        while (query.next())
            names.append(query.value(0).toString());
    }
    *error = names.isEmpty()
                 ? tr("There is no source named \"%1\"; the workspace has no sources.").arg(name)
                 : tr("There is no source named \"%1\" (sources: %2).")
                       .arg(name, names.join(QStringLiteral(", ")));
    return std::nullopt;
}

bool split(QSqlDatabase &db, qint64 sourceId, const QString &externalId, CompanyEdit *edit,
           QString *error)
{
    *edit = {};
    QSqlQuery query(db);
    if (!exec(query,
              QStringLiteral("SELECT s.company_id, s.name, s.domain, s.matched_by, (SELECT "
                             "o.company_id FROM company_match_overrides o WHERE o.source_id = "
                             "s.source_id AND o.external_id = s.external_id), (SELECT count(*) "
                             "FROM company_sources t WHERE t.company_id = s.company_id), "
                             "(SELECT count(*) FROM company_sources t WHERE t.company_id = "
                             "s.company_id AND t.source_id = s.source_id) FROM company_sources s "
                             "WHERE s.source_id = ? AND s.external_id = ?"),
              {sourceId, externalId}, error))
        return false;
    if (!query.next()) {
        *error = tr("There is no company with identifier \"%1\" in source %2.")
                     .arg(externalId)
                     .arg(sourceId);
        return false;
    }
    const qint64 from = query.value(0).toLongLong();
    const QString ownName = query.value(1).toString();
    const QString ownDomain = CompanyLinker::normalizedDomain(query.value(2).toString());
    CompanyEdit::LinkMove link{sourceId, externalId, from, 0, query.value(3), query.value(4)};
    const qint64 identifiers = query.value(5).toLongLong();
    const bool soleOfSource = query.value(6).toLongLong() == 1;
    if (identifiers < 2) {
        *error = tr("Identifier \"%1\" is already the only one of company %2: there is nothing "
                    "to split it from.")
                     .arg(externalId)
                     .arg(from);
        return false;
    }
    const auto current = companyRow(query, from, error);
    if (!current)
        return false;
    CompanyEdit::Company made;
    made.name = ownName.isEmpty() ? current->name : ownName;
    made.nameKey = CompanyLinker::normalizedName(made.name);
    // Its own domain comes along when no company holds it yet.
    if (!ownDomain.isEmpty()) {
        if (!exec(query, QStringLiteral("SELECT 1 FROM companies WHERE domain = ?"), {ownDomain},
                  error))
            return false;
        if (!query.next())
            made.domain = ownDomain;
    }
    if (!exec(query, QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM companies"), {}, error) ||
        !query.next())
        return false;
    made.id = query.value(0).toLongLong();
    link.to = made.id;
    edit->created.append(made);
    edit->links.append(link);
    return collectRows(query, from, sourceId, externalId, soleOfSource, made.id, edit, error) &&
           apply(db, *edit, error);
}

bool merge(QSqlDatabase &db, qint64 from, qint64 into, CompanyEdit *edit, QString *error)
{
    *edit = {};
    if (from == into) {
        *error = tr("Company %1 cannot be merged into itself.").arg(from);
        return false;
    }
    QSqlQuery query(db);
    const auto source = companyRow(query, from, error);
    if (!source)
        return false;
    const auto target = companyRow(query, into, error);
    if (!target)
        return false;
    edit->removed.append(*source);
    if (target->domain.isNull() && !source->domain.isNull())
        edit->domains.append({into, QVariant(), source->domain});
    if (!exec(query,
              QStringLiteral("SELECT s.source_id, s.external_id, s.matched_by, o.company_id FROM "
                             "company_sources s LEFT JOIN company_match_overrides o ON "
                             "o.source_id = s.source_id AND o.external_id = s.external_id WHERE "
                             "s.company_id = ? ORDER BY s.source_id, s.external_id"),
              {from}, error))
        return false;
    while (query.next())
        edit->links.append({query.value(0).toLongLong(), query.value(1).toString(), from, into,
                            query.value(2), query.value(3)});
    return collectRows(query, from, 0, QString(), false, into, edit, error) &&
           apply(db, *edit, error);
}

bool apply(QSqlDatabase &db, const CompanyEdit &edit, QString *error)
{
    QSqlQuery query(db);
    // Removed companies go before their domain is handed on: domains are unique.
    return insertCompanies(query, edit.created, error) && moveLinks(query, edit, true, error) &&
           moveRows(query, edit, true, error) && deleteCompanies(query, edit.removed, error) &&
           setDomains(query, edit, true, error);
}

bool revert(QSqlDatabase &db, const CompanyEdit &edit, QString *error)
{
    QSqlQuery query(db);
    return setDomains(query, edit, false, error) && insertCompanies(query, edit.removed, error) &&
           moveLinks(query, edit, false, error) && moveRows(query, edit, false, error) &&
           deleteCompanies(query, edit.created, error);
}

} // namespace CompanyStore
