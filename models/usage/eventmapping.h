#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>

// The workspace's mapping of analytics event names to features: an entry is an exact event
// name, or a pattern where * stands for any text and ? for one character (matched
// case-sensitively, as event names are). Adding or removing an entry re-rolls the days whose
// stored events it matches, in the same transaction, so feature_usage never disagrees with
// the mapping; nothing is fetched again.
class EventMapping
{
    Q_DECLARE_TR_FUNCTIONS(EventMapping)
public:
    struct Entry
    {
        qint64 id = 0;
        QString pattern;
        bool isPattern = false;
        qint64 featureId = 0;
        QString featureName;
    };
    struct Unmapped
    {
        QString eventName;
        qint64 events = 0;
        qint64 users = 0;
        QString lastDay;
    };

    // Empty when text is a usable entry, else what is wrong with it.
    static QString validate(const QString &text);
    static bool isPattern(const QString &text);

    // The feature a user means: a number is an id, anything else an exact name. Zero with
    // error when there is no such feature or the name is not unique.
    static qint64 findFeature(const QSqlDatabase &db, const QString &idOrName, QString *error);

    static QList<Entry> entries(const QSqlDatabase &db, QString *error);
    // Event names stored from any source that no entry maps, most frequent first.
    static QList<Unmapped> unmapped(const QSqlDatabase &db, QString *error);

    // Writer jobs (run them through the workspace's writer, in its transaction).
    static bool add(QSqlDatabase &db, const QString &text, qint64 featureId, qint64 *id,
                    QString *error);
    static bool remove(QSqlDatabase &db, qint64 id, QString *error);
};
