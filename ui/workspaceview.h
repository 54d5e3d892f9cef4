#pragma once

#include <QWidget>

class QListWidget;
class QStackedWidget;

// An open workspace: a sidebar of pages on the left, the current page on the right. Pages are
// added once by the window; the last page shown is remembered.
class WorkspaceView : public QWidget
{
    Q_OBJECT
public:
    explicit WorkspaceView(QWidget *parent = nullptr);

    // id names the page in settings; the page gets Ctrl+<position> as its shortcut.
    void addPage(const QString &id, const QString &title, QWidget *page);
    void showPage(const QString &id);
    QString currentPageId() const;
    QWidget *page(const QString &id) const;
    QStringList pageIds() const { return m_ids; }
    void restoreLastPage();

Q_SIGNALS:
    void pageChanged(const QString &id);

private:
    QListWidget *m_sidebar;
    QStackedWidget *m_pages;
    QStringList m_ids;
    bool m_remembering = false;
};
