#pragma once

#include "feedbackloader.h"

#include <QWidget>

class FeedbackMoreFilters;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QTimer;
class QToolButton;

// The inbox's saved views, search field and filters. Typing waits for a pause before it
// announces the filter; the other controls announce at once. The view list follows the
// filter: it names the saved view the filter equals, or says the filter is unsaved.
class FeedbackFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit FeedbackFilterBar(QWidget *parent = nullptr);

    FeedbackFilter filter() const;
    // Shows filter in the controls and announces it.
    void setFilter(const FeedbackFilter &filter);
    void setSources(const NamedIds &sources);
    void setChoices(const InboxChoices &choices);
    void reset();

    QLineEdit *searchField() const { return m_search; }
    QComboBox *viewBox() const { return m_views; }
    QComboBox *sourceBox() const { return m_source; }
    QComboBox *statusBox() const { return m_status; }
    QCheckBox *unlinkedBox() const { return m_unlinked; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QToolButton *moreButton() const { return m_more; }
    FeedbackMoreFilters *moreFilters() const { return m_moreFilters; }
    QToolButton *viewMenuButton() const { return m_viewMenu; }
    // The saved view the filter equals; 0 for none.
    qint64 currentViewId() const;

Q_SIGNALS:
    void filterChanged();
    void saveViewRequested(const QString &name, const FeedbackFilter &filter);
    void renameViewRequested(qint64 id, const QString &name);
    void deleteViewRequested(qint64 id);

private:
    QDateEdit *makeDateEdit(const QString &accessibleName);
    void announce();
    void showView(int index);
    void followFilter();
    void askSaveView();
    void askRenameView();
    void askDeleteView();

    QComboBox *m_views;
    QToolButton *m_viewMenu;
    QLineEdit *m_search;
    QComboBox *m_source;
    QComboBox *m_status;
    QCheckBox *m_unlinked;
    QToolButton *m_more;
    FeedbackMoreFilters *m_moreFilters;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QTimer *m_debounce;
    QList<SavedView> m_savedViews;
    bool m_applying = false;
};
