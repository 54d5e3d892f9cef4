#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

// What the feedback inbox shows: a filter (words typed, sources, statuses, score range,
// company, feature, tags, dates) turned into SQL, counted, and read a window at a time.
struct FeedbackFilter
{
    enum class Feature { Any, Linked, Unlinked };

    QString text; // words, each a prefix, accents and case ignored; read literally
    QList<qint64> sourceIds;
    QStringList statuses; // new, triaged, linked, archived
    std::optional<double> minScore;
    std::optional<double> maxScore;
    qint64 companyId = 0;
    Feature feature = Feature::Any;
    qint64 featureId = 0; // with Feature::Linked
    QStringList tags;     // any of them
    QDate from;           // created on or after
    QDate to;             // created on or before

    QJsonObject toJson() const;
    static FeedbackFilter fromJson(const QJsonObject &json);
    bool operator==(const FeedbackFilter &other) const;
};

struct FeedbackFeatureLink
{
    qint64 featureId = 0;
    QString name;
    int importance = 1; // 0..3; -1 when the link came with the data or a linking rule
};

struct FeedbackRow
{
    qint64 id = 0;
    qint64 sourceId = 0;
    QString externalId;
    QString source;
    QString title;
    QString firstLine;
    QString author;
    QString company;
    QVariant score; // null when the item has none
    QString scoreKind;
    QString channel;
    QString createdAt;
    QString status;
    QList<FeedbackFeatureLink> features;
    QStringList tags;
    // With words to search: the title and an extract of the body as HTML, matches in <b>;
    // otherwise empty.
    QString titleHighlight;
    QString bodySnippet;
};

class FeedbackQuery
{
public:
    enum class Sort { Date, Score, Title };

    // Where the next window starts: after the last row read (keyset), so that deep windows
    // cost what the first one does.
    struct Cursor
    {
        QVariant key;
        qint64 id = 0;
        bool started = false;
        bool atEnd = false;
    };

    explicit FeedbackQuery(const FeedbackFilter &filter = FeedbackFilter(), Sort sort = Sort::Date,
                           Qt::SortOrder order = Qt::DescendingOrder);

    const FeedbackFilter &filter() const { return m_filter; }
    Sort sort() const { return m_sort; }
    Qt::SortOrder order() const { return m_order; }

    std::optional<qint64> count(const QSqlDatabase &db, QString *error) const;
    // The ids of the next window, in order; moves cursor past them.
    bool fetchIds(const QSqlDatabase &db, Cursor *cursor, int limit, QList<qint64> *ids,
                  QString *error) const;
    // The inbox's columns for these ids, in the same order (ids gone since are skipped).
    bool rows(const QSqlDatabase &db, const QList<qint64> &ids, QList<FeedbackRow> *rows,
              QString *error) const;
    // Both of the above.
    bool fetch(const QSqlDatabase &db, Cursor *cursor, int limit, QList<FeedbackRow> *rows,
               QString *error) const;
    // A window by position, for callers that jump; slower than a cursor deep down.
    bool fetchAt(const QSqlDatabase &db, qint64 offset, int limit, QList<FeedbackRow> *rows,
                 QString *error) const;

    // Words of typed text, and the FTS5 query matching each as a prefix, every word quoted
    // so that nothing typed is read as an operator.
    // One item's whole body and its link in the source; rows carry only the body's start.
    static bool bodyAndLink(const QSqlDatabase &db, qint64 id, QString *body, QString *url,
                            QString *error);

    // Lower case without accents, as the full-text index compares words.
    static QString fold(const QString &text);
    // text as HTML, each word that starts with one of terms in <b>. Done here rather than by
    // FTS5 highlight(): for rows picked by date, FTS5 re-reads a term's whole posting list for
    // every row (seconds per window on a million items).
    static QString highlight(const QString &text, const QStringList &terms);
    // The same for about `words` words of text around its first match, "…" where cut.
    static QString snippet(const QString &text, const QStringList &terms, int words = 16);

private:
    struct Sql
    {
        QString where;
        QVariantList binds;
        bool hidesDuplicates = false;
    };
    Sql conditions(const QSqlDatabase &db, QString *error) const;
    QString sortKey() const;

    FeedbackFilter m_filter;
    Sort m_sort;
    Qt::SortOrder m_order;
    QStringList m_terms;
    mutable std::optional<qint64> m_matches; // items matching the words, once counted
};
