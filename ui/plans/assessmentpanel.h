#pragma once

#include "launch/launchassessment.h"

#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QTreeView;

// The side panel of the launch editor: whether the launch is ready and why, the alignment
// findings with their recommendations, the success metrics and the dependencies' state.
class AssessmentPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AssessmentPanel(QWidget *parent = nullptr);

    void showAssessment(const Launch::Assessment &assessment);
    void showNothing(const QString &why);
    void setDependencyModel(QAbstractItemModel *model);

    QString readinessText() const;
    QStringList findingMessages() const { return m_findingMessages; }
    QStringList recommendationTexts() const { return m_recommendations; }

    static QString readinessLabel(Launch::Readiness readiness);
    static QString severityLabel(Launch::Severity severity);

private:
    QLabel *m_status;
    QLabel *m_reasons;
    QLabel *m_findingsTitle;
    QLabel *m_findings;
    QLabel *m_recommendationsTitle;
    QLabel *m_recommendationsLabel;
    QLabel *m_metrics;
    QTreeView *m_dependencies;
    QStringList m_findingMessages;
    QStringList m_recommendations;
    Launch::Readiness m_readiness = Launch::Readiness::Ready;
    bool m_shown = false;
};
