#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QSqlDatabase>

#include <optional>

// The activity feed, newest first: what happened, from where, and which triggers fired.
// Rows are read off the UI thread with load() and handed over with setEntries().
class ActivityModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { When, Event, Source, Title, Detail, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, EventRole, LinkRole, TriggerRole };

    struct Entry
    {
        qint64 id = 0;
        QDateTime occurredAt;
        QString hubEvent;
        QString origin;
        QString source;
        QString title;
        QString detail;
        QString link;
        qint64 triggerId = 0;
    };

    explicit ActivityModel(QObject *parent = nullptr);

    // The newest entries (of hubEvent's type when given), at most limit.
    static std::optional<QList<Entry>> load(const QSqlDatabase &db, const QString &hubEvent,
                                            int limit, QString *error);
    void setEntries(const QList<Entry> &entries);
    const Entry &entry(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Entry> m_entries;
};
