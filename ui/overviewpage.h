#pragma once

#include "workspacesummary.h"

#include <QWidget>

class Banner;
class QLabel;
class QProgressBar;
class SummaryCard;

// What the open workspace holds, at a glance.
class OverviewPage : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewPage(QWidget *parent = nullptr);

    void setWorkspace(const QString &name, const QString &folder);
    void setLoading();
    void setSummary(const WorkspaceSummary &summary);
    void showError(const QString &message);

    // For tests and accessibility: the text of the card with this title.
    QString cardValue(const QString &title) const;

Q_SIGNALS:
    void demoRequested();

private:
    SummaryCard *addCard(const QString &title, int row, int column);

    QLabel *m_title;
    QLabel *m_path;
    Banner *m_banner;
    QProgressBar *m_busy;
    QWidget *m_cards;
    QWidget *m_empty;
    QList<SummaryCard *> m_cardList;
    SummaryCard *m_features;
    SummaryCard *m_usage;
    SummaryCard *m_feedback;
    SummaryCard *m_work;
    SummaryCard *m_pipeline;
    SummaryCard *m_launches;
    SummaryCard *m_campaigns;
    SummaryCard *m_sources;
};
