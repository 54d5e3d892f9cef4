#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeView;
class SourcesModel;

// The sources and their streams with the actions on the selected source: sync now, cancel,
// full re-sync, connect, disconnect, remove, and its sync schedule.
class SourcesView : public QWidget
{
    Q_OBJECT
public:
    explicit SourcesView(SourcesModel *model, QWidget *parent = nullptr);

    QTreeView *tree() const { return m_tree; }
    qint64 currentSourceId() const;
    void selectSource(qint64 sourceId);
    // Enables the actions for the selection; the page knows what is running.
    void updateActions(bool syncing, int scheduleMinutes, bool canSync, bool needsCredentials);

    QPushButton *syncButton() const { return m_sync; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *fullButton() const { return m_full; }
    QPushButton *connectButton() const { return m_connect; }
    QPushButton *disconnectButton() const { return m_disconnect; }
    QPushButton *removeButton() const { return m_remove; }
    QComboBox *scheduleBox() const { return m_schedule; }

Q_SIGNALS:
    void selectionChanged();
    void syncRequested(qint64 sourceId, bool full);
    void cancelRequested();
    void connectRequested(qint64 sourceId);
    void disconnectRequested(qint64 sourceId);
    void removeRequested(qint64 sourceId);
    void scheduleChosen(qint64 sourceId, int minutes);

private:
    void showDetail();

    SourcesModel *m_model;
    QTreeView *m_tree;
    QPushButton *m_sync;
    QPushButton *m_cancel;
    QPushButton *m_full;
    QPushButton *m_connect;
    QPushButton *m_disconnect;
    QPushButton *m_remove;
    QComboBox *m_schedule;
    QLabel *m_detail;
    bool m_updating = false;
};
