#pragma once

#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>

// Finds features, feedback and work items by what a person remembers of them: words of a
// name or title, in any order, prefixes included. Feedback goes through its full-text index;
// features and work items, far fewer, through their titles.
namespace GlobalSearch {

struct Hit
{
    enum class Kind { Feature, WorkItem, Feedback };
    Kind kind = Kind::Feature;
    qint64 id = 0;
    QString title;
    QString detail; // the source and what kind of record, for telling hits apart
};

QString kindName(Hit::Kind kind);

// At most perKind hits of each kind, best first. Empty text finds nothing.
QList<Hit> find(const QSqlDatabase &db, const QString &text, int perKind, QString *error);

// Every field of one record, as (label, value) pairs, for showing it whole.
QList<QPair<QString, QString>> details(const QSqlDatabase &db, Hit::Kind kind, qint64 id,
                                       QString *error);

} // namespace GlobalSearch
