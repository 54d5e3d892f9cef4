#include "ganttview.h"

#include "dependencymodel.h"
#include "gantteditor.h"
#include "ganttmodel.h"
#include "theme.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QTreeView>
#include <QUndoStack>

using Launch::TimeScale;

namespace {

constexpr double EdgeGrip = 5.0;
constexpr double HandleRadius = 4.5;
constexpr double HandleOffset = 9.0;
constexpr int LeadDays = 14;
constexpr int TrailDays = 45;

} // namespace

// The time grid above the chart, scrolled with it.
class GanttView::Header : public QWidget
{
public:
    explicit Header(GanttView *view)
        : QWidget(view)
        , m_view(view)
    {
        setAccessibleName(tr("Timeline dates"));
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        const double left = m_view->horizontalScrollBar()->value();
        painter.translate(-left, 0);
        m_view->m_painter.paintHeader(painter, m_view->m_scale, left, left + width());
    }

private:
    GanttView *m_view;
};

GanttView::GanttView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_header(new Header(this))
    , m_today(QDate::currentDate())
{
    setAccessibleName(tr("Timeline chart"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setFrameShape(QFrame::NoFrame);
    horizontalScrollBar()->setSingleStep(24);
    applyStyle();
}

GanttView::~GanttView() = default;

void GanttView::applyStyle()
{
    Launch::GanttChartStyle style =
        Launch::GanttChartStyle::fromPalette(palette(), Theme::isDark(), Theme::accent());
    style.font = font();
    const int text = fontMetrics().height();
    style.rowHeight = qMax(28, text + 14);
    style.headerHeight = qMax(44, 2 * text + 12);
    m_painter.setStyle(style);
    setViewportMargins(0, style.headerHeight, 0, 0);
    if (m_tree) {
        m_tree->header()->setFixedHeight(style.headerHeight);
    }
}

void GanttView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyStyle();
        viewport()->update();
        m_header->update();
    }
    QAbstractScrollArea::changeEvent(event);
}

void GanttView::setEditor(GanttEditor *editor)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_editor = editor;
    m_model = editor ? editor->model() : nullptr;
    if (m_model) {
        const auto structural = [this] {
            rebuildRows();
            refreshContent();
        };
        connect(m_model, &GanttModel::modelReset, this, [this] {
            rebuildRows();
            updateRange(true);
            refreshContent();
        });
        connect(m_model, &GanttModel::rowsInserted, this, structural);
        connect(m_model, &GanttModel::rowsRemoved, this, structural);
        connect(m_model, &GanttModel::layoutChanged, this, structural);
        connect(m_model, &GanttModel::planChanged, this, [this] {
            updateRange(false);
            refreshContent();
        });
    }
    rebuildRows();
    updateRange(true);
    refreshContent();
}

void GanttView::setTreeView(QTreeView *tree)
{
    m_tree = tree;
    tree->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    tree->setUniformRowHeights(true);
    tree->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    tree->header()->setFixedHeight(headerHeight());
    const auto structural = [this] {
        rebuildRows();
        refreshContent();
    };
    connect(tree, &QTreeView::expanded, this, structural);
    connect(tree, &QTreeView::collapsed, this, structural);
    // The chart shows the scroll bar; the tree follows it and it follows the tree.
    QScrollBar *treeBar = tree->verticalScrollBar();
    QScrollBar *ownBar = verticalScrollBar();
    connect(treeBar, &QScrollBar::rangeChanged, ownBar, [ownBar, treeBar](int min, int max) {
        ownBar->setRange(min, max);
        ownBar->setPageStep(treeBar->pageStep());
        ownBar->setSingleStep(treeBar->singleStep());
    });
    connect(treeBar, &QScrollBar::valueChanged, ownBar, &QScrollBar::setValue);
    connect(ownBar, &QScrollBar::valueChanged, treeBar, &QScrollBar::setValue);
    connect(treeBar, &QScrollBar::valueChanged, viewport(), qOverload<>(&QWidget::update));
    if (tree->selectionModel()) {
        connect(tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this] { refreshContent(); });
    }
    rebuildRows();
    refreshContent();
}

