#pragma once

#include "metrics/reporttable.h"

#include <QAbstractTableModel>

// A ReportTable as a read-only table: display text in the user's locale, the report's own
// value under RawRole (for sorting and for comparing with the command line).
class ReportTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role { RawRole = Qt::UserRole + 1, KeyRole };

    explicit ReportTableModel(QObject *parent = nullptr);

    void setTable(const ReportTable &table);
    const ReportTable &table() const { return m_table; }
    // Columns by key that are not shown, such as ids kept only for drilling down.
    void setHiddenKeys(const QStringList &keys);
    // The report's column index of a shown column, or -1.
    QString keyOfColumn(int column) const;
    int columnOfKey(const QString &key) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString format(const QVariant &value, ReportColumn::Kind kind);

private:
    void rebuildColumns();

    ReportTable m_table;
    QStringList m_hidden;
    QList<int> m_shown; // report column of each model column
};
