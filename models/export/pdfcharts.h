#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <functional>

class QPainter;

// Charts drawn as vector graphics on any painter (a PDF page, a printer): axes with round
// ticks, light grid lines, a legend. Sizes are given in points and scaled by pt, the
// device pixels per point.
namespace PdfCharts {

struct Series
{
    QString name;
    QList<QPointF> points; // x ascending
};

struct LineChart
{
    QString xTitle;
    QString yTitle;
    QList<Series> series;
    // Tick labels; plain numbers when unset.
    std::function<QString(double)> xLabel;
    std::function<QString(double)> yLabel;
    // The y axis starts at 0 and ends at least here.
    double yMinimumTop = 0;
};

struct BarChart
{
    QString valueTitle;
    QStringList labels;
    QList<double> values; // one per label, drawn as horizontal bars from 0
    std::function<QString(double)> valueLabel;
};

void paint(QPainter *painter, const QRectF &area, qreal pt, const LineChart &chart);
void paint(QPainter *painter, const QRectF &area, qreal pt, const BarChart &chart);

// Round tick values covering 0..top (or min..max): about `count` of them.
QList<double> ticks(double low, double high, int count);

} // namespace PdfCharts
