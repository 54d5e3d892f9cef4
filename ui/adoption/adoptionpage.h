#pragma once

#include "adoptioncurvechart.h"
#include "drilldowndialog.h"
#include "metrics/reportwindow.h"

#include <QDate>
#include <QMap>
#include <QPointer>
#include <QWidget>

class AdoptionSummaryCards;
class Banner;
class FeatureAdoptionTable;
class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QScrollArea;
class ReportLoader;
class RoiPanel;
class WindowSelector;
class WorkspaceController;

// The Adoption dashboard: adoption curves of chosen features, the feature-adoption ROI, and
// satisfaction, velocity and validation at a glance; every figure opens to its rows. The
// reports run off the UI thread; the previous figures stay until new ones arrive.
class AdoptionPage : public QWidget
{
    Q_OBJECT
public:
    explicit AdoptionPage(WorkspaceController *controller, QWidget *parent = nullptr);

    // The day the reports treat as today (UTC by default, as on the command line).
    void setToday(const QDate &today);
    QDate today() const;
    ReportWindow window() const;
    void setWeekly(bool weekly);
    void setXAxis(AdoptionCurveChart::XAxis axis);

    WindowSelector *windowSelector() const { return m_window; }
    FeatureAdoptionTable *adoptionTable() const { return m_adoption; }
    AdoptionCurveChart *curveChart() const { return m_curves; }
    RoiPanel *roiPanel() const { return m_roi; }
    AdoptionSummaryCards *cards() const { return m_cards; }
    DrillDownDialog *drillDownDialog() const { return m_drill; }
    bool isLoading() const;

public Q_SLOTS:
    void reload();
    void openDrillDown(const QString &figure, const QString &key, const QString &label,
                       const ReportWindow &window);

Q_SIGNALS:
    // Every report asked for has arrived (or failed).
    void loaded();
    // A chart was drawn with data for the first time since the workspace opened.
    void firstChartShown();

private:
    void requestCurves();
    void showCurves();
    void onLoaded(const QString &name, const ReportTable &table);
    void onFailed(const QString &name, const QString &error);
    void chartDrawn();
    void showEmptyState(const QString &text);

    WorkspaceController *m_controller;
    ReportLoader *m_loader;
    QLabel *m_title;
    WindowSelector *m_window;
    QCheckBox *m_weekly;
    QComboBox *m_axis;
    QProgressBar *m_busy;
    Banner *m_banner;
    QLabel *m_empty;
    QScrollArea *m_scroll;
    AdoptionSummaryCards *m_cards;
    FeatureAdoptionTable *m_adoption;
    AdoptionCurveChart *m_curves;
    RoiPanel *m_roi;
    QPointer<DrillDownDialog> m_drill;
    QDate m_today;
    ReportWindow m_shownWindow;
    QMap<qint64, ReportTable> m_curveTables;
    bool m_chartShown = false;
};
