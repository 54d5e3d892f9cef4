#pragma once

#include "feedbackloader.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QTimer;

// The inbox's search field and filters on one row. Typing waits for a pause before it
// announces the filter; the other controls announce at once.
class FeedbackFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit FeedbackFilterBar(QWidget *parent = nullptr);

    FeedbackFilter filter() const;
    void setSources(const NamedIds &sources);
    void reset();

    QLineEdit *searchField() const { return m_search; }
    QComboBox *sourceBox() const { return m_source; }
    QComboBox *statusBox() const { return m_status; }
    QCheckBox *unlinkedBox() const { return m_unlinked; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }

Q_SIGNALS:
    void filterChanged();

private:
    QDateEdit *makeDateEdit(const QString &accessibleName);

    QLineEdit *m_search;
    QComboBox *m_source;
    QComboBox *m_status;
    QCheckBox *m_unlinked;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QTimer *m_debounce;
};
