#include "companylinker.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CompanyLinker", text);
}

// Words that say what kind of legal entity a company is, not which company it is.
const QSet<QString> &legalSuffixes()
{
    static const QSet<QString> suffixes = [] {
        QSet<QString> words;
        for (const char *word :
             {"inc", "incorporated", "corp",    "corporation", "co",   "company", "llc", "llp",
              "lp",  "ltd",          "limited", "gmbh",        "mbh",  "ag",      "kg",  "se",
              "sa",  "sas",          "sarl",    "srl",         "spa",  "bv",      "nv",  "plc",
              "pty", "oy",           "oyj",     "ab",          "as",   "asa",     "aps", "kk",
              "pte", "ug",           "holding", "holdings",    "group"})
            words.insert(QString::fromLatin1(word));
        return words;
    }();
    return suffixes;
}

} // namespace

CompanyLinker::CompanyLinker(const QSqlDatabase &db)
    : m_db(db)
{
}

QStringList CompanyLinker::referencingTables()
{
    return {QStringLiteral("users"), QStringLiteral("feedback"),
            QStringLiteral("sales_opportunities")};
}

QString CompanyLinker::normalizedDomain(const QString &text)
{
    QString value = text.trimmed().toLower();
    if (value.isEmpty())
        return {};
    if (value.contains(QLatin1String("://")))
        value = QUrl(value).host();
    else
        value = value.section(QLatin1Char('/'), 0, 0);
    if (value.contains(QLatin1Char('@'))) // an e-mail address names its domain after the @
        value = value.section(QLatin1Char('@'), -1);
    value = value.section(QLatin1Char(':'), 0, 0); // a port
    while (value.endsWith(QLatin1Char('.')))
        value.chop(1);
    if (value.startsWith(QLatin1String("www.")))
        value = value.mid(4);
    if (value.contains(QLatin1Char(' ')))
        return {};
    return value.contains(QLatin1Char('.')) ? value : QString();
}

QString CompanyLinker::normalizedName(const QString &text)
{
    QString folded;
    for (const QChar c : text.normalized(QString::NormalizationForm_KD)) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue; // accents: "Société" is "societe"
        if (c == QLatin1Char('.') || c == QLatin1Char('\'') || c == QChar(0x2019))
            continue; // "S.A." is "sa", "McDonald's" is "mcdonalds"
        if (c == QLatin1Char('&'))
            folded.append(QLatin1String(" and "));
        else
            folded.append(c.isLetterOrNumber() ? c.toLower() : QLatin1Char(' '));
    }
    QStringList words = folded.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.size() > 1 && words.first() == QLatin1String("the"))
        words.removeFirst();
    // "Acme Co., Ltd." and "Acme GmbH & Co. KG": drop every trailing suffix, keeping a name.
    while (words.size() > 1 &&
           (legalSuffixes().contains(words.last()) || words.last() == QLatin1String("and")))
        words.removeLast();
    return words.join(QLatin1Char(' '));
}

QSqlQuery *CompanyLinker::run(const QString &sql, const QVariantList &binds)
{
    std::unique_ptr<QSqlQuery> &slot = m_statements[sql];
    if (!slot) {
        auto prepared = std::make_unique<QSqlQuery>(m_db);
        if (!prepared->prepare(sql)) {
            m_error = prepared->lastError().text();
            m_statements.erase(sql);
            return nullptr;
        }
        slot = std::move(prepared);
    }
    QSqlQuery *query = slot.get();
    for (const QVariant &bind : binds)
        query->addBindValue(bind);
    if (query->exec())
        return query;
    m_error = query->lastError().text();
    return nullptr;
}

CompanyLinker::Link CompanyLinker::existingLink(qint64 sourceId, const QString &externalId,
                                                bool *ok)
{
    QSqlQuery *query = run(
        QStringLiteral(
            "SELECT o.company_id, 'manual', 1 FROM company_match_overrides o WHERE o.source_id = ? "
            "AND o.external_id = ? UNION ALL SELECT company_id, matched_by, 0 FROM "
            "company_sources WHERE source_id = ? AND external_id = ?"),
        {sourceId, externalId, sourceId, externalId});
    *ok = query != nullptr;
    Link link;
    if (query && query->next()) {
        link.companyId = query->value(0).toLongLong();
        link.matchedBy = query->value(1);
        link.manual = query->value(2).toBool();
    }
    if (query)
        query->finish();
    return link;
}

qint64 CompanyLinker::match(const QString &nameKey, const QString &domain, QString *matchedBy,
                            bool *ok)
{
    const auto first = [ok](QSqlQuery *query) {
        *ok = query != nullptr;
        const qint64 id = query && query->next() ? query->value(0).toLongLong() : 0;
        if (query)
            query->finish();
        return id;
    };
    if (!domain.isEmpty()) {
        const qint64 id =
            first(run(QStringLiteral("SELECT id FROM companies WHERE domain = ?"), {domain}));
        if (!*ok)
            return 0;
        if (id) {
            *matchedBy = QStringLiteral("domain");
            return id;
        }
    }
    // A record with a domain only meets a company of the same name that has none: two
    // domains mean two companies, whatever their names.
    const qint64 id =
        first(run(QStringLiteral("SELECT id FROM companies WHERE name_key = ? AND (? IS NULL OR "
                                 "domain IS NULL) ORDER BY id LIMIT 1"),
                  {nameKey, domain.isEmpty() ? QVariant() : QVariant(domain)}));
    if (id)
        *matchedBy = QStringLiteral("name");
    return id;
}

