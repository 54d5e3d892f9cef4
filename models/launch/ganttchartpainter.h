#pragma once

#include "launch/launchplan.h"

#include <QColor>
#include <QDate>
#include <QFont>
#include <QHash>
#include <QList>
#include <QPainterPath>
#include <QRectF>
#include <QSet>

class QPainter;
class QPalette;

namespace Launch {

// Maps days to horizontal pixels for a timeline, and names the header's units at each zoom.
class TimeScale
{
public:
    enum class Zoom { Days, Weeks, Months, Quarters };
    enum class Unit { Day, Week, Month, Quarter, Year };

    TimeScale() = default;
    TimeScale(const QDate &origin, Zoom zoom);

    QDate origin() const { return m_origin; }
    void setOrigin(const QDate &origin) { m_origin = origin; }
    Zoom zoom() const { return m_zoom; }
    void setZoom(Zoom zoom);
    double dayWidth() const { return m_dayWidth; }
    // For pages: any width, with the units of the nearest zoom level.
    void fitDays(qint64 days, double width);

    // The left edge of date's day.
    double x(const QDate &date) const { return double(m_origin.daysTo(date)) * m_dayWidth; }
    // The day under x.
    QDate dateAt(double x) const;
    // A horizontal distance as a whole number of days, rounded to the nearest.
    int days(double dx) const;

    Unit lowerUnit() const;
    Unit upperUnit() const;
    static QDate unitStart(const QDate &date, Unit unit);
    static QDate nextUnit(const QDate &start, Unit unit);
    // The label of the unit starting at start, short enough for width pixels.
    QString label(const QDate &start, Unit unit, double width) const;

    static double dayWidthFor(Zoom zoom);
    static Zoom zoomIn(Zoom zoom);
    static Zoom zoomOut(Zoom zoom);

private:
    QDate m_origin = QDate(2000, 1, 1);
    Zoom m_zoom = Zoom::Days;
    double m_dayWidth = dayWidthFor(Zoom::Days);
};

// Colours and sizes of a chart; fromPalette follows the application's light or dark theme.
struct GanttChartStyle
{
    QFont font;
    int rowHeight = 30;
    int headerHeight = 44;
    QColor background;
    QColor phaseBand;
    QColor grid;
    QColor gridStrong;
    QColor weekend;
    QColor text;
    QColor mutedText;
    QColor barFill;
    QColor barProgress;
    QColor barBorder;
    QColor criticalFill;
    QColor criticalProgress;
    QColor phase;
    QColor milestone;
    QColor criticalMilestone;
    QColor dependency;
    QColor violated;
    QColor today;
    QColor baseline;
    QColor selection;
    QColor headerBackground;

    static GanttChartStyle fromPalette(const QPalette &palette, bool dark, const QColor &accent);
};

// What a chart shows: a plan, the items in row order, and the schedule's analysis.
struct GanttChartContent
{
    const LaunchPlan *plan = nullptr;
    QList<int> rows;                // item ids, top to bottom
    QHash<int, QString> violations; // dependency id -> reason
    QSet<int> criticalPath;         // item ids
    QDate today;
    int selectedItem = 0;
    int hoveredDependency = 0;
};

// Paints a Gantt chart (bars, milestones, phase brackets, dependency arrows, weekends, today,
// baselines, critical path) on any QPainter: the editor's viewport and the PDF pages alike.
// Chart coordinates: x from a TimeScale, y = row * rowHeight.
class GanttChartPainter
{
public:
    void setContent(const GanttChartContent &content);
    const GanttChartContent &content() const { return m_content; }
    void setStyle(const GanttChartStyle &style) { m_style = style; }
    const GanttChartStyle &style() const { return m_style; }

    int rowCount() const { return int(m_content.rows.size()); }
    int rowOf(int itemId) const { return m_rowOf.value(itemId, -1); }
    const PlanItem *itemAt(int row) const;
    // The item's bar (a milestone's diamond) in chart coordinates.
    QRectF barRect(int row, const TimeScale &scale) const;
    QPainterPath dependencyPath(const Dependency &dependency, const TimeScale &scale) const;
    // The dependency whose arrow passes within tolerance of point; 0 for none.
    int dependencyAt(const QPointF &point, const TimeScale &scale, double tolerance) const;

    // Paints what lies in exposed (chart coordinates) with the painter set up for chart
    // coordinates.
    void paintChart(QPainter &painter, const TimeScale &scale, const QRectF &exposed) const;
    // Paints the two-line time header for the chart's x range [left, right] into a band of
    // style().headerHeight starting at y = 0 (painter in chart x coordinates).
    void paintHeader(QPainter &painter, const TimeScale &scale, double left, double right) const;
    // Paints the item names of rows [firstRow, lastRow] into rect (for pages).
    void paintRowLabels(QPainter &painter, const QRectF &rect, int firstRow, int lastRow) const;
    // Paints days [from, to] and rows [firstRow, lastRow] with their header into target, as a
    // page does; rows that do not fit in the target's height are left out (see rowsFitting).
    void paintRange(QPainter &painter, const QRectF &target, const QDate &from, const QDate &to,
                    int firstRow, int lastRow) const;
    int rowsFitting(double height) const;

private:
    void paintBackground(QPainter &painter, const TimeScale &scale, const QRectF &exposed,
                         int firstRow, int lastRow) const;
    void paintItem(QPainter &painter, const TimeScale &scale, int row) const;
    void paintDependencies(QPainter &painter, const TimeScale &scale, const QRectF &exposed,
                           int firstRow, int lastRow) const;
    void paintToday(QPainter &painter, const TimeScale &scale, const QRectF &exposed) const;

    GanttChartContent m_content;
    GanttChartStyle m_style;
    QHash<int, int> m_rowOf;
    QHash<int, int> m_itemIndex;
};

} // namespace Launch
