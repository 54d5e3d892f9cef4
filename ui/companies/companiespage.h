#pragma once

#include "companies/companystore.h"

#include <QModelIndex>
#include <QWidget>

#include <functional>
#include <memory>

class Banner;
class CompanyTreeModel;
class Database;
class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTimer;
class QTreeView;
class QUndoStack;
class WorkspaceController;

// The Companies page: every company with its identifier in each service and how it was
// matched, the users, opportunities and feedback that point at it, and the two fixes for a
// wrong match, "Split off" and "Merge into…", both undoable and kept by later syncs.
class CompaniesPage : public QWidget
{
    Q_OBJECT
public:
    explicit CompaniesPage(WorkspaceController *controller, QWidget *parent = nullptr);
    ~CompaniesPage() override;

    void reload();
    bool isBusy() const { return m_loading > 0 || m_writing > 0; }
    // Split the identifier off into a company of its own; merge one company into another.
    void splitOff(qint64 sourceId, const QString &externalId);
    void mergeInto(qint64 from, qint64 into);
    void selectCompany(qint64 id);
    qint64 selectedCompanyId() const;

    CompanyTreeModel *model() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }
    QUndoStack *undoStack() const { return m_undo; }
    QAction *splitAction() const { return m_split; }
    QAction *mergeAction() const { return m_merge; }
    QLineEdit *searchField() const { return m_search; }
    QLabel *countLabel() const { return m_count; }
    Banner *banner() const { return m_banner; }

protected:
    // Syncs and other pages change companies: what is shown is read again on every visit.
    void showEvent(QShowEvent *event) override;

Q_SIGNALS:
    void loaded(); // the tree shows the answer for the current search
    void edited(bool ok);

private:
    using Edit = std::function<bool(QSqlDatabase &db, CompanyEdit *edit, QString *error)>;

    void createActions();
    void openWorkspace();
    void load();
    void showCompanies(const QList<CompanySummary> &companies);
    void runEdit(const QString &text, Edit edit);
    void replay(const CompanyEdit &edit, bool forward);
    void updateActions();
    void askMerge();
    QModelIndex currentSourceIndex() const;

    WorkspaceController *m_controller;
    std::shared_ptr<Database> m_database;
    CompanyTreeModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QUndoStack *m_undo;
    Banner *m_banner;
    QLineEdit *m_search;
    QLabel *m_count;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QTreeView *m_tree;
    QTimer *m_searchDelay;
    QAction *m_split = nullptr;
    QAction *m_merge = nullptr;
    int m_loading = 0;
    int m_writing = 0;
    quint64 m_generation = 0;
    qint64 m_select = 0; // the company to select once the tree is loaded again
};
