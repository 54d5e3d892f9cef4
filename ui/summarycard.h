#pragma once

#include <QFrame>

class QLabel;

// One headline figure with its label and a line of detail, as on a dashboard.
class SummaryCard : public QFrame
{
    Q_OBJECT
public:
    SummaryCard(const QString &title, QWidget *parent = nullptr);

    void setValue(const QString &value, const QString &detail = QString());
    QString value() const;

private:
    QLabel *m_title;
    QLabel *m_value;
    QLabel *m_detail;
};
