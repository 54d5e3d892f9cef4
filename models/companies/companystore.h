#pragma once

#include "companyedit.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

// One service's identifier of a company, and how it came to be filed there.
struct CompanySource
{
    qint64 sourceId = 0;
    QString sourceName;
    QString sourceKind;
    QString externalId;
    QString name;      // the service's own name for the company
    QString domain;    // and its domain, when it has one
    QString matchedBy; // domain, name, new, manual; empty when not recorded
};

struct CompanySummary
{
    qint64 id = 0;
    QString name;
    QString domain;
    qint64 users = 0;
    qint64 opportunities = 0;
    qint64 feedback = 0;
    QList<CompanySource> sources;
};

// Reads the shared companies with their identifiers in each service, and splits and merges
// them by hand. Splits and merges are remembered in company_match_overrides, so syncs keep
// them; the users, feedback and opportunities that belong to a moved identifier move with it.
// Reads take any connection; edits run in the caller's transaction (a DatabaseWriter job).
namespace CompanyStore {

// search matches a company's name or domain, or any of its identifiers and their names.
std::optional<QList<CompanySummary>> list(const QSqlDatabase &db, const QString &search,
                                          QString *error);
std::optional<CompanySummary> company(const QSqlDatabase &db, qint64 id, QString *error);
// The source named name (a source's name, else its kind when only one source has it).
std::optional<qint64> sourceId(const QSqlDatabase &db, const QString &name, QString *error);

// Files the identifier under a new company of its own, named as its service names it.
bool split(QSqlDatabase &db, qint64 sourceId, const QString &externalId, CompanyEdit *edit,
           QString *error);
// Files every identifier of company from under company into, and removes from.
bool merge(QSqlDatabase &db, qint64 from, qint64 into, CompanyEdit *edit, QString *error);

// Does an edit again (redo) or takes it back (undo), with the same ids.
bool apply(QSqlDatabase &db, const CompanyEdit &edit, QString *error);
bool revert(QSqlDatabase &db, const CompanyEdit &edit, QString *error);

} // namespace CompanyStore
