#pragma once

#include "launch/launchassessment.h"
#include "launch/launchplan.h"
#include "pdfdocument.h"

#include <QDate>
#include <QSqlDatabase>

#include <optional>

// A launch plan with what the coordinator says about it, read once.
struct LaunchPlanData
{
    QString workspace;
    Launch::LaunchPlan plan;
    Launch::Assessment assessment;
    QDate today;

    static std::optional<LaunchPlanData> load(const QSqlDatabase &db, qint64 planId,
                                              const QString &workspace, const QDate &today,
                                              QString *error);
};

// The launch plan for stakeholders: status and key dates, the Gantt chart (milestones,
// dependencies, the today line) across as many pages as it needs or fitted to one, then the
// findings, recommendations and success metrics.
class LaunchPlanPdf : public PdfDocument
{
public:
    enum class Timeline { AcrossPages, FittedToOnePage };

    explicit LaunchPlanPdf(LaunchPlanData data, Timeline timeline = Timeline::AcrossPages);

    QString title() const override;
    void layOut(PdfLayout &layout) const override;

private:
    void overview(PdfLayout &layout) const;
    void timeline(PdfLayout &layout) const;
    void assessment(PdfLayout &layout) const;

    LaunchPlanData m_data;
    Timeline m_timeline;
};
