#pragma once

#include "trigger.h"

#include <QAbstractTableModel>

// The user's triggers as a table: name, condition, on/off, last firing. Checking "On" does
// not change the trigger itself but asks for it (toggleRequested), so the change can go
// through an undoable command.
class TriggerListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Condition, Enabled, LastFired, ColumnCount };

    explicit TriggerListModel(QObject *parent = nullptr);

    void setTriggers(const QList<Trigger> &triggers, const TriggerNames &names = {});
    const QList<Trigger> &triggers() const { return m_triggers; }
    const Trigger &trigger(int row) const { return m_triggers.at(row); }
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void toggleRequested(const Trigger &trigger, bool enabled);

private:
    QList<Trigger> m_triggers;
    TriggerNames m_names;
};
