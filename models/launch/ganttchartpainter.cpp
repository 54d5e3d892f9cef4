#include "ganttchartpainter.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPalette>

#include <cmath>

namespace Launch {

namespace {

constexpr double ArrowStub = 8.0;
constexpr double ArrowHead = 5.0;
constexpr double LabelGap = 6.0;

QString tr(const char *text)
{
    return QCoreApplication::translate("GanttChartPainter", text);
}

QColor mixed(const QColor &a, const QColor &b, double amount)
{
    return QColor::fromRgbF(float(a.redF() * (1 - amount) + b.redF() * amount),
                            float(a.greenF() * (1 - amount) + b.greenF() * amount),
                            float(a.blueF() * (1 - amount) + b.blueF() * amount));
}

} // namespace

// ---- TimeScale ----

TimeScale::TimeScale(const QDate &origin, Zoom zoom)
    : m_origin(origin)
{
    setZoom(zoom);
}

double TimeScale::dayWidthFor(Zoom zoom)
{
    switch (zoom) {
    case Zoom::Days:
        return 32.0;
    case Zoom::Weeks:
        return 12.0;
    case Zoom::Months:
        return 4.0;
    case Zoom::Quarters:
        return 1.5;
    }
    return 32.0;
}

TimeScale::Zoom TimeScale::zoomIn(Zoom zoom)
{
    return zoom == Zoom::Quarters ? Zoom::Months : zoom == Zoom::Months ? Zoom::Weeks : Zoom::Days;
}

TimeScale::Zoom TimeScale::zoomOut(Zoom zoom)
{
    return zoom == Zoom::Days ? Zoom::Weeks : zoom == Zoom::Weeks ? Zoom::Months : Zoom::Quarters;
}

void TimeScale::setZoom(Zoom zoom)
{
    m_zoom = zoom;
    m_dayWidth = dayWidthFor(zoom);
}

void TimeScale::fitDays(qint64 days, double width)
{
    m_dayWidth = width / double(qMax<qint64>(1, days));
    // The units follow the closest zoom level at or above this width.
    m_zoom = Zoom::Quarters;
    for (Zoom zoom : {Zoom::Days, Zoom::Weeks, Zoom::Months}) {
        if (m_dayWidth >= dayWidthFor(zoom) * 0.75) {
            m_zoom = zoom;
            break;
        }
    }
}

QDate TimeScale::dateAt(double x) const
{
    return m_origin.addDays(qint64(std::floor(x / m_dayWidth)));
}

int TimeScale::days(double dx) const
{
    return int(std::lround(dx / m_dayWidth));
}

TimeScale::Unit TimeScale::lowerUnit() const
{
    switch (m_zoom) {
    case Zoom::Days:
        return Unit::Day;
    case Zoom::Weeks:
        return Unit::Week;
    case Zoom::Months:
        return Unit::Month;
    case Zoom::Quarters:
        return Unit::Quarter;
    }
    return Unit::Day;
}

TimeScale::Unit TimeScale::upperUnit() const
{
    return m_zoom == Zoom::Days || m_zoom == Zoom::Weeks ? Unit::Month : Unit::Year;
}

QDate TimeScale::unitStart(const QDate &date, Unit unit)
{
    switch (unit) {
    case Unit::Day:
        return date;
    case Unit::Week:
        return date.addDays(1 - date.dayOfWeek());
    case Unit::Month:
        return QDate(date.year(), date.month(), 1);
    case Unit::Quarter:
        return QDate(date.year(), (date.month() - 1) / 3 * 3 + 1, 1);
    case Unit::Year:
        return QDate(date.year(), 1, 1);
    }
    return date;
}

QDate TimeScale::nextUnit(const QDate &start, Unit unit)
{
    switch (unit) {
    case Unit::Day:
        return start.addDays(1);
    case Unit::Week:
        return start.addDays(7);
    case Unit::Month:
        return start.addMonths(1);
    case Unit::Quarter:
        return start.addMonths(3);
    case Unit::Year:
        return start.addYears(1);
    }
    return start.addDays(1);
}

QString TimeScale::label(const QDate &start, Unit unit, double width) const
{
    const QLocale locale;
    switch (unit) {
    case Unit::Day:
        return width >= 28 ? QString::number(start.day()) : QString();
    case Unit::Week:
        return width >= 60 ? locale.toString(start, QStringLiteral("d MMM"))
                           : QString::number(start.day());
    case Unit::Month:
        if (upperUnit() == Unit::Month) // the upper line of days and weeks
            return locale.toString(start, QStringLiteral("MMMM yyyy"));
        return width >= 60 ? locale.toString(start, QStringLiteral("MMM"))
                           : locale.toString(start, QStringLiteral("MMM")).left(1);
    case Unit::Quarter:
        return tr("Q%1").arg((start.month() - 1) / 3 + 1);
    case Unit::Year:
        return QString::number(start.year());
    }
    return QString();
}

// ---- Style ----

GanttChartStyle GanttChartStyle::fromPalette(const QPalette &palette, bool dark,
                                             const QColor &accent)
{
    GanttChartStyle s;
    s.background = palette.color(QPalette::Base);
    s.text = palette.color(QPalette::Text);
    s.mutedText = mixed(s.text, s.background, 0.45);
    s.grid = mixed(s.background, s.text, dark ? 0.10 : 0.07);
    s.gridStrong = mixed(s.background, s.text, dark ? 0.22 : 0.18);
    s.weekend = mixed(s.background, s.text, dark ? 0.04 : 0.035);
    s.phaseBand = mixed(s.background, accent, dark ? 0.07 : 0.04);
    s.headerBackground = palette.color(QPalette::Window);
    s.barFill = mixed(s.background, accent, dark ? 0.45 : 0.30);
    s.barProgress = dark ? accent.lighter(135) : accent;
    s.barBorder = dark ? accent.lighter(150) : accent.darker(115);
    const QColor red = dark ? QColor(0xf0, 0x6a, 0x6a) : QColor(0xd9, 0x3f, 0x3f);
    s.criticalFill = mixed(s.background, red, dark ? 0.40 : 0.28);
    s.criticalProgress = red;
    s.phase = mixed(s.text, s.background, 0.15);
    s.milestone = dark ? QColor(0xe8, 0xb0, 0x4d) : QColor(0xc9, 0x85, 0x16);
    s.criticalMilestone = red;
    s.dependency = mixed(s.text, s.background, 0.55);
    s.violated = red;
    s.today = dark ? QColor(0xff, 0x9f, 0x43) : QColor(0xe0, 0x6c, 0x00);
    s.baseline = mixed(s.background, s.text, dark ? 0.35 : 0.30);
    s.selection = mixed(s.background, accent, dark ? 0.22 : 0.12);
    return s;
}

// ---- Painter ----

void GanttChartPainter::setContent(const GanttChartContent &content)
{
    // While a bar is dragged only dates change: the lookups stay valid.
    const bool sameRows = content.rows == m_content.rows;
    bool sameItems = content.plan && m_content.plan && !m_itemIndex.isEmpty() &&
                     content.plan->items.size() == m_itemIndex.size();
    for (qsizetype i = 0; sameItems && i < content.plan->items.size(); ++i)
        sameItems = m_itemIndex.value(content.plan->items.at(i).id, -1) == i;
    m_content = content;
    if (!sameRows) {
        m_rowOf.clear();
        m_rowOf.reserve(m_content.rows.size());
        for (int row = 0; row < m_content.rows.size(); ++row)
            m_rowOf.insert(m_content.rows.at(row), row);
    }
    if (sameItems)
        return;
    m_itemIndex.clear();
    if (m_content.plan) {
        const QList<PlanItem> &items = m_content.plan->items;
        m_itemIndex.reserve(items.size());
        for (int i = 0; i < items.size(); ++i)
            m_itemIndex.insert(items.at(i).id, i);
    }
}

const PlanItem *GanttChartPainter::itemAt(int row) const
{
    if (!m_content.plan || row < 0 || row >= m_content.rows.size())
        return nullptr;
    const int index = m_itemIndex.value(m_content.rows.at(row), -1);
    return index < 0 ? nullptr : &m_content.plan->items.at(index);
}

QRectF GanttChartPainter::barRect(int row, const TimeScale &scale) const
{
    const PlanItem *item = itemAt(row);
    if (!item || !item->start.isValid())
        return QRectF();
    const double top = double(row) * m_style.rowHeight;
    const double h = m_style.rowHeight;
    if (item->isMilestone()) {
        const double size = h * 0.5;
        const double centre = scale.x(item->start) + scale.dayWidth() / 2;
        return QRectF(centre - size / 2, top + (h - size) / 2 - 2, size, size);
    }
    const double left = scale.x(item->start);
    const double right = scale.x(item->end.isValid() ? item->end.addDays(1) : item->start);
    const double barHeight = item->kind == ItemKind::Phase ? h * 0.22 : h * 0.46;
    const double y = item->kind == ItemKind::Phase ? top + h * 0.30 : top + (h - barHeight) / 2 - 2;
    return QRectF(left, y, qMax(2.0, right - left), barHeight);
}

QPainterPath GanttChartPainter::dependencyPath(const Dependency &dependency,
                                               const TimeScale &scale) const
{
    const int fromRow = rowOf(dependency.fromId);
    const int toRow = rowOf(dependency.toId);
    if (fromRow < 0 || toRow < 0)
        return QPainterPath();
    const QRectF from = barRect(fromRow, scale);
    const QRectF to = barRect(toRow, scale);
    if (from.isNull() || to.isNull())
        return QPainterPath();
    const QPointF start(from.right(), from.center().y());
    const QPointF end(to.left(), to.center().y());
    QPainterPath path(start);
    const double exitX = start.x() + ArrowStub;
    if (end.x() - ArrowStub >= exitX) {
        path.lineTo(exitX, start.y());
        path.lineTo(exitX, end.y());
    } else {
        // Around: down (or up) to the row boundary, back, then into the target.
        const double between = double(toRow > fromRow ? fromRow + 1 : fromRow) * m_style.rowHeight;
        path.lineTo(exitX, start.y());
        path.lineTo(exitX, between);
        path.lineTo(end.x() - ArrowStub, between);
        path.lineTo(end.x() - ArrowStub, end.y());
    }
    path.lineTo(end);
    return path;
}

int GanttChartPainter::dependencyAt(const QPointF &point, const TimeScale &scale,
                                    double tolerance) const
{
    if (!m_content.plan)
        return 0;
    const QRectF probe(point.x() - tolerance, point.y() - tolerance, 2 * tolerance, 2 * tolerance);
    for (const Dependency &dependency : m_content.plan->dependencies) {
        const QPainterPath path = dependencyPath(dependency, scale);
        if (path.isEmpty() || !path.controlPointRect()
                                   .adjusted(-tolerance, -tolerance, tolerance, tolerance)
                                   .contains(point))
            continue;
        // The path is a polyline: test each segment's box.
        for (int i = 1; i < path.elementCount(); ++i) {
            const QPointF a = path.elementAt(i - 1);
            const QPointF b = path.elementAt(i);
            const QRectF segment = QRectF(a, b).normalized().adjusted(-0.5, -0.5, 0.5, 0.5);
            if (segment.intersects(probe))
                return dependency.id;
        }
    }
    return 0;
}

void GanttChartPainter::paintChart(QPainter &painter, const TimeScale &scale,
                                   const QRectF &exposed) const
{
    const int h = m_style.rowHeight;
    const int firstRow = qMax(0, int(std::floor(exposed.top() / h)));
    const int lastRow = qMin(rowCount() - 1, int(std::floor(exposed.bottom() / h)));
    painter.save();
    painter.setFont(m_style.font);
    paintBackground(painter, scale, exposed, firstRow, lastRow);
    painter.setRenderHint(QPainter::Antialiasing, true);
    paintDependencies(painter, scale, exposed, firstRow, lastRow);
    for (int row = firstRow; row <= lastRow; ++row)
        paintItem(painter, scale, row);
    paintToday(painter, scale, exposed);
    painter.restore();
}

void GanttChartPainter::paintBackground(QPainter &painter, const TimeScale &scale,
                                        const QRectF &exposed, int firstRow, int lastRow) const
{
    const int h = m_style.rowHeight;
    painter.fillRect(exposed, m_style.background);
    for (int row = firstRow; row <= lastRow; ++row) {
        const PlanItem *item = itemAt(row);
        const QRectF band(exposed.left(), double(row) * h, exposed.width(), h);
        if (item && item->id == m_content.selectedItem)
            painter.fillRect(band, m_style.selection);
        else if (item && item->kind == ItemKind::Phase)
            painter.fillRect(band, m_style.phaseBand);
    }
    const QDate first = scale.dateAt(exposed.left());
    const QDate last = scale.dateAt(exposed.right());
    if (scale.dayWidth() >= 6) {
        for (QDate day = first; day <= last; day = day.addDays(1)) {
            if (day.dayOfWeek() >= 6)
                painter.fillRect(
                    QRectF(scale.x(day), exposed.top(), scale.dayWidth(), exposed.height()),
                    m_style.weekend);
        }
    }
    painter.setPen(QPen(m_style.grid, 0));
    const TimeScale::Unit lower = scale.lowerUnit();
    for (QDate d = TimeScale::unitStart(first, lower); d <= last;
         d = TimeScale::nextUnit(d, lower)) {
        const double x = std::round(scale.x(d)) + 0.5;
        painter.drawLine(QPointF(x, exposed.top()), QPointF(x, exposed.bottom()));
    }
    painter.setPen(QPen(m_style.gridStrong, 0));
    const TimeScale::Unit upper = scale.upperUnit();
    for (QDate d = TimeScale::unitStart(first, upper).addDays(0); d <= last;
         d = TimeScale::nextUnit(d, upper)) {
        const double x = std::round(scale.x(d)) + 0.5;
        if (x >= exposed.left())
            painter.drawLine(QPointF(x, exposed.top()), QPointF(x, exposed.bottom()));
    }
    painter.setPen(QPen(m_style.grid, 0));
    for (int row = firstRow; row <= lastRow + 1; ++row) {
        const double y = double(row) * h - 0.5;
        painter.drawLine(QPointF(exposed.left(), y), QPointF(exposed.right(), y));
    }
}

void GanttChartPainter::paintItem(QPainter &painter, const TimeScale &scale, int row) const
{
    const PlanItem *item = itemAt(row);
    const QRectF bar = barRect(row, scale);
    if (!item || bar.isNull())
        return;
    const int h = m_style.rowHeight;
    const double top = double(row) * h;
    const bool onPath = m_content.criticalPath.contains(item->id);

    // Baseline ghost under the bar: where the item was planned when the baseline was taken.
    if (item->baselineStart.isValid() && item->baselineEnd.isValid()) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(m_style.baseline);
        const double left = scale.x(item->baselineStart);
        if (item->isMilestone()) {
            const double size = bar.height() * 0.55;
            const QPointF c(left + scale.dayWidth() / 2, top + h - size / 2 - 2);
            const QPointF diamond[] = {{c.x(), c.y() - size / 2},
                                       {c.x() + size / 2, c.y()},
                                       {c.x(), c.y() + size / 2},
                                       {c.x() - size / 2, c.y()}};
            painter.drawPolygon(diamond, 4);
        } else {
            const double right = scale.x(item->baselineEnd.addDays(1));
            painter.drawRoundedRect(QRectF(left, top + h - 7, qMax(2.0, right - left), 4), 1.5,
                                    1.5);
        }
    }

