#pragma once

#include <QAbstractTableModel>

class GanttModel;

// The dependencies of the plan a GanttModel holds, one row each, with whether the plan's
// dates break them and why. Follows the Gantt model as it changes.
class DependencyModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { From, To, Type, Status, ColumnCount };
    enum Role { DependencyIdRole = Qt::UserRole + 1, ViolatedRole, ReasonRole, TypeRole };

    explicit DependencyModel(GanttModel *gantt, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    int violatedCount() const;
    static QString typeName(int type);

private:
    void refresh();

    GanttModel *m_gantt;
    int m_rows = 0;
};
