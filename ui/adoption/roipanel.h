#pragma once

#include "metrics/reporttable.h"

#include <QWidget>

class QChart;
class QChartView;
class QHorizontalBarSeries;
class QLabel;
class QSortFilterProxyModel;
class QStackedLayout;
class QTableView;
class ReportTableModel;

// The feature-adoption ROI: a bar chart of the revenue associated with each feature released
// in the window beside the sortable table of every figure.
class RoiPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int MaxBars = 12;

    explicit RoiPanel(QWidget *parent = nullptr);

    void setTable(const ReportTable &table);
    ReportTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QChart *chart() const { return m_chart; }
    QHorizontalBarSeries *bars() const { return m_bars; }
    // The feature of each bar, top bar last as Qt Charts draws them.
    QList<qint64> barFeatures() const { return m_barFeatures; }
    void activateBar(int index);

Q_SIGNALS:
    // figure as Reports::drillDown() names them.
    void drillDownRequested(const QString &figure, qint64 featureId, const QString &feature);

private:
    void rebuildChart();
    void openRow(const QModelIndex &proxyIndex);

    ReportTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QChart *m_chart;
    QChartView *m_chartView;
    QLabel *m_empty;
    QStackedLayout *m_chartStack;
    QLabel *m_count;
    QHorizontalBarSeries *m_bars = nullptr;
    QList<qint64> m_barFeatures;
};