    double labelX = bar.right() + LabelGap;
    if (item->kind == ItemKind::Phase) {
        // A summary bracket: a thin bar with pointed ends hanging down. Its tasks carry the
        // critical path's colour; a red bracket over them would read as an error.
        const QColor colour = m_style.phase;
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawRect(bar);
        const double tip = bar.height() * 1.2;
        const QPointF leftTip[] = {bar.topLeft(),
                                   {bar.left() + tip, bar.bottom()},
                                   {bar.left(), bar.bottom() + tip * 0.8}};
        const QPointF rightTip[] = {bar.topRight(),
                                    {bar.right(), bar.bottom() + tip * 0.8},
                                    {bar.right() - tip, bar.bottom()}};
        painter.drawPolygon(leftTip, 3);
        painter.drawPolygon(rightTip, 3);
    } else if (item->isMilestone()) {
        const QPointF c = bar.center();
        const double r = bar.width() / 2;
        const QPointF diamond[] = {
            {c.x(), c.y() - r}, {c.x() + r, c.y()}, {c.x(), c.y() + r}, {c.x() - r, c.y()}};
        const QColor colour = item->critical ? m_style.criticalMilestone : m_style.milestone;
        painter.setPen(QPen(colour.darker(130), 1.2));
        painter.setBrush(item->done ? colour : m_style.background);
        if (!item->done)
            painter.setPen(QPen(colour, 2.0));
        painter.drawPolygon(diamond, 4);
        if (item->critical) {
            // Marked by shape too, not colour alone: an outer ring.
            painter.setBrush(Qt::NoBrush);
            painter.setPen(QPen(colour, 1.0));
            const double o = r + 3;
            const QPointF outer[] = {
                {c.x(), c.y() - o}, {c.x() + o, c.y()}, {c.x(), c.y() + o}, {c.x() - o, c.y()}};
            painter.drawPolygon(outer, 4);
            labelX = c.x() + o + LabelGap;
        }
    } else {
        const QColor fill = onPath ? m_style.criticalFill : m_style.barFill;
        const QColor progress = onPath ? m_style.criticalProgress : m_style.barProgress;
        painter.setPen(Qt::NoPen);
        painter.setBrush(fill);
        painter.drawRoundedRect(bar, 3, 3);
        if (item->progress > 0) {
            painter.save();
            painter.setClipRect(QRectF(bar.left(), bar.top(),
                                       bar.width() * qBound(0.0, item->progress, 1.0),
                                       bar.height()));
            painter.setBrush(progress);
            painter.drawRoundedRect(bar, 3, 3);
            painter.restore();
        }
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(onPath ? m_style.criticalProgress : m_style.barBorder, 1.0));
        painter.drawRoundedRect(bar.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
    }