int GanttView::verticalOffset() const
{
    return m_tree ? m_tree->verticalScrollBar()->value() : 0;
}

void GanttView::rebuildRows()
{
    m_rows.clear();
    if (!m_model)
        return;
    const int top = m_model->rowCount();
    for (int row = 0; row < top; ++row) {
        const QModelIndex index = m_model->index(row, 0);
        m_rows.append(m_model->itemId(index));
        if (m_tree && !m_tree->isExpanded(index))
            continue;
        const int children = m_model->rowCount(index);
        for (int child = 0; child < children; ++child)
            m_rows.append(m_model->itemId(m_model->index(child, 0, index)));
    }
}

void GanttView::refreshContent()
{
    Launch::GanttChartContent content;
    if (m_model) {
        content.plan = &m_model->plan();
        content.violations = m_model->violations();
        content.criticalPath = m_model->criticalPath();
    }
    content.rows = m_rows;
    content.today = m_today;
    if (m_tree && m_tree->selectionModel() && m_model)
        content.selectedItem = m_model->itemId(m_tree->currentIndex());
    m_painter.setContent(content);
    updateScrollBars();
    viewport()->update();
    m_header->update();
}

void GanttView::updateRange(bool reset)
{
    QDate first;
    QDate last;
    if (m_model) {
        for (const Launch::PlanItem &item : m_model->plan().items) {
            if (item.start.isValid() && (!first.isValid() || item.start < first))
                first = item.start;
            const QDate end = item.end.isValid() ? item.end : item.start;
            if (end.isValid() && (!last.isValid() || end > last))
                last = end;
        }
    }
    if (!first.isValid()) {
        first = m_today;
        last = m_today;
    }
    const QDate origin = TimeScale::unitStart(first.addDays(-LeadDays), TimeScale::Unit::Week);
    const QDate end = last.addDays(TrailDays);
    if (reset || !m_scale.origin().isValid()) {
        m_scale.setOrigin(origin);
        m_end = end;
    } else {
        // Grow only while editing, keeping what is on screen where it is.
        if (origin < m_scale.origin()) {
            const double shift = double(origin.daysTo(m_scale.origin())) * m_scale.dayWidth();
            m_scale.setOrigin(origin);
            updateScrollBars();
            horizontalScrollBar()->setValue(horizontalScrollBar()->value() + int(shift));
        }
        m_end = qMax(m_end, end);
    }
    updateScrollBars();
}

