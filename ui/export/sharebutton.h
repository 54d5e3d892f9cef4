#pragma once

#include <QPushButton>

class QKeySequence;

// A page's Share button: a menu of exports whose shortcuts work anywhere on the page, so that
// Ctrl+E means "the PDF of what I am looking at" on every page that has one.
class ShareButton : public QPushButton
{
    Q_OBJECT
public:
    ShareButton(QWidget *page, const QString &accessibleName);

    QAction *addExport(const QString &text, const QKeySequence &shortcut);

private:
    QWidget *m_page;
};
