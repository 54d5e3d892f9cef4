#include "launchplanpdf.h"

#include "launch/ganttchartpainter.h"
#include "launch/launchcoordinator.h"
#include "launch/planschedule.h"
#include "launch/planstore.h"
#include "pdflayout.h"
#include "pdfstyle.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPainter>
#include <QPalette>

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("LaunchPlanPdf", text, disambiguation, n);
}

// Chart sizes in points: the painter is scaled so that one chart unit is one point.
constexpr double RowHeight = 15;
constexpr double HeaderHeight = 26;
constexpr double LabelWidth = 140;
// Narrowest day that keeps bars and labels readable when the chart spans pages.
constexpr double MinimumDayWidth = 4.5;

Launch::GanttChartStyle chartStyle()
{
    QPalette palette;
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Window, PdfStyle::stripe);
    palette.setColor(QPalette::Text, PdfStyle::ink);
    palette.setColor(QPalette::WindowText, PdfStyle::ink);
    Launch::GanttChartStyle style =
        Launch::GanttChartStyle::fromPalette(palette, false, PdfStyle::accent);
    QFont font(PdfStyle::family());
    font.setPixelSize(7);
    font.setHintingPreference(QFont::PreferNoHinting);
    PdfStyle::noLigatures(font);
    style.font = font;
    style.rowHeight = int(RowHeight);
    style.headerHeight = int(HeaderHeight);
    return style;
}

QString severityLabel(Launch::Severity severity)
{
    switch (severity) {
    case Launch::Severity::Blocker:
        return tr("Blocker");
    case Launch::Severity::Warning:
        return tr("Warning");
    case Launch::Severity::Info:
        break;
    }
    return tr("Note");
}

QString number(double value)
{
    return QLocale(QLocale::English, QLocale::UnitedStates)
        .toString(value, 'f', value == qint64(value) ? 0 : 1);
}

} // namespace

std::optional<LaunchPlanData> LaunchPlanData::load(const QSqlDatabase &db, qint64 planId,
                                                   const QString &workspace, const QDate &today,
                                                   QString *error)
{
    std::optional<Launch::LaunchPlan> plan = Launch::PlanStore(db).load(planId, error);
    if (!plan)
        return std::nullopt;
    const std::optional<Launch::LaunchContext> context =
        Launch::LaunchCoordinator::loadContext(db, *plan, today, error);
    if (!context)
        return std::nullopt;
    LaunchPlanData data;
    data.workspace = workspace;
    data.assessment = Launch::LaunchCoordinator::assess(*plan, *context, today);
    data.plan = std::move(*plan);
    data.today = today;
    return data;
}

LaunchPlanPdf::LaunchPlanPdf(LaunchPlanData data, Timeline timeline)
    : m_data(std::move(data))
    , m_timeline(timeline)
{
}

QString LaunchPlanPdf::title() const
{
    return tr("Launch plan: %1").arg(m_data.plan.name);
}

void LaunchPlanPdf::layOut(PdfLayout &layout) const
{
    const Launch::LaunchPlan &plan = m_data.plan;
    PdfTitlePage page;
    page.kind = tr("Launch plan");
    page.title = plan.name;
    page.subtitle =
        tr("%1 · launch on %2").arg(plan.product, plan.launchDate.toString(Qt::ISODate));
    page.facts = {
        {tr("Workspace"), m_data.workspace},
        {tr("Product"), plan.product},
        {tr("Launch date"), plan.launchDate.toString(Qt::ISODate)},
        {tr("Readiness"), Launch::readinessLabel(m_data.assessment.readiness)},
        {tr("Status"), plan.status},
        {tr("Exported"), exportedAt().toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) +
                             QStringLiteral(" UTC")}};
    layout.titlePage(page);
    overview(layout);
    timeline(layout);
    assessment(layout);
}

