#include "gantttreeview.h"

#include "ganttmodel.h"

#include <QDateEdit>
#include <QHeaderView>
#include <QSpinBox>
#include <QStyledItemDelegate>

namespace {

// Fixed row heights keep the tree's rows level with the chart's; editors get sensible ranges.
class RowDelegate : public QStyledItemDelegate
{
public:
    RowDelegate(GanttTreeView *view)
        : QStyledItemDelegate(view)
        , m_view(view)
    {
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(m_view->rowHeight());
        return size;
    }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        if (index.column() == GanttModel::Progress) {
            auto *spin = new QSpinBox(parent);
            spin->setRange(0, 100);
            spin->setSuffix(QStringLiteral("%"));
            spin->setAccessibleName(GanttTreeView::tr("Progress in percent"));
            return spin;
        }
        if (index.column() == GanttModel::Start || index.column() == GanttModel::End) {
            auto *edit = new QDateEdit(parent);
            edit->setCalendarPopup(true);
            edit->setAccessibleName(index.column() == GanttModel::Start
                                        ? GanttTreeView::tr("Start date")
                                        : GanttTreeView::tr("End date"));
            return edit;
        }
        return QStyledItemDelegate::createEditor(parent, option, index);
    }

private:
    GanttTreeView *m_view;
};

} // namespace

GanttTreeView::GanttTreeView(QWidget *parent)
    : QTreeView(parent)
{
    setAccessibleName(tr("Timeline items"));
    setItemDelegate(new RowDelegate(this));
    setUniformRowHeights(true);
    setAlternatingRowColors(false);
    setAllColumnsShowFocus(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    setIndentation(16);
    header()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignBottom);
    header()->setStretchLastSection(false);
}

void GanttTreeView::setRowHeight(int height)
{
    m_rowHeight = height;
    scheduleDelayedItemsLayout();
}