    // The selected item leaves room after its bar for the editor's link handle.
    if (item->id == m_content.selectedItem)
        labelX += 2 * LabelGap + 2;
    painter.setPen(m_style.text);
    QFont font = m_style.font;
    if (item->kind == ItemKind::Phase) {
        font.setWeight(QFont::DemiBold);
        painter.setFont(font);
    }
    const QRectF labelRect(labelX, top, 2000, h - 4);
    painter.drawText(labelRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, item->name);
    if (item->kind == ItemKind::Phase)
        painter.setFont(m_style.font);
}

void GanttChartPainter::paintDependencies(QPainter &painter, const TimeScale &scale,
                                          const QRectF &exposed, int firstRow, int lastRow) const
{
    if (!m_content.plan)
        return;
    for (const Dependency &dependency : m_content.plan->dependencies) {
        const int fromRow = rowOf(dependency.fromId);
        const int toRow = rowOf(dependency.toId);
        if (fromRow < 0 || toRow < 0)
            continue;
        // Skip arrows wholly above or below the exposed rows before building their path.
        if (qMax(fromRow, toRow) < firstRow || qMin(fromRow, toRow) > lastRow)
            continue;
        const QPainterPath path = dependencyPath(dependency, scale);
        if (path.isEmpty() || !path.controlPointRect().adjusted(-6, -6, 6, 6).intersects(exposed))
            continue;
        const bool violated = m_content.violations.contains(dependency.id);
        const bool hovered = dependency.id == m_content.hoveredDependency;
        const QColor colour = violated ? m_style.violated : m_style.dependency;
        QPen pen(colour, violated || hovered ? 2.0 : 1.2);
        if (dependency.type == DependencyType::Resource)
            pen.setStyle(Qt::DashLine);
        else if (dependency.type == DependencyType::Approval)
            pen.setStyle(Qt::DashDotLine);
        pen.setJoinStyle(Qt::MiterJoin);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
        const QPointF end = path.currentPosition();
        const QPointF head[] = {end,
                                {end.x() - ArrowHead * 1.4, end.y() - ArrowHead},
                                {end.x() - ArrowHead * 1.4, end.y() + ArrowHead}};
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawPolygon(head, 3);
    }
}