void LaunchPlanPdf::overview(PdfLayout &layout) const
{
    const Launch::LaunchPlan &plan = m_data.plan;
    layout.heading(tr("Status"));
    int milestones = 0;
    int done = 0;
    int tasks = 0;
    double progress = 0;
    for (const Launch::PlanItem &item : plan.items) {
        if (item.isMilestone()) {
            ++milestones;
            done += item.done ? 1 : 0;
        } else if (item.kind == Launch::ItemKind::Task) {
            ++tasks;
            progress += item.progress;
        }
    }
    const qint64 daysLeft = m_data.today.daysTo(plan.launchDate);
    layout.keyFigures(
        {{Launch::readinessLabel(m_data.assessment.readiness), tr("Readiness"),
          m_data.assessment.reasons.value(0)},
         {daysLeft >= 0 ? tr("%n day(s)", nullptr, int(daysLeft))
                        : tr("%n day(s) ago", nullptr, int(-daysLeft)),
          daysLeft >= 0 ? tr("Until launch") : tr("Since launch"),
          plan.launchDate.toString(Qt::ISODate)},
         {tr("%1 of %2").arg(done).arg(milestones), tr("Milestones done"), {}},
         {tasks > 0 ? number(100.0 * progress / tasks) + QLatin1Char('%') : QStringLiteral("–"),
          tr("Average task progress"), tr("%n task(s)", nullptr, tasks)}});
    if (!plan.audiences.isEmpty() || !plan.channels.isEmpty())
        layout.paragraph(
            tr("Audiences: %1. Channels: %2.")
                .arg(plan.audiences.isEmpty() ? tr("none named")
                                              : plan.audiences.join(QStringLiteral(", ")),
                     plan.channels.isEmpty() ? tr("none named")
                                             : plan.channels.join(QStringLiteral(", "))));
    for (const QString &reason : m_data.assessment.reasons.mid(1))
        layout.note(reason);
}

void LaunchPlanPdf::timeline(PdfLayout &layout) const
{
    const Launch::LaunchPlan &plan = m_data.plan;
    layout.heading(tr("Timeline"));
    if (plan.items.isEmpty()) {
        layout.emptyState(tr("This plan has no phases, tasks or milestones yet."));
        return;
    }
    QDate from = plan.launchDate;
    QDate to = plan.launchDate;
    Launch::GanttChartContent content;
    content.plan = &plan;
    content.today = m_data.today;
    for (const Launch::PlanItem &item : plan.items) {
        content.rows.append(item.id);
        from = qMin(from, item.start);
        to = qMax(to, item.end);
    }
    for (const Launch::Violation &violation : Launch::dependencyViolations(plan))
        content.violations.insert(violation.dependencyId, violation.reason);
    content.criticalPath = Launch::criticalPath(plan);
    // A little room on both sides, and the today line when it is near.
    // Room on the left, and on the right for the labels drawn after the last bars.
    from = from.addDays(-3);
    to = to.addDays(qMax<qint64>(10, from.daysTo(to) / 4));
    if (m_data.today.isValid() && m_data.today >= from.addDays(-30) && m_data.today < from)
        from = m_data.today.addDays(-2);
    if (m_data.today.isValid() && m_data.today > to && m_data.today <= to.addDays(30))
        to = m_data.today.addDays(2);

    Launch::GanttChartPainter painter;
    painter.setStyle(chartStyle());
    painter.setContent(content);
    const double pt = layout.pt();
    const double width = layout.contentWidth() / pt;
    const double chartWidth = width - LabelWidth;
    const int rows = painter.rowCount();
    const double fullHeight = HeaderHeight + rows * RowHeight;

    // Page tiles: day ranges across, row ranges down.
    QList<std::pair<QDate, QDate>> columns;
    QList<std::pair<int, int>> rowBlocks;
    double scale = 1;
    if (m_timeline == Timeline::FittedToOnePage) {
        columns.append({from, to});
        rowBlocks.append({0, rows - 1});
        const double available = layout.remaining() / pt - 30;
        const double room = qMax(available, 0.6 * (layout.remaining() + 1) / pt);
        scale = qMin(1.0, room / fullHeight);
    } else {
        const qint64 perPage = qMax<qint64>(7, qint64(chartWidth / MinimumDayWidth));
        for (QDate start = from; start <= to; start = start.addDays(perPage))
            columns.append({start, qMin(to, start.addDays(perPage - 1))});
        // The first block fills what is left of this page (unless that is only a few rows);
        // later ones a whole page.
        const int later =
            qMax(1, int((layout.contentHeight() / pt - 24 - HeaderHeight) / RowHeight));
        int first = int((layout.remaining() / pt - 24 - HeaderHeight) / RowHeight);
        if (first < qMin(6, rows))
            first = later;
        int row = 0;
        int block = first;
        while (row < rows) {
            rowBlocks.append({row, qMin(rows - 1, row + block - 1)});
            row += block;
            block = later;
        }
    }
    if (columns.size() * rowBlocks.size() > 1)
        layout.note(tr("The chart spans %n page(s): dates run across, rows down.", nullptr,
                       int(columns.size() * rowBlocks.size())));
    for (const auto &[firstRow, lastRow] : rowBlocks) {
        for (const auto &[start, end] : columns) {
            const double height = (HeaderHeight + (lastRow - firstRow + 1) * RowHeight) * scale;
            const QDate rangeStart = start;
            const QDate rangeEnd = end;
            const int top = firstRow;
            const int bottom = lastRow;
            layout.drawing(height + 2, [&, rangeStart, rangeEnd, top, bottom](QPainter *p,
                                                                              const QRectF &area) {
                p->translate(area.topLeft());
                p->scale(pt * scale, pt * scale);
                const double w = width / scale;
                const double h = (HeaderHeight + (bottom - top + 1) * RowHeight);
                p->fillRect(QRectF(0, 0, LabelWidth, HeaderHeight), PdfStyle::stripe);
                painter.paintRowLabels(*p, QRectF(0, HeaderHeight, LabelWidth, h - HeaderHeight),
                                       top, bottom);
                painter.paintRange(*p, QRectF(LabelWidth, 0, w - LabelWidth, h), rangeStart,
                                   rangeEnd, top, bottom);
                p->setPen(QPen(PdfStyle::rule, 0.6));
                p->setBrush(Qt::NoBrush);
                p->drawRect(QRectF(0, 0, w, h));
            });
        }
    }
    layout.note(tr("Bars: tasks with their progress; diamonds: milestones (critical ones "
                   "emphasised); arrows: dependencies (those broken in red); vertical line: "
                   "today, %1.")
                    .arg(m_data.today.toString(Qt::ISODate)));
}

