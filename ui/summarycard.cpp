#include "summarycard.h"

#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>

SummaryCard::SummaryCard(const QString &title, QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_value(new QLabel(QStringLiteral("—"), this))
    , m_detail(new QLabel(this))
{
    setObjectName(QStringLiteral("summaryCard"));
    setStyleSheet(QStringLiteral("#summaryCard { background: palette(base); border: 1px solid "
                                 "palette(midlight); border-radius: 8px; }"));
    QFont valueFont = m_value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.9);
    valueFont.setWeight(QFont::DemiBold);
    m_value->setFont(valueFont);
    QFont titleFont = m_title->font();
    titleFont.setWeight(QFont::Medium);
    m_title->setFont(titleFont);
    m_title->setForegroundRole(QPalette::PlaceholderText);
    m_detail->setForegroundRole(QPalette::PlaceholderText);
    m_detail->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    // A stretch rather than top alignment: aligned widgets get their size hint, and a wrapped
    // detail would be cut to one line's height.
    layout->addStretch(1);
    setAccessibleName(title);
    setMinimumWidth(150);
}

void SummaryCard::setValue(const QString &value, const QString &detail)
{
    m_value->setText(value);
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
    setAccessibleDescription(value + QLatin1Char(' ') + detail);
}

QString SummaryCard::value() const
{
    return m_value->text();
}

void SummaryCard::setActivatable(bool activatable, const QString &hint)
{
    m_activatable = activatable;
    setFocusPolicy(activatable ? Qt::StrongFocus : Qt::NoFocus);
    setCursor(activatable ? Qt::PointingHandCursor : Qt::ArrowCursor);
    setToolTip(activatable ? hint : QString());
}

void SummaryCard::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_activatable && event->button() == Qt::LeftButton && rect().contains(event->pos()))
        Q_EMIT activated();
    QFrame::mouseReleaseEvent(event);
}

void SummaryCard::keyPressEvent(QKeyEvent *event)
{
    if (m_activatable && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter ||
                          event->key() == Qt::Key_Space)) {
        Q_EMIT activated();
        return;
    }
    QFrame::keyPressEvent(event);
}