void GanttChartPainter::paintToday(QPainter &painter, const TimeScale &scale,
                                   const QRectF &exposed) const
{
    if (!m_content.today.isValid())
        return;
    const double x = scale.x(m_content.today) + scale.dayWidth() / 2;
    if (x < exposed.left() - 2 || x > exposed.right() + 2)
        return;
    painter.setPen(QPen(m_style.today, 2.0));
    painter.drawLine(QPointF(x, exposed.top()), QPointF(x, exposed.bottom()));
}

void GanttChartPainter::paintHeader(QPainter &painter, const TimeScale &scale, double left,
                                    double right) const
{
    const double height = m_style.headerHeight;
    const double half = height / 2;
    painter.save();
    painter.setFont(m_style.font);
    painter.fillRect(QRectF(left, 0, right - left, height), m_style.headerBackground);
    const QDate first = scale.dateAt(left);
    const QDate last = scale.dateAt(right);

    // Lower line: the zoom's unit.
    const TimeScale::Unit lower = scale.lowerUnit();
    for (QDate d = TimeScale::unitStart(first, lower); d <= last;
         d = TimeScale::nextUnit(d, lower)) {
        const double x0 = scale.x(d);
        const double x1 = scale.x(TimeScale::nextUnit(d, lower));
        const QRectF cell(x0, half, x1 - x0, half);
        if (lower == TimeScale::Unit::Day && d.dayOfWeek() >= 6)
            painter.fillRect(cell, m_style.weekend);
        if (d == m_content.today && lower == TimeScale::Unit::Day)
            painter.fillRect(cell, m_style.today);
        painter.setPen(QPen(m_style.grid, 0));
        painter.drawLine(QPointF(std::round(x0) + 0.5, half),
                         QPointF(std::round(x0) + 0.5, height));
        painter.setPen(d == m_content.today && lower == TimeScale::Unit::Day ? m_style.background
                                                                             : m_style.mutedText);
        painter.drawText(cell, Qt::AlignCenter | Qt::TextSingleLine,
                         scale.label(d, lower, x1 - x0));
    }

    // Upper line: months or years, their label kept in view while the unit is.
    const TimeScale::Unit upper = scale.upperUnit();
    QFont bold = m_style.font;
    bold.setWeight(QFont::DemiBold);
    painter.setFont(bold);
    const QFontMetricsF metrics(bold);
    for (QDate d = TimeScale::unitStart(first, upper); d <= last;
         d = TimeScale::nextUnit(d, upper)) {
        const double x0 = scale.x(d);
        const double x1 = scale.x(TimeScale::nextUnit(d, upper));
        painter.setPen(QPen(m_style.gridStrong, 0));
        painter.drawLine(QPointF(std::round(x0) + 0.5, 0), QPointF(std::round(x0) + 0.5, height));
        const QString text = scale.label(d, upper, x1 - x0);
        const double textLeft = qMax(x0, left) + 8;
        if (textLeft + metrics.horizontalAdvance(text) > x1 - 4 && x0 < left)
            continue; // no room left in the part still shown
        painter.setPen(m_style.text);
        painter.drawText(QRectF(textLeft, 0, x1 - textLeft, half),
                         Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, text);
    }
    painter.setPen(QPen(m_style.gridStrong, 0));
    painter.drawLine(QPointF(left, height - 0.5), QPointF(right, height - 0.5));
    painter.setPen(QPen(m_style.grid, 0));
    painter.drawLine(QPointF(left, half + 0.5), QPointF(right, half + 0.5));
    painter.restore();
}

