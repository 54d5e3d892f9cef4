#include "featureadoptiontable.h"

#include "reporttablemodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

FeatureAdoptionTable::FeatureAdoptionTable(QWidget *parent)
    : QWidget(parent)
    , m_model(new ReportTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
{
    m_model->setHiddenKeys({QStringLiteral("feature_id")});
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ReportTableModel::RawRole);
    m_proxy->setFilterKeyColumn(-1);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 14);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setAccessibleName(tr("Feature adoption table"));
    m_view->setToolTip(tr("Select features to draw their curves; double-click or press Enter "
                          "to see their users"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        QList<qint64> chosen;
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        for (const QModelIndex &index : rows) {
            const int row = m_proxy->mapToSource(index).row();
            chosen.append(m_model->table().value(row, QStringLiteral("feature_id")).toLongLong());
        }
        std::sort(chosen.begin(), chosen.end());
        if (chosen == m_chosen)
            return;
        m_chosen = chosen;
        Q_EMIT choiceChanged();
    });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QModelIndex source = m_proxy->mapToSource(index);
        const QString key = m_model->keyOfColumn(source.column());
        const ReportTable &table = m_model->table();
        Q_EMIT drillDownRequested(
            key == QLatin1String("power_users") ? QStringLiteral("power-users")
                                                : QStringLiteral("active-users"),
            table.value(source.row(), QStringLiteral("feature_id")).toLongLong(),
            table.value(source.row(), QStringLiteral("feature")).toString());
    });
}

void FeatureAdoptionTable::setTable(const ReportTable &table)
{
    QList<qint64> keep;
    QList<qint64> defaults;
    for (int r = 0; r < table.rows.size(); ++r) {
        const qint64 id = table.value(r, QStringLiteral("feature_id")).toLongLong();
        if (m_chosen.contains(id))
            keep.append(id);
        // Rows come most used first.
        if (defaults.size() < DefaultChoice &&
            !table.value(r, QStringLiteral("release_date")).isNull() &&
            table.value(r, QStringLiteral("active_users")).toLongLong() > 0)
            defaults.append(id);
    }
    {
        const QSignalBlocker blocker(m_view->selectionModel());
        m_model->setTable(table);
    }
    m_view->resizeColumnsToContents();
    m_chosen.clear();
    choose(keep.isEmpty() ? defaults : keep);
}

QList<qint64> FeatureAdoptionTable::chosenFeatures() const
{
    return m_chosen;
}

void FeatureAdoptionTable::choose(const QList<qint64> &featureIds)
{
    QItemSelection selection;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (featureIds.contains(
                m_model->table().value(r, QStringLiteral("feature_id")).toLongLong())) {
            const QModelIndex left = m_proxy->mapFromSource(m_model->index(r, 0));
            selection.select(left, left.siblingAtColumn(m_proxy->columnCount() - 1));
        }
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect |
                                                    QItemSelectionModel::Rows);
    // Selecting the same rows again emits nothing; a new table still needs its curves.
    QList<qint64> chosen = featureIds;
    std::sort(chosen.begin(), chosen.end());
    if (chosen != m_chosen) {
        m_chosen = chosen;
        Q_EMIT choiceChanged();
    }
}
