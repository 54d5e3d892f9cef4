#pragma once

#include "metrics/reporttable.h"

#include <QDialog>

class Banner;
class QLabel;
class QProgressBar;
class QTableView;
class ReportTableModel;

// The rows behind one figure of the dashboard, as Reports::drillDown() lists them.
class DrillDownDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DrillDownDialog(QWidget *parent = nullptr);

    void setLoading(const QString &title);
    void setTable(const ReportTable &table);
    void setError(const QString &message);
    ReportTableModel *model() const { return m_model; }
    bool isLoading() const;

private:
    QLabel *m_title;
    QProgressBar *m_busy;
    Banner *m_banner;
    ReportTableModel *m_model;
    QTableView *m_view;
    QLabel *m_count;
};
