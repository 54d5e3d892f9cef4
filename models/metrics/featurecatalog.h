#pragma once

#include <QDate>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

// The features reports count: one entry per feature that is not merged into another, with
// the rows merged into it, so that a feature tracked in two tools is counted once.
struct CatalogFeature
{
    qint64 id = 0;
    QString name;
    QString status;
    QDate releaseDate;    // null when not released
    QList<qint64> rowIds; // its own row first, then the rows merged into it
};

class FeatureCatalog
{
public:
    static FeatureCatalog load(const QSqlDatabase &db, QString *error = nullptr);

    const QList<CatalogFeature> &features() const { return m_features; }
    const CatalogFeature *find(qint64 id) const; // by any of its row ids
    // The counted feature a row id belongs to; 0 when unknown.
    qint64 canonical(qint64 rowId) const { return m_canonical.value(rowId); }

private:
    QList<CatalogFeature> m_features;
    QHash<qint64, qint64> m_canonical;
    QHash<qint64, int> m_index; // canonical id → position in m_features
};
