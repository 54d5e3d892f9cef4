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
    // A card that opens what its figure was computed from: clickable, and reachable by
    // keyboard (Enter or Space).
    void setActivatable(bool activatable, const QString &hint = QString());

Q_SIGNALS:
    void activated();

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    bool m_activatable = false;
    QLabel *m_title;
    QLabel *m_value;
    QLabel *m_detail;
};