void LaunchPlanPdf::assessment(PdfLayout &layout) const
{
    const Launch::Assessment &assessment = m_data.assessment;
    layout.heading(tr("Findings"));
    PdfTable findings;
    findings.columns = {{tr("Severity"), Qt::AlignLeft}, {tr("Finding"), Qt::AlignLeft}};
    findings.emptyText = tr("The coordinator found nothing to change in this plan.");
    for (const Launch::Finding &finding : assessment.findings)
        findings.rows.append({severityLabel(finding.severity), finding.message});
    layout.table(findings);

    layout.heading(tr("Recommendations"));
    if (assessment.recommendations.isEmpty()) {
        layout.emptyState(tr("No recommendations: the plan is on track."));
    } else {
        for (qsizetype i = 0; i < assessment.recommendations.size(); ++i)
            layout.paragraph(
                QStringLiteral("%1.  %2").arg(i + 1).arg(assessment.recommendations.at(i).text));
    }

    layout.heading(tr("Success metrics"));
    PdfTable metrics;
    metrics.columns = {{tr("Metric"), Qt::AlignLeft},
                       {tr("Target"), Qt::AlignRight},
                       {tr("Measured after"), Qt::AlignRight},
                       {tr("Current"), Qt::AlignRight}};
    metrics.emptyText = tr("No success metrics are set for this launch.");
    for (const Launch::SuccessMetric &metric : assessment.metrics) {
        const auto withUnit = [&metric](double value) -> QString {
            return metric.unit == QLatin1String("%")
                       ? QString(number(value) + QLatin1Char('%'))
                       : number(value) + QLatin1Char(' ') + metric.unit;
        };
        metrics.rows.append({metric.name, withUnit(metric.target),
                             tr("%n day(s)", nullptr, metric.dayOffset),
                             metric.current ? withUnit(*metric.current) : tr("not yet live")});
    }
    layout.table(metrics);
}
