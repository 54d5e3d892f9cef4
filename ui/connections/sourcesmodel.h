#pragma once

#include "connections/connectionsservice.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QHash>
#include <QSet>

// The sources of a workspace, each with its streams as children: status, last sync, records,
// the service's own error and the progress of a running sync.
class SourcesModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        StatusColumn,
        LastSyncColumn,
        RecordsColumn,
        ProgressColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role {
        SourceIdRole = Qt::UserRole + 1,
        StreamRole,    // empty on a source row
        StatusKeyRole, // ok, partial, failed, rate_limited, cancelled, running, never, demo
        ProgressRole,  // 0..100 while syncing, -1 when idle, -2 busy without a known end
    };

    explicit SourcesModel(QObject *parent = nullptr);

    void setSources(const QList<ConnectionSource> &sources);
    QModelIndex indexOf(qint64 sourceId, const QString &stream = QString(), int column = 0) const;

    // Live updates from a running sync.
    void syncStarted(const QList<qint64> &sourceIds);
    void streamStarted(qint64 sourceId, const QString &stream);
    void streamProgress(qint64 sourceId, const QString &stream, qint64 records);
    void streamFinished(qint64 sourceId, const QString &stream, const QString &status,
                        qint64 records, const QString &error, const QDateTime &resumeAt);
    void syncRefused(qint64 sourceId, const QString &error);
    void syncFinished();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct StreamRow
    {
        QString name;
        QString title;
        StreamStatus stored;
        bool running = false;
        bool finishedNow = false; // finished in this session's sync: live values win
        QString liveStatus;
        qint64 liveRecords = 0;
        QString liveError;
        QDateTime liveResumeAt;
    };
    struct SourceRow
    {
        ConnectionSource source;
        QList<StreamRow> streams;
        bool syncing = false;
        QString refusal;
    };

    QVariant sourceData(const SourceRow &row, int column, int role) const;
    QVariant streamData(const StreamRow &stream, int column, int role) const;
    static QString statusKey(const StreamRow &stream);
    static QString sourceStatusKey(const SourceRow &row);
    static QString statusText(const QString &key, const QDateTime &resumeAt);
    static QDateTime resumeAt(const StreamRow &stream);
    int sourceRow(qint64 sourceId) const;
    int streamRow(const SourceRow &row, const QString &stream) const;
    void changed(int sourceRow, int streamRow = -1);

    QList<SourceRow> m_rows;
};
