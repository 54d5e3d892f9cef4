#pragma once

#include "usage/eventmapping.h"

#include <QAbstractTableModel>

// The mapping entries, as a table: event name or pattern, kind, feature.
class MappedEventsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { PatternColumn, KindColumn, FeatureColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setEntries(const QList<EventMapping::Entry> &entries);
    const EventMapping::Entry *entry(const QModelIndex &index) const;
    // True when an entry already maps this text to this feature.
    bool contains(const QString &pattern, qint64 featureId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<EventMapping::Entry> m_entries;
};

// The event names stored that no entry maps, most frequent first: what is left to map.
class UnmappedEventsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { EventColumn, EventsColumn, UsersColumn, LastDayColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setEvents(const QList<EventMapping::Unmapped> &events);
    QString eventName(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<EventMapping::Unmapped> m_events;
};
