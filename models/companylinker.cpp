#include "companylinker.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

CompanyLinker::CompanyLinker(const QSqlDatabase &db)
    : m_db(db)
{
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
    if (value.startsWith(QLatin1String("www.")))
        value = value.mid(4);
    return value.contains(QLatin1Char('.')) ? value : QString();
}

qint64 CompanyLinker::existingLink(qint64 sourceId, const QString &externalId, bool *ok)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "SELECT company_id FROM company_sources WHERE source_id = ? AND external_id = ?"));
    query.addBindValue(sourceId);
    query.addBindValue(externalId);
    *ok = query.exec();
    return *ok && query.next() ? query.value(0).toLongLong() : 0;
}

qint64 CompanyLinker::match(const QString &name, const QString &domain, bool *ok)
{
    QSqlQuery query(m_db);
    if (!domain.isEmpty()) {
        query.prepare(QStringLiteral("SELECT id FROM companies WHERE domain = ?"));
        query.addBindValue(domain);
        if (!(*ok = query.exec()))
            return 0;
        if (query.next())
            return query.value(0).toLongLong();
    }
    query.prepare(QStringLiteral("SELECT id FROM companies WHERE name = ? COLLATE NOCASE AND "
                                 "domain IS NULL ORDER BY id LIMIT 1"));
    query.addBindValue(name);
    if (!(*ok = query.exec()))
        return 0;
    return query.next() ? query.value(0).toLongLong() : 0;
}

bool CompanyLinker::link(qint64 sourceId, const Record &record, QString *error)
{
    const auto failed = [&](const QSqlQuery &query) {
        *error = QObject::tr("Cannot file company %1 (\"%2\"): %3")
                     .arg(record.externalId, record.name, query.lastError().text());
        return false;
    };
    const QString domain = normalizedDomain(record.domain);
    const QString name = record.name.trimmed().isEmpty() ? domain : record.name.trimmed();
    if (name.isEmpty()) {
        *error = QObject::tr("Company %1 has neither a name nor a domain").arg(record.externalId);
        return false;
    }
    bool ok = true;
    qint64 companyId = existingLink(sourceId, record.externalId, &ok);
    QSqlQuery query(m_db);
    if (!ok)
        return failed(query);
    if (companyId) {
        // The service renamed it or gave it a domain: follow, unless the domain is another's.
        query.prepare(QStringLiteral(
            "UPDATE companies SET name = ?, domain = CASE WHEN domain IS NULL AND ? IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM companies WHERE domain = ?) THEN ? ELSE domain END "
            "WHERE id = ?"));
        const QVariant domainValue = domain.isEmpty() ? QVariant() : QVariant(domain);
        query.addBindValue(name);
        query.addBindValue(domainValue);
        query.addBindValue(domainValue);
        query.addBindValue(domainValue);
        query.addBindValue(companyId);
        if (!query.exec())
            return failed(query);
    } else {
        companyId = match(name, domain, &ok);
        if (!ok)
            return failed(query);
        if (!companyId) {
            query.prepare(QStringLiteral("INSERT INTO companies (name, domain) VALUES (?, ?)"));
            query.addBindValue(name);
            query.addBindValue(domain.isEmpty() ? QVariant() : QVariant(domain));
            if (!query.exec())
                return failed(query);
            companyId = query.lastInsertId().toLongLong();
        } else if (!domain.isEmpty()) {
            query.prepare(
                QStringLiteral("UPDATE companies SET domain = ? WHERE id = ? AND domain IS NULL"));
            query.addBindValue(domain);
            query.addBindValue(companyId);
            if (!query.exec())
                return failed(query);
        }
    }
    query.prepare(QStringLiteral(
        "INSERT INTO company_sources (company_id, source_id, external_id, raw, updated_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (source_id, external_id) DO UPDATE SET "
        "company_id = excluded.company_id, raw = excluded.raw, updated_at = excluded.updated_at"));
    query.addBindValue(companyId);
    query.addBindValue(sourceId);
    query.addBindValue(record.externalId);
    query.addBindValue(record.raw);
    query.addBindValue(record.updatedAt);
    return query.exec() || failed(query);
}
