#include "adoptionreportpdf.h"

#include "database.h"
#include "metrics/reports.h"
#include "pdfcharts.h"
#include "pdflayout.h"
#include "pdfstyle.h"

#include <QCoreApplication>
#include <QLocale>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("AdoptionReportPdf", text, disambiguation, n);
}

QLocale english()
{
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

// The rows of a table sorted by one column, largest first; nulls last.
QList<QVariantList> byLargest(const ReportTable &table, const QString &key)
{
    QList<QVariantList> rows = table.rows;
    const int column = table.column(key);
    if (column < 0)
        return rows;
    std::stable_sort(rows.begin(), rows.end(),
                     [column](const QVariantList &a, const QVariantList &b) {
                         if (a.value(column).isNull() != b.value(column).isNull())
                             return b.value(column).isNull();
                         return a.value(column).toDouble() > b.value(column).toDouble();
                     });
    return rows;
}

PdfTable::Column left(const QString &title)
{
    return {title, Qt::AlignLeft};
}

PdfTable::Column right(const QString &title)
{
    return {title, Qt::AlignRight};
}

QVariant cell(const ReportTable &table, const QVariantList &row, const QString &key)
{
    const int column = table.column(key);
    return column < 0 ? QVariant() : row.value(column);
}

} // namespace

std::optional<AdoptionReportData>
AdoptionReportData::load(Database &database, const QString &workspace, const ReportWindow &window,
                         const QDate &today, QString *error, int curveCount)
{
    AdoptionReportData data;
    data.workspace = workspace;
    data.window = window;
    data.today = today;

    // The reports read the same workspace independently and take seconds each on a large
    // one, so they run side by side, each on its thread's own read connection.
    struct Part
    {
        Reports::Kind kind;
        ReportTable *table;
        QString error;
    };
    QList<Part> parts = {{Reports::Kind::Adoption, &data.adoption, {}},
                         {Reports::Kind::AdoptionRoi, &data.roi, {}},
                         {Reports::Kind::Satisfaction, &data.satisfaction, {}},
                         {Reports::Kind::Velocity, &data.velocity, {}},
                         {Reports::Kind::Validation, &data.validation, {}}};
    QtConcurrent::blockingMap(parts, [&database, &window, &today](Part &part) {
        std::optional<ReportTable> result =
            Reports::run(part.kind, database.connection(), window, today, &part.error);
        if (result)
            *part.table = std::move(*result);
        else if (part.error.isEmpty())
            part.error = tr("the report could not be computed");
    });
    for (const Part &part : std::as_const(parts)) {
        if (!part.error.isEmpty()) {
            *error = part.error;
            return std::nullopt;
        }
    }

    struct Curve
    {
        qint64 featureId;
        QString name;
        std::optional<ReportTable> table;
        QString error;
    };
    QList<Curve> curves;
    for (const QVariantList &row : byLargest(data.adoption, QStringLiteral("active_users"))) {
        if (curves.size() >= curveCount ||
            cell(data.adoption, row, QStringLiteral("active_users")).toLongLong() <= 0)
            break;
        curves.append({cell(data.adoption, row, QStringLiteral("feature_id")).toLongLong(),
                       cell(data.adoption, row, QStringLiteral("feature")).toString(),
                       std::nullopt,
                       {}});
    }
    QtConcurrent::blockingMap(curves, [&database, &today](Curve &curve) {
        curve.table = Reports::adoptionCurve(database.connection(), curve.featureId, true, today,
                                             &curve.error);
    });
    for (const Curve &curve : std::as_const(curves)) {
        if (!curve.table) {
            *error = curve.error;
            return std::nullopt;
        }
        if (curve.table->rows.isEmpty())
            continue;
        data.curves.append(*curve.table);
        data.curveNames.append(curve.name);
    }
    return data;
}

AdoptionReportPdf::AdoptionReportPdf(AdoptionReportData data)
    : m_data(std::move(data))
{
}

QString AdoptionReportPdf::title() const
{
    return tr("Adoption report");
}

