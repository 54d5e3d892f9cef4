#include "workspaceview.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>

namespace {
const QString LastPageKey = QStringLiteral("window/lastPage");
}

WorkspaceView::WorkspaceView(QWidget *parent)
    : QWidget(parent)
    , m_sidebar(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
{
    m_sidebar->setAccessibleName(tr("Pages"));
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setUniformItemSizes(true);
    // Roomy, rounded entries on the window colour: a sidebar, not a list box. Sizes in em
    // follow the font, so the sidebar scales with the display.
    m_sidebar->setStyleSheet(QStringLiteral(
        "QListWidget#sidebar { background: palette(window); padding: 12px 8px; outline: 0; }"
        "QListWidget#sidebar::item { padding: 0.45em 1em; margin: 1px 0; border-radius: 6px; }"
        "QListWidget#sidebar::item:selected { background: palette(highlight);"
        " color: palette(highlighted-text); }"
        "QListWidget#sidebar::item:hover:!selected { background: palette(midlight); }"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_pages, 1);
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= m_ids.size())
            return;
        m_pages->setCurrentIndex(row);
        if (m_remembering) // not while pages are still being added and restored
            QSettings().setValue(LastPageKey, m_ids.at(row));
        Q_EMIT pageChanged(m_ids.at(row));
    });
}

void WorkspaceView::addPage(const QString &id, const QString &title, QWidget *page)
{
    m_ids.append(id);
    m_pages->addWidget(page);
    auto *item = new QListWidgetItem(title, m_sidebar);
    const int position = int(m_ids.size());
    if (position <= 9) {
        const QKeySequence key(QStringLiteral("Ctrl+%1").arg(position));
        item->setToolTip(tr("%1 (%2)").arg(title, key.toString(QKeySequence::NativeText)));
        auto *shortcut = new QShortcut(key, this);
        connect(shortcut, &QShortcut::activated, this, [this, id] { showPage(id); });
    }
    // Wide enough for the longest title at any scale, never wider.
    m_sidebar->setFixedWidth(m_sidebar->sizeHintForColumn(0) + 3 * fontMetrics().height());
    if (m_sidebar->currentRow() < 0)
        m_sidebar->setCurrentRow(0);
}

void WorkspaceView::showPage(const QString &id)
{
    const int row = int(m_ids.indexOf(id));
    if (row >= 0)
        m_sidebar->setCurrentRow(row);
}

QString WorkspaceView::currentPageId() const
{
    return m_ids.value(m_sidebar->currentRow());
}

QWidget *WorkspaceView::page(const QString &id) const
{
    const int row = int(m_ids.indexOf(id));
    return row >= 0 ? m_pages->widget(row) : nullptr;
}

void WorkspaceView::restoreLastPage()
{
    showPage(QSettings().value(LastPageKey).toString());
    m_remembering = true;
}
