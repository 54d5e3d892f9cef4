#include "summarycard.h"

#include <QLabel>
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