void GanttView::updateScrollBars()
{
    const int width = int(m_scale.x(m_end.addDays(1)));
    horizontalScrollBar()->setRange(0, qMax(0, width - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
}

void GanttView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    const QRect area = viewport()->geometry();
    m_header->setGeometry(area.left(), area.top() - headerHeight(), area.width(), headerHeight());
    updateScrollBars();
}

void GanttView::scrollContentsBy(int, int)
{
    viewport()->update();
    m_header->update();
}

QPointF GanttView::toChart(const QPointF &viewportPos) const
{
    return viewportPos + QPointF(horizontalScrollBar()->value(), verticalOffset());
}

void GanttView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    const QPointF offset(horizontalScrollBar()->value(), verticalOffset());
    painter.translate(-offset);
    const QRectF exposed = QRectF(event->rect()).translated(offset);
    m_painter.paintChart(painter, m_scale, exposed);
    if (m_painter.rowCount() * rowHeight() < exposed.bottom()) {
        // Below the last row: plain background, no grid to suggest more rows.
        const double top = qMax(exposed.top(), double(m_painter.rowCount() * rowHeight()));
        painter.fillRect(QRectF(exposed.left(), top, exposed.width(), exposed.bottom() - top),
                         m_painter.style().background);
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
    const Launch::GanttChartStyle &style = m_painter.style();
    if (m_drag == Drag::Link) {
        const QRectF from = m_painter.barRect(m_painter.rowOf(m_dragItem), m_scale);
        painter.setPen(QPen(style.barProgress, 1.5, Qt::DashLine));
        painter.drawLine(QPointF(from.right() + HandleOffset, from.center().y()), m_linkPos);
        const int target = itemAt((m_linkPos - offset).toPoint());
        if (target && target != m_dragItem) {
            painter.setPen(QPen(style.barProgress, 2));
            painter.setBrush(Qt::NoBrush);
            painter.drawRoundedRect(
                m_painter.barRect(m_painter.rowOf(target), m_scale).adjusted(-3, -3, 3, 3), 4, 4);
        }
    }
    // The link handle of the selected item, where a dependency is drawn from.
    const int selected = m_painter.content().selectedItem;
    if (selected && m_drag != Drag::Link) {
        const QRectF bar = m_painter.barRect(m_painter.rowOf(selected), m_scale);
        if (!bar.isNull()) {
            painter.setPen(QPen(style.barProgress, 1.5));
            painter.setBrush(style.background);
            painter.drawEllipse(QPointF(bar.right() + HandleOffset, bar.center().y()), HandleRadius,
                                HandleRadius);
        }
    }
}

QRectF GanttView::barRect(int itemId) const
{
    const int row = m_painter.rowOf(itemId);
    if (row < 0)
        return QRectF();
    return m_painter.barRect(row, m_scale)
        .translated(-horizontalScrollBar()->value(), -verticalOffset());
}

QPointF GanttView::linkHandle(int itemId) const
{
    const QRectF bar = barRect(itemId);
    return QPointF(bar.right() + HandleOffset, bar.center().y());
}

int GanttView::itemAt(const QPoint &viewportPos) const
{
    const QPointF chart = toChart(viewportPos);
    if (chart.y() < 0)
        return 0;
    const Launch::PlanItem *item = m_painter.itemAt(int(chart.y() / rowHeight()));
    return item ? item->id : 0;
}

GanttView::Drag GanttView::hitTest(const QPointF &chartPos, int *itemId) const
{
    *itemId = 0;
    if (chartPos.y() < 0)
        return Drag::None;
    const int row = int(chartPos.y() / rowHeight());
    const Launch::PlanItem *item = m_painter.itemAt(row);
    if (!item)
        return Drag::None;
    const QRectF bar = m_painter.barRect(row, m_scale);
    *itemId = item->id;
    const QPointF handle(bar.right() + HandleOffset, bar.center().y());
    if (QLineF(handle, chartPos).length() <= HandleRadius + 3)
        return Drag::Link;
    // The whole row height counts, so that thin phase brackets are easy to take.
    const QRectF grip(bar.left() - 2, double(row) * rowHeight(), bar.width() + 4, rowHeight());
    if (!grip.contains(chartPos))
        return Drag::None;
    if (item->isMilestone())
        return Drag::Move;
    if (bar.width() >= 3 * EdgeGrip) {
        if (chartPos.x() <= bar.left() + EdgeGrip)
            return Drag::ResizeStart;
        if (chartPos.x() >= bar.right() - EdgeGrip)
            return Drag::ResizeEnd;
    }
    return Drag::Move;
}

void GanttView::select(int itemId)
{
    if (!m_tree || !m_model)
        return;
    const QModelIndex index = m_model->indexOfItem(itemId);
    if (!index.isValid())
        return;
    m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
}

void GanttView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_editor) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const QPointF chart = toChart(event->position());
    int item = 0;
    Drag drag = hitTest(chart, &item);
    if (item)
        select(item);
    if (drag == Drag::Move && (event->modifiers() & Qt::AltModifier))
        drag = Drag::Link;
    m_drag = drag;
    m_dragItem = item;
    m_pressPos = chart;
    m_linkPos = chart;
    m_appliedDays = 0;
    m_moved = false;
    if (const Launch::PlanItem *it = m_model->plan().item(item)) {
        m_pressStart = it->start;
        m_pressEnd = it->end;
    }
    if (m_drag != Drag::None && m_drag != Drag::Link)
        m_gesture = m_editor->beginGesture();
    event->accept();
}

