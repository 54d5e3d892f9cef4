#include "feedbacktableview.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QTextDocument>

HighlightDelegate::HighlightDelegate(int htmlRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_htmlRole(htmlRole)
{
}

void HighlightDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    const QString html = index.data(m_htmlRole).toString();
    if (html.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    QTextDocument document;
    document.setDefaultFont(opt.font);
    document.setDocumentMargin(0);
    // One line, as the plain cells: the HTML has no line breaks of its own.
    document.setHtml(QStringLiteral("<span style='white-space:pre'>%1</span>").arg(html));
    const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    QAbstractTextDocumentLayout::PaintContext context;
    const bool selected = opt.state & QStyle::State_Selected;
    context.palette.setColor(
        QPalette::Text, opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->save();
    painter->setClipRect(text);
    const int top = text.top() + (text.height() - int(document.size().height())) / 2;
    painter->translate(text.left(), top);
    document.documentLayout()->draw(painter, context);
    painter->restore();
}

FeedbackTableView::FeedbackTableView(QWidget *parent)
    : QTableView(parent)
{
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSortingEnabled(true);
    setWordWrap(false);
    setAlternatingRowColors(false);
    setShowGrid(false);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setToolTip(tr("Right-click to choose the columns; drag to reorder"));
    connect(horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            &FeedbackTableView::chooseColumns);
    setAccessibleName(tr("Feedback items"));
}

void FeedbackTableView::chooseColumns(const QPoint &position)
{
    if (!model())
        return;
    QMenu menu(this);
    menu.setAccessibleName(tr("Columns"));
    int shown = 0;
    for (int column = 0; column < model()->columnCount(); ++column)
        shown += isColumnHidden(column) ? 0 : 1;
    for (int column = 0; column < model()->columnCount(); ++column) {
        QAction *action = menu.addAction(model()->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!isColumnHidden(column));
        action->setEnabled(isColumnHidden(column) || shown > 1);
        connect(action, &QAction::toggled, this, [this, column](bool on) {
            setColumnHidden(column, !on);
            if (on && columnWidth(column) < 40)
                setColumnWidth(column, fontMetrics().averageCharWidth() * 14);
            Q_EMIT columnsChosen();
        });
    }
    menu.exec(horizontalHeader()->mapToGlobal(position));
}

void FeedbackTableView::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers =
        event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier);
    if (modifiers == Qt::NoModifier) {
        switch (event->key()) {
        case Qt::Key_N:
            Q_EMIT statusKeyPressed(QStringLiteral("new"));
            return;
        case Qt::Key_T:
            Q_EMIT statusKeyPressed(QStringLiteral("triaged"));
            return;
        case Qt::Key_A:
            Q_EMIT statusKeyPressed(QStringLiteral("archived"));
            return;
        case Qt::Key_G:
            Q_EMIT tagKeyPressed();
            return;
        case Qt::Key_L:
            Q_EMIT linkKeyPressed();
            return;
        default:
            break;
        }
    }
    QTableView::keyPressEvent(event);
}
