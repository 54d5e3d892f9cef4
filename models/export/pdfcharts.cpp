#include "pdfcharts.h"

#include "pdfstyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace PdfCharts {
namespace {

QString plain(double value)
{
    return value == std::floor(value) ? QString::number(qint64(value))
                                      : QString::number(value, 'f', 1);
}

void text(QPainter *painter, const QFont &font, const QColor &color, const QPointF &baseline,
          const QString &line)
{
    painter->setFont(font);
    painter->setPen(color);
    painter->drawText(baseline, line);
}

// Legend entries laid out in rows under the plot; returns the height used.
qreal legend(QPainter *painter, const QRectF &area, qreal pt, const QList<Series> &series,
             bool draw)
{
    const QFont font = PdfStyle::font(PdfStyle::small);
    const QFontMetricsF metrics(font, painter->device());
    const QList<QColor> colors = PdfStyle::series();
    qreal x = area.left();
    qreal y = area.top();
    const qreal swatch = 14 * pt;
    for (qsizetype i = 0; i < series.size(); ++i) {
        const QString name =
            metrics.elidedText(series.at(i).name, Qt::ElideRight, area.width() / 2);
        const qreal width = swatch + 4 * pt + metrics.horizontalAdvance(name) + 14 * pt;
        if (x + width > area.right() && x > area.left()) {
            x = area.left();
            y += metrics.lineSpacing() + 2 * pt;
        }
        if (draw) {
            const qreal mid = y + metrics.lineSpacing() / 2;
            painter->setPen(QPen(colors.at(i % colors.size()), 2 * pt));
            painter->drawLine(QPointF(x, mid), QPointF(x + swatch, mid));
            text(painter, font, PdfStyle::ink, QPointF(x + swatch + 4 * pt, y + metrics.ascent()),
                 name);
        }
        x += width;
    }
    return y - area.top() + metrics.lineSpacing();
}

} // namespace

QList<double> ticks(double low, double high, int count)
{
    if (high <= low)
        high = low + 1;
    const double raw = (high - low) / qMax(1, count);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (const double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        step = factor * magnitude;
        if (step >= raw)
            break;
    }
    QList<double> values;
    for (double v = std::floor(low / step) * step; v < high + step * 0.999; v += step)
        values.append(std::abs(v) < step * 1e-9 ? 0.0 : v);
    return values;
}

void paint(QPainter *painter, const QRectF &area, qreal pt, const LineChart &chart)
{
    const QFont font = PdfStyle::font(PdfStyle::small);
    const QFontMetricsF metrics(font, painter->device());
    const auto xLabel = chart.xLabel ? chart.xLabel : plain;
    const auto yLabel = chart.yLabel ? chart.yLabel : plain;

    double xMin = 0;
    double xMax = 1;
    double yMax = chart.yMinimumTop;
    bool first = true;
    for (const Series &series : chart.series) {
        for (const QPointF &point : series.points) {
            xMin = first ? point.x() : qMin(xMin, point.x());
            xMax = first ? point.x() : qMax(xMax, point.x());
            yMax = qMax(yMax, point.y());
            first = false;
        }
    }
    if (xMax <= xMin)
        xMax = xMin + 1;
    const QList<double> yTicks = ticks(0, yMax > 0 ? yMax : 1, 5);
    const double yTop = yTicks.last();
    const QList<double> xTicks = ticks(xMin, xMax, 8);

    qreal labelWidth = 0;
    for (const double tick : yTicks)
        labelWidth = qMax(labelWidth, metrics.horizontalAdvance(yLabel(tick)));
    const qreal legendHeight = legend(painter, QRectF(area.left(), 0, area.width(), area.height()),
                                      pt, chart.series, false);
    const qreal titleHeight = metrics.lineSpacing() + 4 * pt;
    QRectF plot = area.adjusted(labelWidth + 8 * pt, titleHeight + 2 * pt, -8 * pt,
                                -(2 * metrics.lineSpacing() + 10 * pt + legendHeight + 8 * pt));

    text(painter, font, PdfStyle::muted, QPointF(area.left(), area.top() + metrics.ascent()),
         chart.yTitle);
    const auto toX = [&](double x) {
        return plot.left() + (x - xTicks.first()) / (xTicks.last() - xTicks.first()) * plot.width();
    };
    const auto toY = [&](double y) {
        return plot.bottom() - y / yTop * plot.height();
    };

    painter->setRenderHint(QPainter::Antialiasing);
    for (const double tick : yTicks) {
        const qreal y = toY(tick);
        painter->setPen(
            QPen(tick == 0 ? PdfStyle::muted : PdfStyle::rule, (tick == 0 ? 0.8 : 0.5) * pt));
        painter->drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        const QString label = yLabel(tick);
        text(painter, font, PdfStyle::muted,
             QPointF(plot.left() - 6 * pt - metrics.horizontalAdvance(label),
                     y + metrics.ascent() / 2 - metrics.descent() / 2),
             label);
    }
    for (const double tick : xTicks) {
        const qreal x = toX(tick);
        painter->setPen(QPen(PdfStyle::muted, 0.6 * pt));
        painter->drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3 * pt));
        const QString label = xLabel(tick);
        const qreal width = metrics.horizontalAdvance(label);
        const qreal left = qBound(area.left(), x - width / 2, area.right() - width);
        text(painter, font, PdfStyle::muted,
             QPointF(left, plot.bottom() + 5 * pt + metrics.ascent()), label);
    }
    const qreal xTitleY = plot.bottom() + 5 * pt + metrics.lineSpacing() + 3 * pt;
    text(painter, font, PdfStyle::muted,
         QPointF(plot.center().x() - metrics.horizontalAdvance(chart.xTitle) / 2,
                 xTitleY + metrics.ascent()),
         chart.xTitle);

    const QList<QColor> colors = PdfStyle::series();
    painter->save();
    painter->setClipRect(plot.adjusted(-2 * pt, -2 * pt, 2 * pt, 2 * pt));
    for (qsizetype i = 0; i < chart.series.size(); ++i) {
        const Series &series = chart.series.at(i);
        if (series.points.isEmpty())
            continue;
        QPainterPath path(QPointF(toX(series.points.first().x()), toY(series.points.first().y())));
        for (const QPointF &point : series.points)
            path.lineTo(toX(point.x()), toY(point.y()));
        QPen pen(colors.at(i % colors.size()), 1.6 * pt);
        pen.setJoinStyle(Qt::RoundJoin);
        pen.setCapStyle(Qt::RoundCap);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(path);
    }
    painter->restore();
    legend(painter,
           QRectF(area.left() + labelWidth + 8 * pt, xTitleY + metrics.lineSpacing() + 8 * pt,
                  area.width() - labelWidth - 8 * pt, legendHeight),
           pt, chart.series, true);
}

