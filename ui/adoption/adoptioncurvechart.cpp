#include "adoptioncurvechart.h"

#include "chartstyle.h"

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QStackedLayout>
#include <QToolTip>
#include <QValueAxis>

AdoptionCurveChart::AdoptionCurveChart(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_empty(new QLabel(this))
    , m_stack(new QStackedLayout(this))
{
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(300);
    m_view->setAccessibleName(tr("Adoption curves chart"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setMinimumHeight(300);
    m_stack->setContentsMargins(0, 0, 0, 0);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    setEmptyText(tr("Choose one or more features to see how their adoption grew."));
    rebuild();
}

void AdoptionCurveChart::setEmptyText(const QString &text)
{
    m_empty->setText(text);
}

void AdoptionCurveChart::setCurves(const QList<Curve> &curves, bool weekly, const QDate &today)
{
    m_weekly = weekly;
    m_today = today;
    m_plotted.clear();
    const int period = 0;
    const int users = curves.isEmpty() ? 0 : curves.first().table.column(QStringLiteral("users"));
    Q_UNUSED(period)
    Q_UNUSED(users)
    for (const Curve &curve : curves) {
        Plotted plotted;
        plotted.curve = curve;
        const ReportTable &t = curve.table;
        for (int r = 0; r < t.rows.size(); ++r) {
            Point p;
            p.period =
                QDate::fromString(t.value(r, QStringLiteral("period")).toString(), Qt::ISODate);
            // Rates are cumulative, so each belongs at the end of its period.
            p.end = weekly ? std::min(p.period.addDays(6), today) : p.period;
            p.users = t.value(r, QStringLiteral("users")).toLongLong();
            p.productUsers = t.value(r, QStringLiteral("product_users")).toLongLong();
            p.rate = t.value(r, QStringLiteral("adoption_rate")).toDouble();
            plotted.points.append(p);
        }
        plotted.start = curve.release.isValid()
                            ? curve.release
                            : (plotted.points.isEmpty() ? QDate() : plotted.points.first().period);
        m_plotted.append(plotted);
    }
    rebuild();
}

void AdoptionCurveChart::setXAxis(XAxis axis)
{
    if (axis == m_axis)
        return;
    m_axis = axis;
    rebuild();
}

QLineSeries *AdoptionCurveChart::completeSeries(qint64 featureId) const
{
    for (const Plotted &p : m_plotted) {
        if (p.curve.featureId == featureId)
            return p.complete;
    }
    return nullptr;
}

QLineSeries *AdoptionCurveChart::incompleteSeries(qint64 featureId) const
{
    for (const Plotted &p : m_plotted) {
        if (p.curve.featureId == featureId)
            return p.incomplete;
    }
    return nullptr;
}

qreal AdoptionCurveChart::xOf(const Plotted &plotted, const QDate &day) const
{
    if (m_axis == XAxis::DaysSinceRelease)
        return qreal(plotted.start.daysTo(day));
    return qreal(day.startOfDay(Qt::UTC).toMSecsSinceEpoch());
}

const AdoptionCurveChart::Point *AdoptionCurveChart::pointNear(const Plotted &plotted,
                                                               const QPointF &value) const
{
    const Point *best = nullptr;
    qreal distance = 0;
    for (const Point &p : plotted.points) {
        const qreal d = qAbs(xOf(plotted, p.end) - value.x());
        if (!best || d < distance) {
            best = &p;
            distance = d;
        }
    }
    return best;
}

QString AdoptionCurveChart::tooltip(const Plotted &plotted, const Point &point) const
{
    const QLocale locale;
    const QString period =
        m_weekly ? tr("Week of %1").arg(locale.toString(point.period, QLocale::ShortFormat))
                 : locale.toString(point.period, QLocale::ShortFormat);
    const bool incomplete = &point == &plotted.points.last() && plotted.incomplete;
    return tr("<b>%1</b><br>%2 · day %3 since release%4<br>Adoption %5%<br>%6 of %7 product "
              "users")
        .arg(plotted.curve.feature.toHtmlEscaped(), period)
        .arg(plotted.start.daysTo(point.end))
        .arg(incomplete ? tr(" · still running") : QString())
        .arg(locale.toString(point.rate, 'f', 2))
        .arg(locale.toString(point.users), locale.toString(point.productUsers));
}

void AdoptionCurveChart::rebuild()
{
    m_chart->removeAllSeries();
    const auto axes = m_chart->axes();
    for (QAbstractAxis *axis : axes) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    ChartStyle::apply(m_chart, this);
    m_chart->setTitle(m_weekly ? tr("Adoption since release, per week")
                               : tr("Adoption since release, per day"));
    bool any = false;
    for (const Plotted &p : std::as_const(m_plotted))
        any = any || !p.points.isEmpty();
    m_stack->setCurrentWidget(any ? static_cast<QWidget *>(m_view) : m_empty);
    if (!any) {
        for (Plotted &p : m_plotted)
            p.complete = p.incomplete = nullptr;
        return;
    }

    auto *y = new QValueAxis;
    y->setTitleText(tr("Adoption (% of product users)"));
    y->setRange(0, 100);
    y->setLabelFormat(QStringLiteral("%d%"));
    y->setTickCount(6);
    QAbstractAxis *x = nullptr;
    qreal minX = 0;
    qreal maxX = 0;
    bool first = true;
    for (const Plotted &p : std::as_const(m_plotted)) {
        if (p.points.isEmpty())
            continue;
        const qreal lo = std::min(xOf(p, p.start), xOf(p, p.points.first().end));
        const qreal hi = xOf(p, p.points.last().end);
        minX = first ? lo : std::min(minX, lo);
        maxX = first ? hi : std::max(maxX, hi);
        first = false;
    }
    if (m_axis == XAxis::DaysSinceRelease) {
        auto *axis = new QValueAxis;
        axis->setTitleText(tr("Days since release"));
        axis->setLabelFormat(QStringLiteral("%d"));
        axis->setRange(minX, std::max(maxX, minX + 1));
        axis->applyNiceNumbers();
        x = axis;
    } else {
        auto *axis = new QDateTimeAxis;
        axis->setTitleText(tr("Date (UTC)"));
        axis->setFormat(QLocale().dateFormat(QLocale::ShortFormat));
        axis->setRange(
            QDateTime::fromMSecsSinceEpoch(qint64(minX), Qt::UTC),
            QDateTime::fromMSecsSinceEpoch(qint64(std::max(maxX, minX + 86'400'000.0)), Qt::UTC));
        axis->setTickCount(6);
        x = axis;
    }
    ChartStyle::applyAxis(x, this);
    ChartStyle::applyAxis(y, this);
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);

    const auto attach = [&](QLineSeries *series) {
        m_chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    };
    // Release markers: one vertical line per distinct release position.
    QList<qreal> releases;
    for (const Plotted &p : std::as_const(m_plotted)) {
        if (!p.points.isEmpty() && p.curve.release.isValid() && !releases.contains(xOf(p, p.start)))
            releases.append(xOf(p, p.start));
    }
    QColor releaseColor = palette().color(QPalette::Text);
    releaseColor.setAlpha(140);
    for (int i = 0; i < releases.size(); ++i) {
        auto *line = new QLineSeries;
        line->setName(tr("Release"));
        line->append(releases.at(i), 0);
        line->append(releases.at(i), 100);
        line->setPen(QPen(releaseColor, 1.5, Qt::DotLine));
        attach(line);
        if (i > 0)
            m_chart->legend()->markers(line).first()->setVisible(false);
    }

    for (int i = 0; i < m_plotted.size(); ++i) {
        Plotted &p = m_plotted[i];
        p.complete = p.incomplete = nullptr;
        if (p.points.isEmpty())
            continue;
        const QColor color = ChartStyle::seriesColor(i);
        const bool lastIncomplete = !(m_weekly && m_today.dayOfWeek() == 7);
        const qsizetype completeCount = p.points.size() - (lastIncomplete ? 1 : 0);
        p.complete = new QLineSeries;
        p.complete->setName(p.curve.feature);
        p.complete->setPen(QPen(color, 2.5));
        p.complete->setPointsVisible(p.points.size() < 60);
        for (qsizetype k = 0; k < completeCount; ++k)
            p.complete->append(xOf(p, p.points.at(k).end), p.points.at(k).rate);
        attach(p.complete);
        if (lastIncomplete) {
            p.incomplete = new QLineSeries;
            p.incomplete->setName(tr("%1 (incomplete)").arg(p.curve.feature));
            QPen dashed(color, 2.5, Qt::DashLine);
            p.incomplete->setPen(dashed);
            p.incomplete->setPointsVisible(true);
            if (completeCount > 0) {
                const Point &before = p.points.at(completeCount - 1);
                p.incomplete->append(xOf(p, before.end), before.rate);
            }
            p.incomplete->append(xOf(p, p.points.last().end), p.points.last().rate);
            attach(p.incomplete);
            m_chart->legend()->markers(p.incomplete).first()->setVisible(false);
        }
        const qint64 featureId = p.curve.featureId;
        for (QLineSeries *series : {p.complete, p.incomplete}) {
            if (!series)
                continue;
            connect(series, &QLineSeries::hovered, this,
                    [this, featureId](const QPointF &value, bool state) {
                        if (!state) {
                            QToolTip::hideText();
                            return;
                        }
                        for (const Plotted &q : std::as_const(m_plotted)) {
                            if (q.curve.featureId != featureId)
                                continue;
                            if (const Point *point = pointNear(q, value))
                                QToolTip::showText(QCursor::pos(), tooltip(q, *point), m_view);
                        }
                    });
            connect(series, &QLineSeries::clicked, this, [this, featureId](const QPointF &value) {
                for (const Plotted &q : std::as_const(m_plotted)) {
                    if (q.curve.featureId != featureId)
                        continue;
                    if (const Point *point = pointNear(q, value))
                        Q_EMIT pointClicked(featureId, q.start, point->end);
                }
            });
        }
    }
    m_chart->legend()->setVisible(true);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
}
