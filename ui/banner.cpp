#include "banner.h"

#include "theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

Banner::Banner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("banner"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss"));
    close->setAccessibleName(tr("Dismiss message"));
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 8, 8, 8);
    layout->addWidget(m_label, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    hide();
}

void Banner::showMessage(const QString &text, Kind kind)
{
    m_label->setText(text);
    const bool dark = Theme::isDark();
    const QString background = kind == Kind::Error
                                   ? (dark ? QStringLiteral("#4a2326") : QStringLiteral("#fdecea"))
                                   : (dark ? QStringLiteral("#23304a") : QStringLiteral("#e8edfd"));
    const QString border = kind == Kind::Error ? QStringLiteral("#d93f3f") : Theme::accent().name();
    setStyleSheet(QStringLiteral("#banner { background: %1; border-left: 4px solid %2; "
                                 "border-radius: 4px; }")
                      .arg(background, border));
    setAccessibleDescription(text);
    show();
}

QString Banner::text() const
{
    return m_label->text();
}