void paint(QPainter *painter, const QRectF &area, qreal pt, const BarChart &chart)
{
    const QFont font = PdfStyle::font(PdfStyle::small);
    const QFontMetricsF metrics(font, painter->device());
    const auto valueLabel = chart.valueLabel ? chart.valueLabel : plain;
    double top = 0;
    for (const double value : chart.values)
        top = qMax(top, value);
    const QList<double> tickValues = ticks(0, top > 0 ? top : 1, 5);
    const double axisTop = tickValues.last();

    qreal labelWidth = 0;
    for (const QString &label : chart.labels)
        labelWidth = qMax(labelWidth, metrics.horizontalAdvance(label));
    labelWidth = qMin(labelWidth, area.width() * 0.32);
    qreal valueWidth = 0;
    for (const double value : chart.values)
        valueWidth = qMax(valueWidth, metrics.horizontalAdvance(valueLabel(value)));
    const QRectF plot = area.adjusted(labelWidth + 10 * pt, 0, -(valueWidth + 8 * pt),
                                      -(2 * metrics.lineSpacing() + 10 * pt));
    const qsizetype count = chart.values.size();
    const qreal band = count > 0 ? plot.height() / count : plot.height();
    const qreal bar = qMin(band * 0.62, 16 * pt);
    const auto toX = [&](double value) {
        return plot.left() + value / axisTop * plot.width();
    };

    for (const double tick : tickValues) {
        const qreal x = toX(tick);
        painter->setPen(
            QPen(tick == 0 ? PdfStyle::muted : PdfStyle::rule, (tick == 0 ? 0.8 : 0.5) * pt));
        painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        const QString label = valueLabel(tick);
        const qreal width = metrics.horizontalAdvance(label);
        text(painter, font, PdfStyle::muted,
             QPointF(qMin(x - width / 2, area.right() - width),
                     plot.bottom() + 4 * pt + metrics.ascent()),
             label);
    }
    text(painter, font, PdfStyle::muted,
         QPointF(plot.center().x() - metrics.horizontalAdvance(chart.valueTitle) / 2,
                 plot.bottom() + 6 * pt + metrics.lineSpacing() + metrics.ascent()),
         chart.valueTitle);
    for (qsizetype i = 0; i < count; ++i) {
        const qreal mid = plot.top() + band * (i + 0.5);
        const QString label = metrics.elidedText(chart.labels.value(i), Qt::ElideRight, labelWidth);
        text(painter, font, PdfStyle::ink,
             QPointF(plot.left() - 8 * pt - metrics.horizontalAdvance(label),
                     mid + metrics.ascent() / 2 - metrics.descent() / 2),
             label);
        const double value = chart.values.at(i);
        const QRectF rect(plot.left(), mid - bar / 2, qMax(0.0, toX(value) - plot.left()), bar);
        painter->fillRect(rect, PdfStyle::accent);
        text(painter, font, PdfStyle::ink,
             QPointF(rect.right() + 4 * pt, mid + metrics.ascent() / 2 - metrics.descent() / 2),
             valueLabel(value));
    }
}

} // namespace PdfCharts
