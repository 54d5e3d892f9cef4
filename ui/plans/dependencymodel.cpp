#include "dependencymodel.h"

#include "ganttmodel.h"

#include <QColor>

using Launch::Dependency;
using Launch::DependencyType;

DependencyModel::DependencyModel(GanttModel *gantt, QObject *parent)
    : QAbstractTableModel(parent)
    , m_gantt(gantt)
    , m_rows(int(gantt->plan().dependencies.size()))
{
    connect(m_gantt, &GanttModel::planChanged, this, &DependencyModel::refresh);
    connect(m_gantt, &GanttModel::modelReset, this, &DependencyModel::refresh);
}

void DependencyModel::refresh()
{
    const int rows = int(m_gantt->plan().dependencies.size());
    if (rows != m_rows) {
        // Adding or removing one is rare and the list is short: start over.
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    if (rows > 0)
        Q_EMIT dataChanged(index(0, 0), index(rows - 1, ColumnCount - 1));
}

int DependencyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int DependencyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DependencyModel::typeName(int type)
{
    switch (DependencyType(type)) {
    case DependencyType::Approval:
        return tr("Approval");
    case DependencyType::Resource:
        return tr("Resource");
    case DependencyType::Timeline:
        return tr("Timeline");
    }
    return QString();
}

int DependencyModel::violatedCount() const
{
    return int(m_gantt->violations().size());
}

QVariant DependencyModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows ||
        index.row() >= m_gantt->plan().dependencies.size())
        return QVariant();
    const Dependency &dependency = m_gantt->plan().dependencies.at(index.row());
    const QString reason = m_gantt->violations().value(dependency.id);
    const bool violated = m_gantt->violations().contains(dependency.id);
    const auto name = [this](int itemId) {
        const Launch::PlanItem *item = m_gantt->plan().item(itemId);
        return item ? item->name : tr("(missing item %1)").arg(itemId);
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case From:
            return name(dependency.fromId);
        case To:
            return name(dependency.toId);
        case Type:
            return typeName(int(dependency.type));
        case Status:
            return violated ? tr("Violated: %1").arg(reason) : tr("OK");
        }
        return QVariant();
    case Qt::ToolTipRole:
        return violated ? reason : dependency.description;
    case Qt::ForegroundRole:
        if (violated && index.column() == Status)
            return QColor(0xd9, 0x3f, 0x3f);
        return QVariant();
    case DependencyIdRole:
        return dependency.id;
    case ViolatedRole:
        return violated;
    case ReasonRole:
        return reason;
    case TypeRole:
        return int(dependency.type);
    }
    return QVariant();
}

QVariant DependencyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case From:
        return tr("From");
    case To:
        return tr("To");
    case Type:
        return tr("Type");
    case Status:
        return tr("Status");
    }
    return QVariant();
}
