#pragma once

#include <QColor>

class QChart;
class QAbstractAxis;
class QWidget;

// One look for every chart of the page, taken from the application palette so that charts
// follow light and dark mode: no grey Qt Charts background, faint gridlines, readable text.
namespace ChartStyle {

void apply(QChart *chart, const QWidget *context);
void applyAxis(QAbstractAxis *axis, const QWidget *context);
// Colours for series in order, chosen to stay apart and readable on both backgrounds.
QColor seriesColor(int index);

} // namespace ChartStyle
