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

CompanyLinker::Link CompanyLinker::existingLink(qint64 sourceId, const QString &externalId,
                                                bool *ok)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "SELECT o.company_id, 'manual', 1 FROM company_match_overrides o WHERE o.source_id = ? "
        "AND o.external_id = ? UNION ALL SELECT company_id, matched_by, 0 FROM company_sources "
        "WHERE source_id = ? AND external_id = ?"));
    for (int i = 0; i < 2; ++i) {
        query.addBindValue(sourceId);
        query.addBindValue(externalId);
    }
    *ok = query.exec();
    Link link;
    if (*ok && query.next()) {
        link.companyId = query.value(0).toLongLong();
        link.matchedBy = query.value(1);
        link.manual = query.value(2).toBool();
    }
    return link;
}

qint64 CompanyLinker::match(const QString &nameKey, const QString &domain, QString *matchedBy,
                            bool *ok)
{
    QSqlQuery query(m_db);
    if (!domain.isEmpty()) {
        query.prepare(QStringLiteral("SELECT id FROM companies WHERE domain = ?"));
        query.addBindValue(domain);
        if (!(*ok = query.exec()))
            return 0;
        if (query.next()) {
            *matchedBy = QStringLiteral("domain");
            return query.value(0).toLongLong();
        }
    }
    // A record with a domain only meets a company of the same name that has none: two
    // domains mean two companies, whatever their names.
    query.prepare(QStringLiteral("SELECT id FROM companies WHERE name_key = ? AND (? IS NULL OR "
                                 "domain IS NULL) ORDER BY id LIMIT 1"));
    query.addBindValue(nameKey);
    query.addBindValue(domain.isEmpty() ? QVariant() : QVariant(domain));
    if (!(*ok = query.exec()))
        return 0;
    if (!query.next())
        return 0;
    *matchedBy = QStringLiteral("name");
    return query.value(0).toLongLong();
}

bool CompanyLinker::followReferences(qint64 sourceId, const QString &externalId, qint64 companyId,
                                     QString *error)
{
    QSqlQuery query(m_db);
    for (const QString &table : referencingTables()) {
        query.prepare(QStringLiteral("UPDATE %1 SET company_id = ? WHERE source_id = ? AND "
                                     "company_ref = ? AND company_id IS NOT ?")
                          .arg(table));
        query.addBindValue(companyId);
        query.addBindValue(sourceId);
        query.addBindValue(externalId);
        query.addBindValue(companyId);
        if (!query.exec()) {
            *error = tr("Cannot link %1 to company %2: %3")
                         .arg(table, externalId, query.lastError().text());
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
    const auto failed = [&](const QSqlQuery &query) {
        *error = tr("Cannot file company %1 (\"%2\"): %3")
                     .arg(record.externalId, record.name, query.lastError().text());
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
    qint64 companyId = existing.companyId;
    QVariant matchedBy = existing.matchedBy;
    QSqlQuery query(m_db);
    if (!ok)
        return failed(query);
    if (companyId && !existing.manual) {
        // The service renamed it or gave it a domain: follow, unless the domain is another's.
        query.prepare(QStringLiteral(
            "UPDATE companies SET name = ?, name_key = ?, domain = CASE WHEN domain IS NULL AND "
            "? IS NOT NULL AND NOT EXISTS (SELECT 1 FROM companies WHERE domain = ?) THEN ? ELSE "
            "domain END WHERE id = ?"));
        query.addBindValue(name);
        query.addBindValue(nameKey);
        query.addBindValue(domainValue);
        query.addBindValue(domainValue);
        query.addBindValue(domainValue);
        query.addBindValue(companyId);
        if (!query.exec())
            return failed(query);
    } else if (!companyId) {
        QString how;
        companyId = match(nameKey, domain, &how, &ok);
        if (!ok)
            return failed(query);
        if (!companyId) {
            query.prepare(
                QStringLiteral("INSERT INTO companies (name, domain, name_key) VALUES (?, ?, ?)"));
            query.addBindValue(name);
            query.addBindValue(domainValue);
            query.addBindValue(nameKey);
            if (!query.exec())
                return failed(query);
            companyId = query.lastInsertId().toLongLong();
            how = QStringLiteral("new");
        } else if (!domain.isEmpty()) {
            query.prepare(
                QStringLiteral("UPDATE companies SET domain = ? WHERE id = ? AND domain IS NULL"));
            query.addBindValue(domain);
            query.addBindValue(companyId);
            if (!query.exec())
                return failed(query);
        }
        matchedBy = how;
    }
    query.prepare(QStringLiteral(
        "INSERT INTO company_sources (company_id, source_id, external_id, raw, updated_at, "
        "matched_by, name, domain) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_id, "
        "external_id) DO UPDATE SET company_id = excluded.company_id, raw = excluded.raw, "
        "updated_at = excluded.updated_at, matched_by = excluded.matched_by, name = "
        "excluded.name, domain = excluded.domain"));
    query.addBindValue(companyId);
    query.addBindValue(sourceId);
    query.addBindValue(record.externalId);
    query.addBindValue(record.raw);
    query.addBindValue(record.updatedAt);
    query.addBindValue(matchedBy);
    query.addBindValue(name);
    query.addBindValue(domainValue);
    if (!query.exec())
        return failed(query);
    return followReferences(sourceId, record.externalId, companyId, error);
}
