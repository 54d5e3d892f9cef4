#pragma once

#include "metrics/reporttable.h"
#include "metrics/reportwindow.h"

#include <QWidget>

class SummaryCard;

// Headline figures beside the charts: satisfaction (NPS and CSAT with their trend),
// velocity (throughput and cycle time) and market validation.
class AdoptionSummaryCards : public QWidget
{
    Q_OBJECT
public:
    explicit AdoptionSummaryCards(QWidget *parent = nullptr);

    void setLoading();
    void setSatisfaction(const ReportTable &table);
    void setVelocity(const ReportTable &table, const ReportWindow &window);
    void setValidation(const ReportTable &table);

    SummaryCard *nps() const { return m_nps; }
    SummaryCard *csat() const { return m_csat; }
    SummaryCard *throughput() const { return m_throughput; }
    SummaryCard *cycleTime() const { return m_cycle; }
    SummaryCard *validation() const { return m_validation; }

Q_SIGNALS:
    // The rows behind a card: a drill-down figure, its key (a feature id or a team) and what
    // to call them.
    void drillRequested(const QString &figure, const QString &key, const QString &label);

private:
    QString m_busiestTeam;
    qint64 m_mostAskedFeature = 0;
    QString m_mostAskedName;
    SummaryCard *m_nps;
    SummaryCard *m_csat;
    SummaryCard *m_throughput;
    SummaryCard *m_cycle;
    SummaryCard *m_validation;
};
