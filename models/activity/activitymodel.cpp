#include "activitymodel.h"

#include "hubevent.h"
#include "isodate.h"

#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

ActivityModel::ActivityModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

std::optional<QList<ActivityModel::Entry>>
ActivityModel::load(const QSqlDatabase &db, const QString &hubEvent, int limit, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT a.id, a.occurred_at, a.hub_event, a.origin, coalesce(s.name, ''), a.title, "
        "coalesce(a.detail, ''), coalesce(a.link, ''), coalesce(a.trigger_id, 0) "
        "FROM activity a LEFT JOIN sources s ON s.id = a.source_id "
        "WHERE (coalesce(?, '') = '' OR a.hub_event = ?) ORDER BY a.id DESC LIMIT ?"));
    query.addBindValue(hubEvent);
    query.addBindValue(hubEvent);
    query.addBindValue(limit);
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    QList<Entry> entries;
    while (query.next()) {
        entries.append({query.value(0).toLongLong(), IsoDate::parse(query.value(1).toString()),
                        query.value(2).toString(), query.value(3).toString(),
                        query.value(4).toString(), query.value(5).toString(),
                        query.value(6).toString(), query.value(7).toString(),
                        query.value(8).toLongLong()});
    }
    return entries;
}

void ActivityModel::setEntries(const QList<Entry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int ActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ActivityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case When:
            return QLocale().toString(entry.occurredAt.toLocalTime(), QLocale::ShortFormat);
        case Event:
            return HubEvents::displayName(entry.hubEvent);
        case Source:
            return entry.source.isEmpty() ? tr("—") : entry.source;
        case Title:
            return entry.title;
        case Detail:
            return entry.detail;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Title || index.column() == Detail)
            return entry.detail.isEmpty() ? entry.title : entry.detail;
        if (index.column() == Event)
            return tr("From %1").arg(entry.origin);
        return {};
    case IdRole:
        return entry.id;
    case EventRole:
        return entry.hubEvent;
    case LinkRole:
        return entry.link;
    case TriggerRole:
        return entry.triggerId;
    }
    return {};
}

QVariant ActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When:
        return tr("When");
    case Event:
        return tr("Event");
    case Source:
        return tr("Source");
    case Title:
        return tr("What");
    case Detail:
        return tr("Detail");
    }
    return {};
}
