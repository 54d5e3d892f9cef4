#pragma once

#include <QStyledItemDelegate>
#include <QTableView>

// Draws a cell's HTML (the matches of the words searched in bold) when the model gives one
// under htmlRole, and the plain text otherwise.
class HighlightDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    HighlightDelegate(int htmlRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    int m_htmlRole;
};

// The inbox's table. Single keys triage the selection, as in a mail client: the letters
// would otherwise jump to a row by its first letters, which means little in an inbox.
class FeedbackTableView : public QTableView
{
    Q_OBJECT
public:
    explicit FeedbackTableView(QWidget *parent = nullptr);

Q_SIGNALS:
    void statusKeyPressed(const QString &status);
    void tagKeyPressed();
    void linkKeyPressed();
    // A column was shown or hidden from the header's menu.
    void columnsChosen();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    // The header's menu: every column, checked when shown; the last one shown stays.
    void chooseColumns(const QPoint &position);
};
