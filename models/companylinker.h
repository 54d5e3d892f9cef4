#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <map>
#include <memory>

// Files companies synced from a service: each keeps its own row in company_sources, linked to
// one shared company in companies, so that the same customer seen by a CRM, a feedback tool
// and a product board is one company. A match decided by hand (company_match_overrides) wins;
// then an identifier keeps the company it was filed under; a new one is matched by web
// domain, else by normalised name; otherwise it makes a new company. Records of the same
// service that name the company by its identifier (company_ref) follow it.
class CompanyLinker
{
public:
    struct Record
    {
        QString externalId;
        QString name;
        QString domain; // any form: "https://www.acme.com/about" is read as acme.com
        QVariant updatedAt;
        QVariant raw;
    };

    explicit CompanyLinker(const QSqlDatabase &db);

    // Inside the caller's transaction. False with error naming the record on failure.
    bool link(qint64 sourceId, const Record &record, QString *error);

    // Gives records of sourceId that name a company by its identifier there the company it
    // was filed under. Inside the caller's transaction.
    static bool resolveReferences(QSqlDatabase &db, const QString &table, qint64 sourceId,
                                  QString *error);
    // The same for the rows of one page only, keyed by external_id in their first column.
    static bool resolveReferences(QSqlDatabase &db, const QString &table, qint64 sourceId,
                                  const QList<QVariantList> &rows, QString *error);

    static QString normalizedDomain(const QString &text);
    // "ACME, Inc." and "Acme Incorporated" are both "acme"; never empty for a non-empty name.
    static QString normalizedName(const QString &text);
    // Tables whose rows carry company_ref and company_id.
    static QStringList referencingTables();

private:
    struct Link
    {
        qint64 companyId = 0;
        QVariant matchedBy;
        bool manual = false;
    };
    Link existingLink(qint64 sourceId, const QString &externalId, bool *ok);
    qint64 match(const QString &nameKey, const QString &domain, QString *matchedBy, bool *ok);
    bool followReferences(qint64 sourceId, const QString &externalId, qint64 companyId,
                          QString *error);

    // Runs sql, prepared once per linker: a sync files a page of companies through one.
    // Null on failure, with m_error set.
    QSqlQuery *run(const QString &sql, const QVariantList &binds);

    QSqlDatabase m_db;
    std::map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    QString m_error;
};