void GanttView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF chart = toChart(event->position());
    if (m_drag == Drag::None) {
        int item = 0;
        switch (hitTest(chart, &item)) {
        case Drag::ResizeStart:
        case Drag::ResizeEnd:
            viewport()->setCursor(Qt::SizeHorCursor);
            break;
        case Drag::Move:
            viewport()->setCursor(Qt::OpenHandCursor);
            break;
        case Drag::Link:
            viewport()->setCursor(Qt::CrossCursor);
            break;
        case Drag::None:
            viewport()->unsetCursor();
            break;
        }
        return;
    }
    m_moved = true;
    const int days = m_scale.days(chart.x() - m_pressPos.x());
    switch (m_drag) {
    case Drag::Move:
        viewport()->setCursor(Qt::ClosedHandCursor);
        if (days != m_appliedDays &&
            m_editor->moveItem(m_dragItem, days - m_appliedDays, m_gesture))
            m_appliedDays = days;
        break;
    case Drag::ResizeStart:
        m_editor->setItemDates(m_dragItem, qMin(m_pressStart.addDays(days), m_pressEnd), m_pressEnd,
                               m_gesture);
        break;
    case Drag::ResizeEnd:
        m_editor->setItemDates(m_dragItem, m_pressStart,
                               qMax(m_pressEnd.addDays(days), m_pressStart), m_gesture);
        break;
    case Drag::Link:
        m_linkPos = chart;
        viewport()->update();
        break;
    case Drag::None:
        break;
    }
}

void GanttView::mouseReleaseEvent(QMouseEvent *event)
{
    const Drag drag = m_drag;
    m_drag = Drag::None;
    viewport()->unsetCursor();
    if (drag == Drag::Link && m_moved) {
        const int target = itemAt(event->position().toPoint());
        viewport()->update();
        if (target && target != m_dragItem)
            showDependencyMenu(m_dragItem, target, event->globalPosition().toPoint());
    }
    event->accept();
}

void GanttView::showDependencyMenu(int fromId, int toId, const QPoint &globalPos)
{
    if (m_menu)
        m_menu->deleteLater();
    m_menu = new QMenu(this);
    m_menu->setObjectName(QStringLiteral("dependencyTypeMenu"));
    m_menu->setAttribute(Qt::WA_DeleteOnClose);
    const Launch::PlanItem *from = m_model->plan().item(fromId);
    const Launch::PlanItem *to = m_model->plan().item(toId);
    if (!from || !to)
        return;
    m_menu->addSection(tr("“%1” depends on “%2”").arg(to->name, from->name));
    using Launch::DependencyType;
    for (DependencyType type :
         {DependencyType::Timeline, DependencyType::Approval, DependencyType::Resource}) {
        QAction *action = m_menu->addAction(DependencyModel::typeName(int(type)));
        action->setData(int(type));
        connect(action, &QAction::triggered, this, [this, fromId, toId, type] {
            QString error;
            if (m_editor && !m_editor->addDependency(fromId, toId, type, &error))
                Q_EMIT problem(error);
        });
    }
    m_menu->popup(globalPos);
}

void GanttView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int item = itemAt(event->position().toPoint());
    if (item && m_tree && m_model) {
        m_tree->setFocus();
        m_tree->edit(m_model->indexOfItem(item));
    }
}

void GanttView::contextMenuEvent(QContextMenuEvent *event)
{
    const QPoint pos = viewport()->mapFrom(this, event->pos());
    QMenu menu(this);
    const int dependencyId = m_model ? m_painter.dependencyAt(toChart(pos), m_scale, 4.0) : 0;
    if (dependencyId && m_editor) {
        QAction *remove = menu.addAction(tr("Delete this dependency"));
        connect(remove, &QAction::triggered, this,
                [this, dependencyId] { m_editor->removeDependency(dependencyId); });
        menu.addSeparator();
    } else if (const int item = itemAt(pos)) {
        select(item);
    }
    menu.addActions(actions());
    if (!menu.isEmpty())
        menu.exec(event->globalPos());
}