QString AdoptionReportPdf::integer(const QVariant &value)
{
    return value.isNull() ? QStringLiteral("–") : english().toString(value.toLongLong());
}

QString AdoptionReportPdf::percent(const QVariant &value)
{
    return value.isNull() ? QStringLiteral("–")
                          : english().toString(value.toDouble(), 'f', 1) + QLatin1Char('%');
}

QString AdoptionReportPdf::money(const QVariant &value)
{
    return value.isNull() ? QStringLiteral("–") : english().toString(value.toDouble(), 'f', 0);
}

void AdoptionReportPdf::layOut(PdfLayout &layout) const
{
    PdfTitlePage page;
    page.kind = title();
    page.title = m_data.workspace;
    page.subtitle = m_data.window.label();
    page.facts = {
        {tr("Workspace"), m_data.workspace},
        {tr("Window"), m_data.window.label()},
        {tr("Features released in the window"), integer(m_data.roi.rows.size())},
        {tr("Exported"), exportedAt().toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) +
                             QStringLiteral(" UTC")}};
    layout.titlePage(page);
    summary(layout);
    curves(layout);
    adoptionTable(layout);
    roi(layout);
    satisfaction(layout);
    velocity(layout);
    validation(layout);
}

void AdoptionReportPdf::notes(PdfLayout &layout, const ReportTable &table) const
{
    for (const QString &note : table.notes)
        layout.note(note);
}

void AdoptionReportPdf::summary(PdfLayout &layout) const
{
    layout.heading(tr("At a glance"));
    QList<PdfKeyFigure> figures;
    const QList<QVariantList> adoption =
        byLargest(m_data.adoption, QStringLiteral("adoption_rate"));
    figures.append({integer(m_data.adoption.rows.size()), tr("Features with usage data"), {}});
    if (!adoption.isEmpty()) {
        figures.append(
            {percent(cell(m_data.adoption, adoption.first(), QStringLiteral("adoption_rate"))),
             tr("Highest adoption"),
             cell(m_data.adoption, adoption.first(), QStringLiteral("feature")).toString()});
    }
    double revenue = 0;
    for (const QVariantList &row : m_data.roi.rows)
        revenue += cell(m_data.roi, row, QStringLiteral("revenue")).toDouble();
    figures.append({money(revenue), tr("Revenue of companies using new features"),
                    tr("%n feature(s) released", nullptr, int(m_data.roi.rows.size()))});
    if (!m_data.satisfaction.rows.isEmpty()) {
        const QVariantList &overall = m_data.satisfaction.rows.first();
        figures.append(
            {m_data.satisfaction.value(0, QStringLiteral("nps")).isNull()
                 ? QStringLiteral("–")
                 : english().toString(
                       cell(m_data.satisfaction, overall, QStringLiteral("nps")).toDouble(), 'f',
                       1),
             tr("Net promoter score"),
             tr("%1 responses")
                 .arg(integer(
                     cell(m_data.satisfaction, overall, QStringLiteral("nps_responses"))))});
        figures.append({percent(cell(m_data.satisfaction, overall, QStringLiteral("csat"))),
                        tr("Customer satisfaction (CSAT)"),
                        tr("%1 responses")
                            .arg(integer(cell(m_data.satisfaction, overall,
                                              QStringLiteral("csat_responses"))))});
    }
    qint64 resolved = 0;
    for (const QVariantList &row : m_data.velocity.rows) {
        if (cell(m_data.velocity, row, QStringLiteral("period")).toString() ==
            m_data.window.label())
            resolved += cell(m_data.velocity, row, QStringLiteral("resolved")).toLongLong();
    }
    figures.append({integer(resolved), tr("Work items resolved"), {}});
    qint64 feedback = 0;
    for (const QVariantList &row : m_data.validation.rows)
        feedback += cell(m_data.validation, row, QStringLiteral("feedback")).toLongLong();
    figures.append({integer(feedback), tr("Feedback items linked to features"), {}});
    layout.keyFigures(figures);
}