void GanttChartPainter::paintRowLabels(QPainter &painter, const QRectF &rect, int firstRow,
                                       int lastRow) const
{
    painter.save();
    painter.setClipRect(rect);
    painter.fillRect(rect, m_style.background);
    const int h = m_style.rowHeight;
    const QFontMetricsF metrics(m_style.font);
    for (int row = firstRow; row <= lastRow; ++row) {
        const PlanItem *item = itemAt(row);
        if (!item)
            continue;
        const double y = rect.top() + double(row - firstRow) * h;
        QFont font = m_style.font;
        font.setWeight(item->kind == ItemKind::Phase ? QFont::DemiBold : QFont::Normal);
        painter.setFont(font);
        painter.setPen(m_style.text);
        const double indent = item->parentId != 0 ? 20 : 6;
        const QRectF cell(rect.left() + indent, y, rect.width() - indent - 4, h);
        painter.drawText(cell, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                         QFontMetricsF(font).elidedText(item->name, Qt::ElideRight, cell.width()));
        painter.setPen(QPen(m_style.grid, 0));
        painter.drawLine(QPointF(rect.left(), y + h - 0.5), QPointF(rect.right(), y + h - 0.5));
    }
    painter.restore();
}

int GanttChartPainter::rowsFitting(double height) const
{
    return qMax(0, int((height - m_style.headerHeight) / m_style.rowHeight));
}

void GanttChartPainter::paintRange(QPainter &painter, const QRectF &target, const QDate &from,
                                   const QDate &to, int firstRow, int lastRow) const
{
    TimeScale scale;
    scale.setOrigin(from);
    scale.fitDays(from.daysTo(to) + 1, target.width());
    lastRow = qMin(lastRow, firstRow + rowsFitting(target.height()) - 1);
    const double chartWidth = scale.x(to.addDays(1));
    painter.save();
    painter.setClipRect(target);
    painter.translate(target.topLeft());
    paintHeader(painter, scale, 0, chartWidth);
    if (lastRow >= firstRow) {
        const double top = double(firstRow) * m_style.rowHeight;
        const double bottom = double(lastRow + 1) * m_style.rowHeight;
        painter.translate(0, m_style.headerHeight - top);
        painter.setClipRect(QRectF(0, top, chartWidth, bottom - top));
        paintChart(painter, scale, QRectF(0, top, chartWidth, bottom - top));
    }
    painter.restore();
}

} // namespace Launch
