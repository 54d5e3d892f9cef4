#pragma once

#include "feedbackquery.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <optional>

class DatabaseWriter;

// One triage edit over a selection, with every item's state before and after, so that an undo
// command can put back exactly what was there (including "no triage state at all").
struct TriageChange
{
    // Duplicate: the item is merged into the primary item whose identity is the state, as
    // "source id:external id".
    enum class Kind { Status, Tag, Link, Duplicate };
    struct Item
    {
        qint64 sourceId = 0;
        QString externalId;
        QVariant before; // the status, the tag as written, the importance, the primary; null: none
        QVariant after;
    };
    // A feature made by this change (from a feedback item): its row exists after the change
    // and not before.
    struct NewFeature
    {
        qint64 id = 0;
        QString name;
        QString description;
        bool exists = true;
    };

    Kind kind = Kind::Status;
    QString tag;
    qint64 featureId = 0;
    QList<Item> items;
    std::optional<NewFeature> feature;

    TriageChange inverted() const;
};

// An item merged into the one being read.
struct DuplicateItem
{
    qint64 id = 0;
    QString title;
    QString source;
};

struct SavedView
{
    qint64 id = 0;
    QString name;
    FeedbackFilter filter;
};

struct SimilarItem
{
    qint64 id = 0;
    QString title;
    double rank = 0; // lower is closer (FTS5 bm25)
};

// The inbox's edits. Each runs through the workspace's writer in one transaction; triage is
// kept by each item's identity in its service, so it survives every sync.
class FeedbackTriage
{
public:
    explicit FeedbackTriage(DatabaseWriter *writer);

    static QStringList statuses(); // new, triaged, linked, archived

    // feedbackIds: the selection (one or many). On success *change holds what was done.
    bool setStatus(const QList<qint64> &feedbackIds, const QString &status, TriageChange *change,
                   QString *error);
    bool addTag(const QList<qint64> &feedbackIds, const QString &tag, TriageChange *change,
                QString *error);
    bool removeTag(const QList<qint64> &feedbackIds, const QString &tag, TriageChange *change,
                   QString *error);
    // importance 0..3; linking again changes the importance.
    bool linkFeature(const QList<qint64> &feedbackIds, qint64 featureId, int importance,
                     TriageChange *change, QString *error);
    bool unlinkFeature(const QList<qint64> &feedbackIds, qint64 featureId, TriageChange *change,
                       QString *error);

    // Makes a feature in this workspace from feedback and links the items to it.
    bool createFeature(const QList<qint64> &feedbackIds, const QString &name,
                       const QString &description, int importance, TriageChange *change,
                       QString *error);
    // Merges the duplicates into the primary: the inbox shows the primary in their place, and
    // their records stay. Items already merged into a duplicate follow it to the primary.
    bool mergeDuplicates(qint64 primaryId, const QList<qint64> &duplicateIds, TriageChange *change,
                         QString *error);
    bool unmerge(const QList<qint64> &feedbackIds, TriageChange *change, QString *error);

    // Redo and undo of a change returned above.
    bool apply(const TriageChange &change, QString *error);
    bool revert(const TriageChange &change, QString *error)
    {
        return apply(change.inverted(), error);
    }

    // Other items ranked by how many of this item's words they share, closest first.
    static QList<SimilarItem> similar(const QSqlDatabase &db, qint64 feedbackId, int limit,
                                      QString *error);

    // The items merged into this one.
    static QList<DuplicateItem> duplicates(const QSqlDatabase &db, qint64 feedbackId,
                                           QString *error);

    static QList<SavedView> savedViews(const QSqlDatabase &db, QString *error);
    // Creates a view, or replaces the filters of the view with that name.
    bool saveView(const QString &name, const FeedbackFilter &filter, qint64 *id, QString *error);
    bool renameView(qint64 id, const QString &name, QString *error);
    bool deleteView(qint64 id, QString *error);

private:
    bool change(TriageChange::Kind kind, const QList<qint64> &feedbackIds, const QString &tag,
                qint64 featureId, const QVariant &after, TriageChange *change, QString *error);

    DatabaseWriter *m_writer;
};