void AdoptionReportPdf::curves(PdfLayout &layout) const
{
    layout.heading(tr("Adoption curves"));
    if (m_data.curves.isEmpty()) {
        layout.emptyState(tr("No feature was used in this window, so there are no adoption "
                             "curves to show."));
        return;
    }
    layout.paragraph(tr("Share of product users who have used each feature, week by week since "
                        "its release, for the %n most used feature(s) of the window.",
                        nullptr, int(m_data.curves.size())));
    PdfCharts::LineChart chart;
    chart.xTitle = tr("Weeks since release");
    chart.yTitle = tr("Adoption (% of product users)");
    chart.yMinimumTop = 10;
    chart.yLabel = [](double value) -> QString {
        return QString::number(value, 'f', 0) + QLatin1Char('%');
    };
    for (qsizetype i = 0; i < m_data.curves.size(); ++i) {
        const ReportTable &curve = m_data.curves.at(i);
        PdfCharts::Series series;
        series.name = m_data.curveNames.value(i);
        const int rate = curve.column(QStringLiteral("adoption_rate"));
        for (qsizetype r = 0; r < curve.rows.size(); ++r)
            series.points.append(QPointF(double(r), curve.rows.at(r).value(rate).toDouble()));
        chart.series.append(series);
    }
    layout.drawing(250, [&](QPainter *painter, const QRectF &area) {
        PdfCharts::paint(painter, area, layout.pt(), chart);
    });
}

void AdoptionReportPdf::adoptionTable(PdfLayout &layout) const
{
    layout.heading(tr("Feature adoption"));
    PdfTable table;
    table.columns = {left(tr("Feature")), left(tr("Released")), right(tr("Active users")),
                     right(tr("Adoption")), right(tr("Power users"))};
    table.emptyText = tr("No feature usage in this window.");
    for (const QVariantList &row : byLargest(m_data.adoption, QStringLiteral("adoption_rate"))) {
        const auto value = [&](const char *key) {
            return cell(m_data.adoption, row, QString::fromLatin1(key));
        };
        table.rows.append({value("feature").toString(), value("release_date").toString(),
                           integer(value("active_users")), percent(value("adoption_rate")),
                           integer(value("power_users"))});
    }
    layout.table(table);
    notes(layout, m_data.adoption);
}

void AdoptionReportPdf::roi(PdfLayout &layout) const
{
    layout.heading(tr("Return on feature adoption"));
    const int revenueColumn = m_data.roi.column(QStringLiteral("revenue"));
    const QString revenueTitle =
        revenueColumn >= 0 ? m_data.roi.columns.at(revenueColumn).title : tr("Revenue");
    if (m_data.roi.rows.isEmpty()) {
        layout.emptyState(tr("No feature was released in this window."));
        notes(layout, m_data.roi);
        return;
    }
    PdfCharts::BarChart chart;
    chart.valueTitle = revenueTitle;
    chart.valueLabel = [](double value) {
        return money(value);
    };
    const QList<QVariantList> rows = byLargest(m_data.roi, QStringLiteral("revenue"));
    for (const QVariantList &row : rows.mid(0, 12)) {
        chart.labels.append(cell(m_data.roi, row, QStringLiteral("feature")).toString());
        chart.values.append(cell(m_data.roi, row, QStringLiteral("revenue")).toDouble());
    }
    layout.paragraph(rows.size() > 12
                         ? tr("Revenue of the companies using each feature released in the "
                              "window; the 12 largest of %1.")
                               .arg(rows.size())
                         : tr("Revenue of the companies using each feature released in the "
                              "window."));
    layout.drawing(qMax(120.0, 28.0 + 20.0 * chart.values.size()),
                   [&](QPainter *painter, const QRectF &area) {
                       PdfCharts::paint(painter, area, layout.pt(), chart);
                   });
    PdfTable table;
    table.columns = {left(tr("Feature")),   left(tr("Released")),     right(tr("Active users")),
                     right(tr("Adoption")), right(tr("Power users")), right(tr("Companies")),
                     right(revenueTitle),   left(tr("By currency"))};
    for (const QVariantList &row : rows) {
        const auto value = [&](const char *key) {
            return cell(m_data.roi, row, QString::fromLatin1(key));
        };
        table.rows.append({value("feature").toString(), value("release_date").toString(),
                           integer(value("active_users")), percent(value("adoption_rate")),
                           integer(value("power_users")), integer(value("companies")),
                           money(value("revenue")), value("revenue_by_currency").toString()});
    }
    layout.table(table);
    notes(layout, m_data.roi);
}

