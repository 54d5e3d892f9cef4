#pragma once

#include "journalpanel.h"

#include <QWidget>

class ActivityModel;
class Banner;
class QComboBox;
class QLabel;
class QTabWidget;
class QTableView;
class QTimer;
class TriggerNotifier;
class TriggersPanel;
class WorkspaceController;

// The Activity page: the feed of hub events and trigger firings, the webhook journal, and
// the triggers. Notifies when a trigger fires, wherever the firing came from (a webhook
// delivery, a sync, the periodic check).
class ActivityPage : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityPage(WorkspaceController *controller, QWidget *parent = nullptr);

    // Replay needs the connectors' processor, which the application hands in.
    void setReplayJob(JournalPanel::ReplayJob job);

    void reload();
    // Evaluates every trigger now (also done every few minutes).
    void evaluateTriggers();

    ActivityModel *feedModel() const { return m_model; }
    JournalPanel *journal() const { return m_journal; }
    TriggersPanel *triggers() const { return m_triggers; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    void feedLoaded();
    void notified(const QString &title, const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void workspaceOpened();
    void reloadFeed();
    void checkFirings();

    WorkspaceController *m_controller;
    Banner *m_banner;
    QTabWidget *m_tabs;
    QComboBox *m_filter;
    QLabel *m_count;
    ActivityModel *m_model;
    QTableView *m_view;
    JournalPanel *m_journal;
    TriggersPanel *m_triggers;
    TriggerNotifier *m_notifier;
    QTimer *m_poll;
    QTimer *m_evaluate;
    qint64 m_lastNotified = -1; // -1: not known yet; history never notifies
    qint64 m_feedNewest = 0;
};
