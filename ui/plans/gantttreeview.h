#pragma once

#include <QTreeView>

// The table side of the timeline editor: names, owners, dates and progress, one row per bar
// of the chart beside it, with rows exactly as tall as the chart's.
class GanttTreeView : public QTreeView
{
    Q_OBJECT
public:
    explicit GanttTreeView(QWidget *parent = nullptr);

    void setRowHeight(int height);
    int rowHeight() const { return m_rowHeight; }

private:
    int m_rowHeight = 28;
};