bool CompanyLinker::followReferences(qint64 sourceId, const QString &externalId, qint64 companyId,
                                     QString *error)
{
    for (const QString &table : referencingTables()) {
        if (!run(QStringLiteral("UPDATE %1 SET company_id = ? WHERE source_id = ? AND "
                                "company_ref = ? AND company_id IS NOT ?")
                     .arg(table),
                 {companyId, sourceId, externalId, companyId})) {
            *error = tr("Cannot link %1 to company %2: %3").arg(table, externalId, m_error);
            return false;
        }
    }
    return true;
}

bool CompanyLinker::resolveReferences(QSqlDatabase &db, const QString &table, qint64 sourceId,
                                      QString *error)
{
    if (!referencingTables().contains(table))
        return true;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE %1 SET company_id = s.company_id FROM company_sources s "
                                 "WHERE %1.source_id = ? AND %1.company_ref IS NOT NULL AND "
                                 "s.source_id = %1.source_id AND s.external_id = %1.company_ref "
                                 "AND %1.company_id IS NOT s.company_id")
                      .arg(table));
    query.addBindValue(sourceId);
    if (query.exec())
        return true;
    *error = tr("Cannot link %1 to their companies: %2").arg(table, query.lastError().text());
    return false;
}

bool CompanyLinker::resolveReferences(QSqlDatabase &db, const QString &table, qint64 sourceId,
                                      const QList<QVariantList> &rows, QString *error)
{
    if (!referencingTables().contains(table))
        return true;
    QSqlQuery query(db);
    if (!query.prepare(QStringLiteral("UPDATE %1 SET company_id = s.company_id FROM "
                                      "company_sources s WHERE %1.source_id = ? AND "
                                      "%1.external_id = ? AND s.source_id = %1.source_id AND "
                                      "s.external_id = %1.company_ref AND %1.company_id IS NOT "
                                      "s.company_id")
                           .arg(table))) {
        *error = tr("Cannot link %1 to their companies: %2").arg(table, query.lastError().text());
        return false;
    }
    for (const QVariantList &row : rows) {
        query.addBindValue(sourceId);
        query.addBindValue(row.value(0));
        if (!query.exec()) {
            *error = tr("Cannot link %1 %2 to its company: %3")
                         .arg(table, row.value(0).toString(), query.lastError().text());
            return false;
        }
    }
    return true;
}

bool CompanyLinker::link(qint64 sourceId, const Record &record, QString *error)
{
    const auto failed = [&] {
        *error =
            tr("Cannot file company %1 (\"%2\"): %3").arg(record.externalId, record.name, m_error);
        return false;
    };
    const QString domain = normalizedDomain(record.domain);
    const QString name = record.name.trimmed().isEmpty() ? domain : record.name.trimmed();
    if (name.isEmpty()) {
        *error = tr("Company %1 has neither a name nor a domain").arg(record.externalId);
        return false;
    }
    const QString nameKey = normalizedName(name);
    const QVariant domainValue = domain.isEmpty() ? QVariant() : QVariant(domain);
    bool ok = true;
    const Link existing = existingLink(sourceId, record.externalId, &ok);
    if (!ok)
        return failed();
    qint64 companyId = existing.companyId;
    QVariant matchedBy = existing.matchedBy;
    if (companyId && !existing.manual) {
        // The service renamed it or gave it a domain: follow, unless the domain is another's.
        if (!run(QStringLiteral("UPDATE companies SET name = ?, name_key = ?, domain = CASE WHEN "
                                "domain IS NULL AND ? IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                                "companies WHERE domain = ?) THEN ? ELSE domain END WHERE id = ?"),
                 {name, nameKey, domainValue, domainValue, domainValue, companyId}))
            return failed();
    } else if (!companyId) {
        QString how;
        companyId = match(nameKey, domain, &how, &ok);
        if (!ok)
            return failed();
        if (!companyId) {
            QSqlQuery *insert = run(
                QStringLiteral("INSERT INTO companies (name, domain, name_key) VALUES (?, ?, ?)"),
                {name, domainValue, nameKey});
            if (!insert)
                return failed();
            companyId = insert->lastInsertId().toLongLong();
            how = QStringLiteral("new");
        } else if (!domain.isEmpty() &&
                   !run(QStringLiteral(
                            "UPDATE companies SET domain = ? WHERE id = ? AND domain IS NULL"),
                        {domain, companyId})) {
            return failed();
        }
        matchedBy = how;
    }
    if (!run(QStringLiteral(
                 "INSERT INTO company_sources (company_id, source_id, external_id, raw, "
                 "updated_at, matched_by, name, domain) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON "
                 "CONFLICT (source_id, external_id) DO UPDATE SET company_id = "
                 "excluded.company_id, raw = excluded.raw, updated_at = excluded.updated_at, "
                 "matched_by = excluded.matched_by, name = excluded.name, domain = "
                 "excluded.domain"),
             {companyId, sourceId, record.externalId, record.raw, record.updatedAt, matchedBy, name,
              domainValue}))
        return failed();
    return followReferences(sourceId, record.externalId, companyId, error);
}
