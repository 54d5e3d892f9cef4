#include "rowwriter.h"

#include "companylinker.h"
#include "upsertstatement.h"

namespace RowWriter {
namespace {

bool writeCompanies(QSqlDatabase &db, qint64 sourceId, const QStringList &columns,
                    const QList<QVariantList> &rows, QString *error)
{
    const qsizetype name = columns.indexOf(QStringLiteral("name"));
    const qsizetype domain = columns.indexOf(QStringLiteral("domain"));
    const qsizetype updated = columns.indexOf(QStringLiteral("updated_at"));
    const qsizetype raw = columns.indexOf(QStringLiteral("raw"));
    CompanyLinker linker(db);
    for (const QVariantList &row : rows) {
        CompanyLinker::Record record;
        record.externalId = row.at(0).toString();
        record.name = name >= 0 ? row.at(name).toString() : QString();
        record.domain = domain >= 0 ? row.at(domain).toString() : QString();
        record.updatedAt = updated >= 0 ? row.at(updated) : QVariant();
        record.raw = raw >= 0 ? row.at(raw) : QVariant();
        if (!linker.link(sourceId, record, error))
            return false;
    }
    return true;
}

} // namespace

bool write(QSqlDatabase &db, const QString &target, qint64 sourceId, const QStringList &columns,
           const QList<QVariantList> &rows, QString *error)
{
    if (target == QLatin1String("companies"))
        return writeCompanies(db, sourceId, columns, rows, error);
    UpsertStatement upsert(db, target, QStringList{QStringLiteral("source_id")} + columns);
    if (!upsert.isValid() || !upsert.executeMany(rows, {sourceId})) {
        *error = upsert.lastError();
        return false;
    }
    if (columns.contains(QLatin1String("company_ref")))
        return CompanyLinker::resolveReferences(db, target, sourceId, rows, error);
    return true;
}

} // namespace RowWriter