void AdoptionReportPdf::satisfaction(PdfLayout &layout) const
{
    layout.heading(tr("Satisfaction"));
    PdfTable table;
    table.columns = {left(tr("Feature")), right(tr("NPS")), right(tr("NPS responses")),
                     right(tr("CSAT")), right(tr("CSAT responses"))};
    table.emptyText = tr("No NPS or CSAT responses about a feature in this window.");
    QList<QVariantList> features;
    for (const QVariantList &row : m_data.satisfaction.rows) {
        if (!cell(m_data.satisfaction, row, QStringLiteral("feature_id")).isNull())
            features.append(row);
    }
    ReportTable byFeature = m_data.satisfaction;
    byFeature.rows = features;
    for (const QVariantList &row : byLargest(byFeature, QStringLiteral("nps_responses"))) {
        const auto value = [&](const char *key) {
            return cell(m_data.satisfaction, row, QString::fromLatin1(key));
        };
        table.rows.append({value("label").toString(),
                           value("nps").isNull()
                               ? QStringLiteral("–")
                               : english().toString(value("nps").toDouble(), 'f', 1),
                           integer(value("nps_responses")), percent(value("csat")),
                           integer(value("csat_responses"))});
    }
    layout.table(table);
    notes(layout, m_data.satisfaction);
}

void AdoptionReportPdf::velocity(PdfLayout &layout) const
{
    layout.heading(tr("Development velocity"));
    PdfTable table;
    table.columns = {left(tr("Team or source")), right(tr("Resolved")), right(tr("Points")),
                     right(tr("Cycle time, median (days)")),
                     right(tr("Cycle time, 85th pct (days)"))};
    table.emptyText = tr("No work items were resolved in this window.");
    const auto number = [](const QVariant &value) {
        return value.isNull() ? QStringLiteral("–") : english().toString(value.toDouble(), 'f', 1);
    };
    for (const QVariantList &row : m_data.velocity.rows) {
        const auto value = [&](const char *key) {
            return cell(m_data.velocity, row, QString::fromLatin1(key));
        };
        if (value("period").toString() != m_data.window.label())
            continue;
        table.rows.append({value("team").toString(), integer(value("resolved")),
                           number(value("points")), number(value("cycle_median_days")),
                           number(value("cycle_p85_days"))});
    }
    layout.table(table);
    notes(layout, m_data.velocity);
}

void AdoptionReportPdf::validation(PdfLayout &layout) const
{
    layout.heading(tr("Market validation"));
    const int pipelineColumn = m_data.validation.column(QStringLiteral("open_pipeline"));
    PdfTable table;
    table.columns = {left(tr("Feature")),
                     right(tr("Feedback")),
                     right(tr("Votes")),
                     right(tr("Requesting companies")),
                     right(pipelineColumn >= 0 ? m_data.validation.columns.at(pipelineColumn).title
                                               : tr("Open pipeline")),
                     right(tr("PMF score"))};
    table.emptyText = tr("No feedback about a feature in this window.");
    const QList<QVariantList> rows = byLargest(m_data.validation, QStringLiteral("feedback"));
    for (const QVariantList &row : rows.mid(0, 15)) {
        const auto value = [&](const char *key) {
            return cell(m_data.validation, row, QString::fromLatin1(key));
        };
        table.rows.append({value("feature").toString(), integer(value("feedback")),
                           integer(value("votes")), integer(value("companies")),
                           money(value("open_pipeline")), percent(value("pmf_score"))});
    }
    if (rows.size() > 15)
        layout.paragraph(tr("The 15 features with the most feedback, of %1.").arg(rows.size()));
    layout.table(table);
    notes(layout, m_data.validation);
}
