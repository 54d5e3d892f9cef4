#include "sharebutton.h"

#include <QAction>
#include <QMenu>

ShareButton::ShareButton(QWidget *page, const QString &accessibleName)
    : QPushButton(tr("&Share"), page)
    , m_page(page)
{
    setAccessibleName(accessibleName);
    setMenu(new QMenu(this));
}

QAction *ShareButton::addExport(const QString &text, const QKeySequence &shortcut)
{
    QAction *action = menu()->addAction(text);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_page->addAction(action);
    return action;
}
