#pragma once

#include <QWidget>

#include <functional>
#include <memory>

class Banner;
class QAction;
struct FeedbackFilter;
class Database;
class FeedbackFilterBar;
class FeedbackInboxModel;
class FeedbackLoader;
class FeedbackReadingPane;
class FeedbackTableView;
class FeedbackTriage;
class QLabel;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QUndoStack;
class WorkspaceController;
struct TriageChange;

// The feedback inbox: search and filters over every item, a reading pane for the selected
// one, and keyboard triage (status, tags, feature links) that can be undone.
class FeedbackPage : public QWidget
{
    Q_OBJECT
public:
    explicit FeedbackPage(WorkspaceController *controller, QWidget *parent = nullptr);
    ~FeedbackPage() override;

    // Reads the workspace again (after a sync).
    void reload();
    bool isBusy() const;

    // The selection's triage; each is one step on the undo stack.
    void setStatus(const QString &status);
    void addTag(const QString &tag);
    void linkFeature(qint64 featureId, int importance);
    void removeTag(const QString &tag);
    void unlinkFeature(qint64 featureId);
    // Makes a feature from the selection, asking its name; false when cancelled or refused.
    bool createFeature();
    bool createFeature(const QString &name, const QString &description, int importance);
    // The selected items other than the current one become its duplicates.
    void mergeSelected();
    void mergeIntoCurrent(const QList<qint64> &duplicateIds);
    void unmerge(qint64 feedbackId);
    // Selects the item when the list has it; otherwise shows it in a dialog.
    void openItem(qint64 feedbackId);
    void saveView(const QString &name, const FeedbackFilter &filter);

    FeedbackInboxModel *model() const { return m_model.get(); }
    FeedbackTableView *view() const { return m_view; }
    FeedbackFilterBar *filterBar() const { return m_filters; }
    FeedbackReadingPane *readingPane() const { return m_reading; }
    QUndoStack *undoStack() const { return m_undo; }
    QAction *newFeatureAction() const { return m_newFeature; }
    QAction *mergeAction() const { return m_merge; }
    Banner *banner() const { return m_banner; }
    QString countText() const;

Q_SIGNALS:
    void triaged(); // after an edit, an undo or a redo, once the table shows it

private:
    using Edit =
        std::function<bool(FeedbackTriage &, const QList<qint64> &, TriageChange *, QString *)>;
    void openWorkspace();
    void applyFilter();
    void fetchFirstWindow();
    void showCurrent();
    bool triage(const QString &description, const Edit &edit);
    bool triage(const QString &description, const Edit &edit, const QList<qint64> &ids);
    void showContextMenu(const QPoint &position);
    void saveColumns();
    void afterTriage(const QString &error);
    void restoreSelection(const QList<qint64> &ids, qint64 current, int lastRow);
    QList<qint64> selectedIds(int *lastRow = nullptr) const;
    void updateBusy();

    WorkspaceController *m_controller;
    std::shared_ptr<Database> m_database;
    std::unique_ptr<FeedbackInboxModel> m_model;
    FeedbackLoader *m_loader;
    QUndoStack *m_undo;
    QStackedWidget *m_stack;
    Banner *m_banner;
    FeedbackFilterBar *m_filters;
    QLabel *m_count;
    QProgressBar *m_busy;
    QSplitter *m_splitter;
    FeedbackTableView *m_view;
    FeedbackReadingPane *m_reading;
    QAction *m_newFeature;
    QAction *m_merge;
};
