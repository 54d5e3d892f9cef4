#pragma once

#include <QSqlDatabase>
#include <QWidget>

#include <functional>

class Banner;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class WebhookJournalModel;
class WorkspaceController;

// The webhook journal: every stored delivery with its status, the selected one's payload,
// and Replay, which processes the stored delivery again through the workspace's writer.
class JournalPanel : public QWidget
{
    Q_OBJECT
public:
    // Processes a stored delivery again and records its new status, in a writer job.
    using ReplayJob = std::function<bool(QSqlDatabase &db, qint64 deliveryId, QString *error)>;

    JournalPanel(WorkspaceController *controller, Banner *banner, QWidget *parent = nullptr);

    void setReplayJob(ReplayJob job);
    void reload();
    // Replays the selected delivery; replayed() follows when its new status is shown.
    void replaySelected();

    WebhookJournalModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

Q_SIGNALS:
    void loaded();
    void replayed(qint64 deliveryId);

private:
    void showSelected();

    WorkspaceController *m_controller;
    Banner *m_banner;
    WebhookJournalModel *m_model;
    QTableView *m_view;
    QLabel *m_summary;
    QPlainTextEdit *m_payload;
    QPushButton *m_replay;
    QLabel *m_empty;
    ReplayJob m_replayJob;
    qint64 m_selected = 0;
};
