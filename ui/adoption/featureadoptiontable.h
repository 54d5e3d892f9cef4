#pragma once

#include "metrics/reporttable.h"

#include <QWidget>

class QItemSelectionModel;
class QSortFilterProxyModel;
class QTableView;
class ReportTableModel;

// The feature-adoption report as a sortable table; the selected features are the ones whose
// curves are drawn.
class FeatureAdoptionTable : public QWidget
{
    Q_OBJECT
public:
    static constexpr int DefaultChoice = 3;

    explicit FeatureAdoptionTable(QWidget *parent = nullptr);

    // Keeps the chosen features that are still there; otherwise chooses the most used
    // released features.
    void setTable(const ReportTable &table);
    QList<qint64> chosenFeatures() const;
    void choose(const QList<qint64> &featureIds);

    ReportTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }

Q_SIGNALS:
    void choiceChanged();
    void drillDownRequested(const QString &figure, qint64 featureId, const QString &feature);

private:
    ReportTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QList<qint64> m_chosen;
};
