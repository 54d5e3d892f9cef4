#pragma once

#include "metrics/reporttable.h"

#include <QDate>
#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QStackedLayout;

// Adoption curves of chosen features: the cumulative adoption rate at the end of each
// period, with the release marked and the current, incomplete period dashed.
class AdoptionCurveChart : public QWidget
{
    Q_OBJECT
public:
    enum class XAxis { DaysSinceRelease, CalendarDate };

    struct Curve
    {
        qint64 featureId = 0;
        QString feature;
        QDate release; // may be invalid: the curve then starts at the first use
        ReportTable table;
    };

    explicit AdoptionCurveChart(QWidget *parent = nullptr);

    // today decides the end of the last, still running period.
    void setCurves(const QList<Curve> &curves, bool weekly, const QDate &today);
    void setXAxis(XAxis axis);
    XAxis xAxis() const { return m_axis; }
    void setEmptyText(const QString &text);

    QChart *chart() const { return m_chart; }
    // The solid line of complete periods and the dashed line into the incomplete one.
    QLineSeries *completeSeries(qint64 featureId) const;
    QLineSeries *incompleteSeries(qint64 featureId) const;

Q_SIGNALS:
    // The users counted at that point: the feature's users from start to end.
    void pointClicked(qint64 featureId, const QDate &start, const QDate &end);

private:
    struct Point
    {
        QDate period;
        QDate end;
        qint64 users;
        qint64 productUsers;
        double rate;
    };
    struct Plotted
    {
        Curve curve;
        QDate start;
        QList<Point> points;
        QLineSeries *complete = nullptr;
        QLineSeries *incomplete = nullptr;
    };

    void rebuild();
    qreal xOf(const Plotted &plotted, const QDate &day) const;
    const Point *pointNear(const Plotted &plotted, const QPointF &value) const;
    QString tooltip(const Plotted &plotted, const Point &point) const;

    QChart *m_chart;
    QChartView *m_view;
    QLabel *m_empty;
    QStackedLayout *m_stack;
    QList<Plotted> m_plotted;
    bool m_weekly = false;
    QDate m_today;
    XAxis m_axis = XAxis::DaysSinceRelease;
};
