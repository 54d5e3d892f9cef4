#pragma once

#include <QDate>
#include <QDialog>

class QDateEdit;
class QLineEdit;
class QPushButton;

// Asks what a new launch plan is for: the product and the launch day.
class NewPlanDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewPlanDialog(const QDate &today, QWidget *parent = nullptr);

    QString product() const;
    QString name() const;
    QDate launchDate() const;

private:
    QLineEdit *m_product;
    QLineEdit *m_name;
    QDateEdit *m_date;
    QPushButton *m_create;
};
