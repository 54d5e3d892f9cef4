#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QVariant>

// Files companies synced from a service: each keeps its own row in company_sources, linked to
// one shared company in companies, so that the same customer seen by a CRM, a feedback tool
// and a product board is one company. Matching is by web domain, else by name (ignoring
// case) against companies without a domain; otherwise a new company is created.
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

    static QString normalizedDomain(const QString &text);

private:
    qint64 existingLink(qint64 sourceId, const QString &externalId, bool *ok);
    qint64 match(const QString &name, const QString &domain, bool *ok);

    QSqlDatabase m_db;
};
