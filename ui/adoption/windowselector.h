#pragma once

#include "metrics/reportwindow.h"

#include <QWidget>

class QComboBox;
class QDateEdit;

// The days the dashboard covers: the last 30, 90 or 180 days, or a custom range.
// The choice is remembered across runs.
class WindowSelector : public QWidget
{
    Q_OBJECT
public:
    explicit WindowSelector(QWidget *parent = nullptr);

    ReportWindow window(const QDate &today) const;
    void setLastDays(int days);
    void setCustomRange(const QDate &from, const QDate &to);

Q_SIGNALS:
    void changed();

private:
    void save() const;
    void updateEditors();

    QComboBox *m_choice;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QWidget *m_dash;
};
