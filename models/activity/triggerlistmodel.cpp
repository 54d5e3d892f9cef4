#include "triggerlistmodel.h"

#include "isodate.h"

#include <QLocale>

TriggerListModel::TriggerListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TriggerListModel::setTriggers(const QList<Trigger> &triggers, const TriggerNames &names)
{
    beginResetModel();
    m_triggers = triggers;
    m_names = names;
    endResetModel();
}

int TriggerListModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_triggers.size(); ++row) {
        if (m_triggers.at(row).id == id)
            return row;
    }
    return -1;
}

int TriggerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_triggers.size());
}

int TriggerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TriggerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Trigger &trigger = m_triggers.at(index.row());
    if (role == Qt::CheckStateRole && index.column() == Enabled)
        return trigger.enabled ? Qt::Checked : Qt::Unchecked;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Name:
        return trigger.name;
    case Condition:
        return TriggerKinds::describe(trigger, m_names);
    case Enabled:
        return trigger.enabled ? tr("On") : tr("Off");
    case LastFired:
        if (trigger.lastFired.isEmpty())
            return tr("Never");
        return QLocale().toString(IsoDate::parse(trigger.lastFired).toLocalTime(),
                                  QLocale::ShortFormat);
    }
    return {};
}

bool TriggerListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        index.column() != Enabled || role != Qt::CheckStateRole)
        return false;
    const bool enabled = value.toInt() == Qt::Checked;
    if (enabled != m_triggers.at(index.row()).enabled)
        Q_EMIT toggleRequested(m_triggers.at(index.row()), enabled);
    return false; // the change comes back with the next setTriggers()
}

Qt::ItemFlags TriggerListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Enabled)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant TriggerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Trigger");
    case Condition:
        return tr("When");
    case Enabled:
        return tr("On");
    case LastFired:
        return tr("Last fired");
    }
    return {};
}