void GanttView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int delta = event->angleDelta().y();
        if (delta != 0) {
            const TimeScale::Zoom zoom =
                delta > 0 ? TimeScale::zoomIn(m_scale.zoom()) : TimeScale::zoomOut(m_scale.zoom());
            setZoomAround(zoom, event->position().x());
        }
        event->accept();
        return;
    }
    const bool horizontal =
        (event->modifiers() & Qt::ShiftModifier) || event->angleDelta().x() != 0;
    if (horizontal) {
        const int delta =
            event->angleDelta().x() != 0 ? event->angleDelta().x() : event->angleDelta().y();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta);
    } else if (m_tree) {
        QScrollBar *bar = m_tree->verticalScrollBar();
        bar->setValue(bar->value() - event->angleDelta().y() * rowHeight() / 40);
    }
    event->accept();
}

void GanttView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
        return;
    case Qt::Key_Right:
        horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        return;
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        if (m_tree)
            QApplication::sendEvent(m_tree, event);
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

bool GanttView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_model) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QPointF chart = toChart(help->pos());
        const int dependencyId = m_painter.dependencyAt(chart, m_scale, 4.0);
        QString text;
        if (dependencyId) {
            for (const Launch::Dependency &d : m_model->plan().dependencies) {
                if (d.id != dependencyId)
                    continue;
                const Launch::PlanItem *from = m_model->plan().item(d.fromId);
                const Launch::PlanItem *to = m_model->plan().item(d.toId);
                text = tr("<b>%1</b> dependency: “%2” → “%3”")
                           .arg(DependencyModel::typeName(int(d.type)),
                                from ? from->name.toHtmlEscaped() : QString(),
                                to ? to->name.toHtmlEscaped() : QString());
                if (m_model->violations().contains(d.id))
                    text +=
                        QStringLiteral("<br><span style='color:#d93f3f'>") +
                        tr("Violated: %1").arg(m_model->violations().value(d.id).toHtmlEscaped()) +
                        QStringLiteral("</span>");
                else if (!d.description.isEmpty())
                    text += QStringLiteral("<br>") + d.description.toHtmlEscaped();
            }
        } else if (const int item = itemAt(help->pos())) {
            int hit = 0;
            if (hitTest(chart, &hit) != Drag::None)
                text = m_model->data(m_model->indexOfItem(item), Qt::ToolTipRole).toString();
        }
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void GanttView::setZoom(TimeScale::Zoom zoom)
{
    setZoomAround(zoom, viewport()->width() / 2.0);
}

void GanttView::zoomIn()
{
    setZoom(TimeScale::zoomIn(m_scale.zoom()));
}

void GanttView::zoomOut()
{
    setZoom(TimeScale::zoomOut(m_scale.zoom()));
}

void GanttView::setZoomAround(TimeScale::Zoom zoom, double viewportX)
{
    if (zoom == m_scale.zoom())
        return;
    // The day under the anchor stays under it.
    const double chartX = horizontalScrollBar()->value() + viewportX;
    const double days = chartX / m_scale.dayWidth();
    m_scale.setZoom(zoom);
    updateScrollBars();
    horizontalScrollBar()->setValue(int(days * m_scale.dayWidth() - viewportX));
    viewport()->update();
    m_header->update();
    Q_EMIT zoomChanged(zoom);
}

void GanttView::setToday(const QDate &today)
{
    m_today = today;
    refreshContent();
}

void GanttView::scrollToToday()
{
    scrollToDate(m_today);
}

void GanttView::scrollToDate(const QDate &date)
{
    horizontalScrollBar()->setValue(int(m_scale.x(date) - viewport()->width() / 3.0));
    viewport()->update();
    m_header->update();
}
