#include "adoptionsummarycards.h"

#include "summarycard.h"

#include <QHBoxLayout>
#include <QLocale>

namespace {

QString signedNumber(double value)
{
    const QString text = QLocale().toString(std::abs(value), 'f', 1);
    return value > 0   ? QStringLiteral("+") + text
           : value < 0 ? QString(QChar(0x2212)) + text
                       : text;
}

} // namespace

AdoptionSummaryCards::AdoptionSummaryCards(QWidget *parent)
    : QWidget(parent)
    , m_nps(new SummaryCard(tr("NPS"), this))
    , m_csat(new SummaryCard(tr("CSAT"), this))
    , m_throughput(new SummaryCard(tr("Throughput"), this))
    , m_cycle(new SummaryCard(tr("Cycle time (median)"), this))
    , m_validation(new SummaryCard(tr("Market validation"), this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    for (SummaryCard *card : {m_nps, m_csat, m_throughput, m_cycle, m_validation}) {
        card->setMinimumWidth(160);
        layout->addWidget(card, 1);
    }
    const auto openTeam = [this] {
        if (!m_busiestTeam.isEmpty())
            Q_EMIT drillRequested(QStringLiteral("work-items"), m_busiestTeam, m_busiestTeam);
    };
    connect(m_throughput, &SummaryCard::activated, this, openTeam);
    connect(m_cycle, &SummaryCard::activated, this, openTeam);
    connect(m_validation, &SummaryCard::activated, this, [this] {
        if (m_mostAskedFeature)
            Q_EMIT drillRequested(QStringLiteral("feedback"), QString::number(m_mostAskedFeature),
                                  m_mostAskedName);
    });
}

void AdoptionSummaryCards::setLoading()
{
    for (SummaryCard *card : {m_nps, m_csat, m_throughput, m_cycle, m_validation})
        card->setValue(QStringLiteral("…"));
}

void AdoptionSummaryCards::setSatisfaction(const ReportTable &table)
{
    const QLocale locale;
    // The report's first row is the whole window, then the weeks, then the features.
    const int scope = table.column(QStringLiteral("scope"));
    QList<int> weeks;
    for (int r = 1; r < table.rows.size(); ++r) {
        if (table.rows.at(r).value(scope) == table.rows.value(1).value(scope) &&
            table.value(r, QStringLiteral("feature_id")).isNull())
            weeks.append(r);
    }
    const auto trend = [&](const QString &key, const QString &unit) {
        QList<int> answered;
        for (int r : std::as_const(weeks)) {
            if (!table.value(r, key).isNull())
                answered.append(r);
        }
        if (answered.size() < 2)
            return QString();
        const double first = table.value(answered.first(), key).toDouble();
        const double last = table.value(answered.last(), key).toDouble();
        return tr("%1%2 from the first week (%3) to the last (%4)")
            .arg(signedNumber(last - first), unit, locale.toString(first, 'f', 1),
                 locale.toString(last, 'f', 1));
    };
    if (table.rows.isEmpty() || table.value(0, QStringLiteral("nps")).isNull()) {
        m_nps->setValue(QStringLiteral("—"), tr("No NPS responses in this window"));
    } else {
        const QString responses =
            tr("%1 responses")
                .arg(locale.toString(table.value(0, QStringLiteral("nps_responses")).toLongLong()));
        const QString t = trend(QStringLiteral("nps"), QString());
        m_nps->setValue(locale.toString(table.value(0, QStringLiteral("nps")).toDouble(), 'f', 1),
                        t.isEmpty() ? responses : responses + QStringLiteral(" · ") + t);
    }
    if (table.rows.isEmpty() || table.value(0, QStringLiteral("csat")).isNull()) {
        m_csat->setValue(QStringLiteral("—"), tr("No CSAT responses in this window"));
    } else {
        const QString responses =
            tr("%1 responses")
                .arg(
                    locale.toString(table.value(0, QStringLiteral("csat_responses")).toLongLong()));
        const QString t = trend(QStringLiteral("csat"), tr(" pts"));
        m_csat->setValue(
            locale.toString(table.value(0, QStringLiteral("csat")).toDouble(), 'f', 1) +
                locale.percent(),
            t.isEmpty() ? responses : responses + QStringLiteral(" · ") + t);
    }
}

void AdoptionSummaryCards::setVelocity(const ReportTable &table, const ReportWindow &window)
{
    const QLocale locale;
    // Rows per team: the whole window first, then its weeks and sprints.
    qint64 resolved = 0;
    double points = 0;
    QList<QPair<qint64, int>> teams; // resolved, row
    const QString windowKind =
        table.rows.isEmpty() ? QString() : table.value(0, QStringLiteral("period_kind")).toString();
    for (int r = 0; r < table.rows.size(); ++r) {
        if (table.value(r, QStringLiteral("period_kind")).toString() != windowKind)
            continue;
        const qint64 n = table.value(r, QStringLiteral("resolved")).toLongLong();
        resolved += n;
        points += table.value(r, QStringLiteral("points")).toDouble();
        teams.append({n, r});
    }
    m_busiestTeam.clear();
    if (teams.isEmpty()) {
        m_throughput->setActivatable(false);
        m_cycle->setActivatable(false);
        m_throughput->setValue(locale.toString(0), tr("No work items resolved in this window"));
        m_cycle->setValue(QStringLiteral("—"), tr("No work items resolved in this window"));
        return;
    }
    const double perWeek = double(resolved) * 7.0 / double(std::max(1, window.days()));
    m_throughput->setValue(
        locale.toString(resolved),
        tr("items resolved · %1 a week · %2 points · %n team(s)", nullptr, int(teams.size()))
            .arg(locale.toString(perWeek, 'f', 1), locale.toString(points, 'f', 0)));
    std::sort(teams.begin(), teams.end(),
              [](const auto &a, const auto &b) { return a.first > b.first; });
    const int busiest = teams.first().second;
    m_busiestTeam = table.value(busiest, QStringLiteral("team")).toString();
    const QString hint = tr("Show the work items %1 resolved in this window").arg(m_busiestTeam);
    m_throughput->setActivatable(true, hint);
    m_cycle->setActivatable(true, hint);
    const QVariant median = table.value(busiest, QStringLiteral("cycle_median_days"));
    QStringList others;
    for (qsizetype i = 1; i < std::min<qsizetype>(teams.size(), 3); ++i) {
        const int r = teams.at(i).second;
        const QVariant m = table.value(r, QStringLiteral("cycle_median_days"));
        if (!m.isNull())
            others.append(tr("%1 %2 d").arg(table.value(r, QStringLiteral("team")).toString(),
                                            locale.toString(m.toDouble(), 'f', 1)));
    }
    const QVariant p85 = table.value(busiest, QStringLiteral("cycle_p85_days"));
    m_cycle->setValue(
        median.isNull() ? QStringLiteral("—")
                        : tr("%1 d").arg(locale.toString(median.toDouble(), 'f', 1)),
        tr("%1 · 85th pct %2 d")
                .arg(table.value(busiest, QStringLiteral("team")).toString(),
                     p85.isNull() ? QStringLiteral("—") : locale.toString(p85.toDouble(), 'f', 1)) +
            (others.isEmpty() ? QString()
                              : QStringLiteral(" · ") + others.join(QStringLiteral(" · "))));
}

void AdoptionSummaryCards::setValidation(const ReportTable &table)
{
    const QLocale locale;
    qint64 feedback = 0;
    qint64 votes = 0;
    for (int r = 0; r < table.rows.size(); ++r) {
        feedback += table.value(r, QStringLiteral("feedback")).toLongLong();
        votes += table.value(r, QStringLiteral("votes")).toLongLong();
    }
    m_mostAskedFeature = 0;
    if (table.rows.isEmpty() || feedback == 0) {
        m_validation->setActivatable(false);
        m_validation->setValue(locale.toString(0),
                               tr("No feedback linked to features in this window"));
        return;
    }
    // The report lists the feature with the most feedback first.
    m_mostAskedFeature = table.value(0, QStringLiteral("feature_id")).toLongLong();
    m_mostAskedName = table.value(0, QStringLiteral("feature")).toString();
    m_validation->setActivatable(true,
                                 tr("Show the feedback on %1 in this window").arg(m_mostAskedName));
    m_validation->setValue(
        locale.toString(feedback),
        tr("feedback items · %1 votes · most asked: %2 (%3 companies, open pipeline %4)")
            .arg(locale.toString(votes), table.value(0, QStringLiteral("feature")).toString(),
                 locale.toString(table.value(0, QStringLiteral("companies")).toLongLong()),
                 table.value(0, QStringLiteral("open_pipeline_by_currency")).toString()));
}
