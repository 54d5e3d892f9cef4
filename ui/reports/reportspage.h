#pragma once

#include "metrics/reports.h"

#include <QDate>
#include <QWidget>

class Banner;
class DrillDownDialog;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class ReportLoader;
class ReportTableModel;
class WindowSelector;
class WorkspaceController;

// Every report as a table, the same as `product-hub report`: chosen by kind and window,
// sortable, opened to its rows with a double-click or Enter, exported to CSV or JSON.
class ReportsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ReportsPage(WorkspaceController *controller, QWidget *parent = nullptr);

    // Reports are computed as of this day (UTC today unless a test sets it).
    void setToday(const QDate &today);
    void setKind(Reports::Kind kind);
    Reports::Kind kind() const;
    ReportTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    DrillDownDialog *drillDownDialog() const { return m_drill; }
    ReportWindow window() const;
    // Writes the shown report; the format follows the file's extension (.csv or .json).
    bool exportTo(const QString &path, QString *error) const;

Q_SIGNALS:
    void loaded();

public Q_SLOTS:
    void reload();

private:
    void openRow(const QModelIndex &index);
    void exportDialog();

    WorkspaceController *m_controller;
    QComboBox *m_kind;
    WindowSelector *m_window;
    QPushButton *m_export;
    QProgressBar *m_busy;
    Banner *m_banner;
    ReportTableModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QTableView *m_view;
    QLabel *m_notes;
    ReportLoader *m_loader;
    DrillDownDialog *m_drill = nullptr;
    QDate m_today;
    ReportWindow m_shownWindow;
};
