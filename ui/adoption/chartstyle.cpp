#include "chartstyle.h"

#include "theme.h"

#include <QAbstractAxis>
#include <QChart>
#include <QWidget>

namespace ChartStyle {

void apply(QChart *chart, const QWidget *context)
{
    const QPalette palette = context->palette();
    chart->setTheme(Theme::isDark() ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundPen(Qt::NoPen);
    chart->setBackgroundRoundness(8);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(palette.color(QPalette::Text));
    QFont title = context->font();
    title.setWeight(QFont::DemiBold);
    chart->setTitleFont(title);
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    chart->legend()->setFont(context->font());
    chart->setMargins(QMargins(8, 8, 8, 8));
    chart->setAnimationOptions(QChart::NoAnimation);
}

void applyAxis(QAbstractAxis *axis, const QWidget *context)
{
    const QPalette palette = context->palette();
    QColor grid = palette.color(QPalette::Text);
    grid.setAlpha(28);
    axis->setGridLineColor(grid);
    axis->setMinorGridLineVisible(false);
    QColor line = palette.color(QPalette::Text);
    line.setAlpha(90);
    axis->setLinePenColor(line);
    axis->setLabelsColor(palette.color(QPalette::Text));
    axis->setTitleBrush(
        palette.color(QPalette::PlaceholderText).darker(Theme::isDark() ? 80 : 120));
    QFont font = context->font();
    axis->setLabelsFont(font);
    axis->setTitleFont(font);
}

QColor seriesColor(int index)
{
    // Mid-saturation hues that keep enough contrast on white and on near-black.
    static const QColor light[] = {QColor(0x4f, 0x5b, 0xd5), QColor(0x0e, 0x9f, 0x6e),
                                   QColor(0xd9, 0x73, 0x06), QColor(0xc0, 0x26, 0x8d),
                                   QColor(0x08, 0x91, 0xb2), QColor(0x7c, 0x3a, 0xed)};
    static const QColor dark[] = {QColor(0x8b, 0x94, 0xf7), QColor(0x34, 0xd3, 0x99),
                                  QColor(0xfb, 0xbf, 0x24), QColor(0xf4, 0x72, 0xb6),
                                  QColor(0x22, 0xd3, 0xee), QColor(0xa7, 0x8b, 0xfa)};
    const int i = index % 6;
    return Theme::isDark() ? dark[i] : light[i];
}

} // namespace ChartStyle
