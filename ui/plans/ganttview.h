#pragma once

#include "launch/ganttchartpainter.h"

#include <QAbstractScrollArea>
#include <QMenu>
#include <QPointer>

class GanttEditor;
class GanttModel;
class QTreeView;

// The chart side of the timeline editor: paints the plan through GanttChartPainter and edits
// it with the mouse (drag to move, drag an end to resize, drag from the link handle to another
// bar to add a dependency), snapping to days. Shares rows and vertical scrolling with the tree
// beside it.
class GanttView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit GanttView(QWidget *parent = nullptr);
    ~GanttView() override;

    void setEditor(GanttEditor *editor);
    // The tree showing the same model: its expanded rows and scroll position are followed.
    void setTreeView(QTreeView *tree);

    Launch::TimeScale::Zoom zoom() const { return m_scale.zoom(); }
    void setZoom(Launch::TimeScale::Zoom zoom);
    void zoomIn();
    void zoomOut();
    void setToday(const QDate &today);
    QDate today() const { return m_today; }
    void scrollToToday();
    void scrollToDate(const QDate &date);

    const Launch::TimeScale &timeScale() const { return m_scale; }
    const Launch::GanttChartPainter &chartPainter() const { return m_painter; }
    int rowHeight() const { return m_painter.style().rowHeight; }
    int headerHeight() const { return m_painter.style().headerHeight; }
    // Geometry in viewport coordinates, for tests and tooltips.
    QRectF barRect(int itemId) const;
    QPointF linkHandle(int itemId) const;
    int itemAt(const QPoint &viewportPos) const;
    // The menu that asks for the type of a dependency drawn with the mouse, while it is open.
    QMenu *dependencyMenu() const { return m_menu; }

Q_SIGNALS:
    void zoomChanged(Launch::TimeScale::Zoom zoom);
    void problem(const QString &message);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    enum class Drag { None, Move, ResizeStart, ResizeEnd, Link };
    class Header;

    void rebuildRows();
    void refreshContent();
    void updateRange(bool reset);
    void updateScrollBars();
    void applyStyle();
    void select(int itemId);
    void showDependencyMenu(int fromId, int toId, const QPoint &globalPos);
    Drag hitTest(const QPointF &chartPos, int *itemId) const;
    QPointF toChart(const QPointF &viewportPos) const;
    int verticalOffset() const;
    void setZoomAround(Launch::TimeScale::Zoom zoom, double viewportX);

    QPointer<GanttEditor> m_editor;
    GanttModel *m_model = nullptr;
    QPointer<QTreeView> m_tree;
    Header *m_header;
    Launch::GanttChartPainter m_painter;
    Launch::TimeScale m_scale;
    QDate m_end;
    QDate m_today;
    QList<int> m_rows;

    Drag m_drag = Drag::None;
    int m_dragItem = 0;
    int m_gesture = 0;
    int m_appliedDays = 0;
    QDate m_pressStart;
    QDate m_pressEnd;
    QPointF m_pressPos;
    QPointF m_linkPos;
    bool m_moved = false;
    QPointer<QMenu> m_menu;
};
