#pragma once

#include "companies/companystore.h"

#include <QDialog>

class QLineEdit;
class QListWidget;

// Asks which company another one is merged into: a filtered list of the others.
class MergeTargetDialog : public QDialog
{
    Q_OBJECT
public:
    MergeTargetDialog(const CompanySummary &from, const QList<CompanySummary> &companies,
                      QWidget *parent = nullptr);

    qint64 targetId() const;
    QListWidget *list() const { return m_list; }
    QLineEdit *filter() const { return m_filter; }

private:
    void applyFilter(const QString &text);

    QLineEdit *m_filter;
    QListWidget *m_list;
};
