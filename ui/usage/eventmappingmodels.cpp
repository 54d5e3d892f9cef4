#include "eventmappingmodels.h"

#include <QLocale>

void MappedEventsModel::setEntries(const QList<EventMapping::Entry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

const EventMapping::Entry *MappedEventsModel::entry(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_entries.size())
        return nullptr;
    return &m_entries.at(index.row());
}

bool MappedEventsModel::contains(const QString &pattern, qint64 featureId) const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(), [&](const EventMapping::Entry &e) {
        return e.pattern == pattern && e.featureId == featureId;
    });
}

int MappedEventsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int MappedEventsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MappedEventsModel::data(const QModelIndex &index, int role) const
{
    const EventMapping::Entry *e = entry(index);
    if (!e)
        return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case PatternColumn:
            return e->pattern;
        case KindColumn:
            return e->isPattern ? tr("Pattern") : tr("Event");
        case FeatureColumn:
            return e->featureName;
        }
    }
    if (role == Qt::UserRole)
        return e->id;
    return {};
}

QVariant MappedEventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PatternColumn:
        return tr("Event or pattern");
    case KindColumn:
        return tr("Kind");
    case FeatureColumn:
        return tr("Counts as use of");
    }
    return {};
}

void UnmappedEventsModel::setEvents(const QList<EventMapping::Unmapped> &events)
{
    beginResetModel();
    m_events = events;
    endResetModel();
}

QString UnmappedEventsModel::eventName(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_events.size())
        return {};
    return m_events.at(index.row()).eventName;
}

int UnmappedEventsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int UnmappedEventsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UnmappedEventsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_events.size())
        return {};
    const EventMapping::Unmapped &event = m_events.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case EventColumn:
            return event.eventName;
        case EventsColumn:
            return QLocale().toString(event.events);
        case UsersColumn:
            return QLocale().toString(event.users);
        case LastDayColumn:
            return event.lastDay;
        }
    }
    if (role == Qt::TextAlignmentRole &&
        (index.column() == EventsColumn || index.column() == UsersColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == EventColumn)
        return tr("Double-click to map %1 to a feature").arg(event.eventName);
    return {};
}

QVariant UnmappedEventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case EventColumn:
        return tr("Event");
    case EventsColumn:
        return tr("Events");
    case UsersColumn:
        return tr("Users");
    case LastDayColumn:
        return tr("Last seen");
    }
    return {};
}
