#include "featurecatalog.h"

#include <QSqlError>
#include <QSqlQuery>

FeatureCatalog FeatureCatalog::load(const QSqlDatabase &db, QString *error)
{
    FeatureCatalog catalog;
    QSqlQuery query(db);
    // A chain a -> b -> c is followed to its end; a cycle (never made by the linker) stops.
    if (!query.exec(QStringLiteral(
            "WITH RECURSIVE chain(id, target, depth) AS ("
            "  SELECT id, coalesce(merged_into, id), 0 FROM features"
            "  UNION ALL SELECT chain.id, f.merged_into, depth + 1 FROM chain"
            "  JOIN features f ON f.id = chain.target"
            "  WHERE f.merged_into IS NOT NULL AND f.merged_into <> chain.target AND depth < 16)"
            "SELECT f.id, f.name, f.status, f.release_date,"
            "  (SELECT target FROM chain WHERE chain.id = f.id ORDER BY depth DESC LIMIT 1)"
            " FROM features f ORDER BY f.id"))) {
        if (error)
            *error = query.lastError().text();
        return catalog;
    }
    struct Row
    {
        qint64 id;
        QString name, status;
        QDate release;
        qint64 canonical;
    };
    QList<Row> rows;
    while (query.next())
        rows.append({query.value(0).toLongLong(), query.value(1).toString(),
                     query.value(2).toString(),
                     QDate::fromString(query.value(3).toString().left(10), Qt::ISODate),
                     query.value(4).toLongLong()});
    for (const Row &row : rows) {
        if (row.canonical != row.id)
            continue;
        catalog.m_index.insert(row.id, int(catalog.m_features.size()));
        catalog.m_features.append({row.id, row.name, row.status, row.release, {row.id}});
        catalog.m_canonical.insert(row.id, row.id);
    }
    for (const Row &row : rows) {
        if (row.canonical == row.id || !catalog.m_index.contains(row.canonical))
            continue;
        catalog.m_features[catalog.m_index.value(row.canonical)].rowIds.append(row.id);
        catalog.m_canonical.insert(row.id, row.canonical);
    }
    return catalog;
}

const CatalogFeature *FeatureCatalog::find(qint64 id) const
{
    const auto it = m_index.constFind(m_canonical.value(id));
    return it == m_index.constEnd() ? nullptr : &m_features.at(it.value());
}
