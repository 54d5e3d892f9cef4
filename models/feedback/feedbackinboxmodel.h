#pragma once

#include "feedbackquery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSqlDatabase>

// The feedback inbox as a table, read a window at a time as the view scrolls. It keeps only
// the ids of the rows read so far (8 bytes each) and the columns of a few windows around
// what is shown, so scrolling through a million items stays within a few megabytes.
class FeedbackInboxModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Source,
        Title,
        Body,
        Author,
        Company,
        Score,
        Channel,
        Created,
        Status,
        Features,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleHighlightRole, // HTML, matches of the words searched in <b>
        BodySnippetRole,    // HTML
        StatusRole,
        ScoreKindRole,
        FeatureIdsRole,   // QVariantList of qint64
        TagsRole,         // QStringList
        FeatureLinksRole, // QVariantList of QVariantMap: id, name, importance (-1: from the data)
    };

    // How much a linked item matters to its feature, in words.
    static QString importanceText(int importance);

    explicit FeedbackInboxModel(const QSqlDatabase &db, QObject *parent = nullptr);

    void setQuery(const FeedbackQuery &query);
    const FeedbackQuery &query() const { return m_query; }
    // Rows read per fetchMore(); takes effect at the next reload().
    void setWindowSize(int rows) { m_pendingWindowSize = qMax(1, rows); }
    int windowSize() const { return m_windowSize; }
    // Reads the current filter again from the first window (after a sync or an edit).
    void reload();
    QString lastError() const { return m_error; }
    qint64 feedbackId(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Created, Score and Title sort; other columns keep the current order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // How many windows of columns are kept at most.
    static constexpr int CachedWindows = 8;

Q_SIGNALS:
    void failed(const QString &error);

private:
    const FeedbackRow *rowAt(int row) const;

    QSqlDatabase m_db;
    FeedbackQuery m_query;
    FeedbackQuery::Cursor m_cursor;
    QList<qint64> m_ids;
    int m_windowSize = 200;
    int m_pendingWindowSize = 200;
    bool m_announcing = false;
    mutable QHash<int, QList<FeedbackRow>> m_windows; // by window number
    mutable QList<int> m_recent;                      // window numbers, most recent last
    mutable QString m_error;
};
