#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// Links records to features, and merges the same feature seen by several tools.
//
// Rules, in order, each only where nothing linked the record yet:
//   ref    the link the service itself keeps (a Jira issue's epic, a Linear project, a
//          Productboard note's features), resolved within the same source;
//   name   the record's title names exactly one feature (whole words, ignoring case);
// and merges: features of different sources with the same name are merged into the oldest.
// Links and merges made by hand (overrides) win over every rule and survive every sync.
// All of it runs in the caller's transaction (a DatabaseWriter job).
class FeatureLinker
{
public:
    struct Result
    {
        qint64 linked = 0; // records given a feature by a rule
        qint64 merged = 0; // features merged into another by a rule
    };

    explicit FeatureLinker(const QSqlDatabase &db);

    // Re-applies every rule and override; rule-made links from earlier runs are redone.
    bool run(Result *result, QString *error);

    // By hand. table: work_items, feedback or documents; the record by its row id.
    // featureId 0 removes the record from any feature (and keeps it so).
    bool link(const QString &table, qint64 recordId, qint64 featureId, QString *error);
    // Merges feature into target (0: keep it apart from any other, undoing a merge).
    bool merge(qint64 featureId, qint64 targetId, QString *error);

    static QStringList linkedTables();

private:
    bool exec(const QString &sql, const QVariantList &binds, QString *error,
              qint64 *changed = nullptr);
    bool applyMerges(Result *result, QString *error);
    bool linkByReference(const QString &table, Result *result, QString *error);
    bool linkByName(const QString &table, Result *result, QString *error);
    bool applyOverrides(QString *error);

    QSqlDatabase m_db;
};
