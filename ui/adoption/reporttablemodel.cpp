#include "reporttablemodel.h"

#include <QDate>
#include <QLocale>

ReportTableModel::ReportTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ReportTableModel::setTable(const ReportTable &table)
{
    beginResetModel();
    m_table = table;
    rebuildColumns();
    endResetModel();
}

void ReportTableModel::setHiddenKeys(const QStringList &keys)
{
    beginResetModel();
    m_hidden = keys;
    rebuildColumns();
    endResetModel();
}

void ReportTableModel::rebuildColumns()
{
    m_shown.clear();
    for (int c = 0; c < m_table.columns.size(); ++c) {
        if (!m_hidden.contains(m_table.columns.at(c).key))
            m_shown.append(c);
    }
}

QString ReportTableModel::keyOfColumn(int column) const
{
    return column >= 0 && column < m_shown.size() ? m_table.columns.at(m_shown.at(column)).key
                                                  : QString();
}

int ReportTableModel::columnOfKey(const QString &key) const
{
    for (int c = 0; c < m_shown.size(); ++c) {
        if (m_table.columns.at(m_shown.at(c)).key == key)
            return c;
    }
    return -1;
}

int ReportTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.rows.size());
}

int ReportTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

QString ReportTableModel::format(const QVariant &value, ReportColumn::Kind kind)
{
    if (!value.isValid() || value.isNull())
        return QString();
    const QLocale locale;
    switch (kind) {
    case ReportColumn::Kind::Integer:
        return locale.toString(value.toLongLong());
    case ReportColumn::Kind::Number:
        return locale.toString(value.toDouble(), 'f', 1);
    case ReportColumn::Kind::Percent:
        return locale.toString(value.toDouble(), 'f', 1) + locale.percent();
    case ReportColumn::Kind::Money:
        return locale.toString(value.toDouble(), 'f', 0);
    case ReportColumn::Kind::Date: {
        const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
        return date.isValid() ? locale.toString(date, QLocale::ShortFormat) : value.toString();
    }
    case ReportColumn::Kind::Text:
        break;
    }
    return value.toString();
}

QVariant ReportTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const int column = m_shown.at(index.column());
    const ReportColumn &info = m_table.columns.at(column);
    const QVariant value = m_table.rows.at(index.row()).value(column);
    switch (role) {
    case Qt::DisplayRole:
        return format(value, info.kind);
    case Qt::ToolTipRole:
        if (info.kind == ReportColumn::Kind::Number || info.kind == ReportColumn::Kind::Percent ||
            info.kind == ReportColumn::Kind::Money)
            return value.isNull() ? QVariant()
                                  : QVariant(info.title + QStringLiteral(": ") +
                                             QLocale().toString(value.toDouble(), 'g', 12));
        return QVariant();
    case Qt::TextAlignmentRole:
        if (info.kind == ReportColumn::Kind::Text || info.kind == ReportColumn::Kind::Date)
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case RawRole:
        return value;
    case KeyRole:
        return info.key;
    default:
        return QVariant();
    }
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_shown.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    const ReportColumn &info = m_table.columns.at(m_shown.at(section));
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
        return info.title;
    if (role == KeyRole)
        return info.key;
    if (role == Qt::TextAlignmentRole)
        return (info.kind == ReportColumn::Kind::Text || info.kind == ReportColumn::Kind::Date)
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return QVariant();
}
