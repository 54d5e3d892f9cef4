#include "featurecatalog.h"
#include "money.h"
#include "reports.h"
#include "rowcursor.h"

#include <QCoreApplication>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace Reports {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Reports", text);
}

struct Scores
{
    qint64 promoters = 0, detractors = 0, npsResponses = 0;
    qint64 satisfied = 0, csatResponses = 0;

    void add(const Scores &o)
    {
        promoters += o.promoters;
        detractors += o.detractors;
        npsResponses += o.npsResponses;
        satisfied += o.satisfied;
        csatResponses += o.csatResponses;
    }
    QVariant nps() const
    {
        return npsResponses
                   ? QVariant(100.0 * double(promoters - detractors) / double(npsResponses))
                   : QVariant();
    }
    QVariant csat() const
    {
        return csatResponses ? QVariant(100.0 * double(satisfied) / double(csatResponses))
                             : QVariant();
    }
};

// NPS: 9–10 promoters, 0–6 detractors. CSAT on a 5-point scale: 4–5 satisfied.
const QString ScoreSums = QStringLiteral(
    "sum(score_kind = 'nps' AND score >= 9), sum(score_kind = 'nps' AND score <= 6), "
    "sum(score_kind = 'nps'), sum(score_kind = 'csat' AND score >= 4), sum(score_kind = 'csat')");

Scores scoresAt(const RowCursor &row, int first)
{
    return {row.integer(first), row.integer(first + 1), row.integer(first + 2),
            row.integer(first + 3), row.integer(first + 4)};
}

} // namespace

std::optional<ReportTable> satisfaction(const QSqlDatabase &db, const ReportWindow &window,
                                        const QDate &today, QString *error)
{
    error->clear(); // failures below are told apart by a message
    const FeatureCatalog catalog = FeatureCatalog::load(db, error);
    if (!error->isEmpty())
        return std::nullopt;
    ReportTable table;
    table.title = tr("User satisfaction");
    table.columns = {
        {QStringLiteral("scope"), tr("Scope"), ReportColumn::Kind::Text},
        {QStringLiteral("label"), tr("Period or feature"), ReportColumn::Kind::Text},
        {QStringLiteral("nps"), tr("NPS"), ReportColumn::Kind::Number},
        {QStringLiteral("nps_responses"), tr("NPS responses"), ReportColumn::Kind::Integer},
        {QStringLiteral("csat"), tr("CSAT"), ReportColumn::Kind::Percent},
        {QStringLiteral("csat_responses"), tr("CSAT responses"), ReportColumn::Kind::Integer},
        {QStringLiteral("feature_id"), tr("Feature id"), ReportColumn::Kind::Integer}};
    const auto add = [&](const QString &scope, const QString &label, const Scores &s,
                         const QVariant &featureId) {
        table.rows.append(
            {scope, label, s.nps(), s.npsResponses, s.csat(), s.csatResponses, featureId});
    };
    // Weeks start on Monday; the week holding the window's end may be cut short.
    RowCursor weeks(db,
                    QStringLiteral("SELECT date(created_at, '-6 days', 'weekday 1') AS week, ") +
                        ScoreSums +
                        QStringLiteral(" FROM feedback WHERE score_kind IN ('nps', 'csat') "
                                       "AND created_at >= ? AND created_at < ? GROUP BY week "
                                       "ORDER BY week"));
    weeks.bind(0, window.fromText());
    weeks.bind(1, window.endText());
    if (!weeks.exec()) {
        *error = weeks.lastError();
        return std::nullopt;
    }
    Scores overall;
    QList<QPair<QString, Scores>> perWeek;
    while (weeks.next()) {
        const Scores s = scoresAt(weeks, 1);
        overall.add(s);
        perWeek.append({weeks.text(0), s});
    }
    if (!weeks.lastError().isEmpty()) {
        *error = weeks.lastError();
        return std::nullopt;
    }
    add(tr("window"), window.label(), overall, QVariant());
    const QDate lastWeek = window.to.addDays(1 - window.to.dayOfWeek());
    for (const auto &[week, s] : perWeek) {
        const bool cut = QDate::fromString(week, Qt::ISODate) == lastWeek &&
                         (window.to.dayOfWeek() != 7 || window.to >= today);
        add(tr("week"), cut ? week + tr(" (incomplete)") : week, s, QVariant());
    }

    RowCursor features(db, QStringLiteral("SELECT feature_id, ") + ScoreSums +
                               QStringLiteral(" FROM feedback WHERE feature_id IS NOT NULL AND "
                                              "score_kind IN ('nps', 'csat') AND created_at >= ? "
                                              "AND created_at < ? GROUP BY feature_id"));
    features.bind(0, window.fromText());
    features.bind(1, window.endText());
    if (!features.exec()) {
        *error = features.lastError();
        return std::nullopt;
    }
    QMap<qint64, Scores> perFeature;
    while (features.next())
        perFeature[catalog.canonical(features.integer(0))].add(scoresAt(features, 1));
    for (auto it = perFeature.constBegin(); it != perFeature.constEnd(); ++it) {
        if (const CatalogFeature *feature = catalog.find(it.key()))
            add(tr("feature"), feature->name, it.value(), feature->id);
    }
    table.notes.append(tr("NPS: promoters (9–10) minus detractors (0–6), as a share of "
                          "responses. CSAT: share of 4–5 on a 5-point scale."));
    return table;
}

std::optional<ReportTable> validation(const QSqlDatabase &db, const ReportWindow &window,
                                      const QDate &today, QString *error)
{
    error->clear(); // failures below are told apart by a message
    Q_UNUSED(today);
    const FeatureCatalog catalog = FeatureCatalog::load(db, error);
    if (!error->isEmpty())
        return std::nullopt;
    struct Evidence
    {
        qint64 feedback = 0, votes = 0, pmfResponses = 0, veryDisappointed = 0;
        QSet<qint64> companies;
    };
    QHash<qint64, Evidence> evidence;
    RowCursor rows(
        db, QStringLiteral("SELECT feature_id, company_id, count(*), "
                           "coalesce(sum(CASE WHEN score_kind = 'votes' THEN score END), 0), "
                           "sum(score_kind = 'pmf'), sum(score_kind = 'pmf' AND score = 1) "
                           "FROM feedback WHERE feature_id IS NOT NULL AND created_at >= ? AND "
                           "created_at < ? GROUP BY feature_id, company_id"));
    rows.bind(0, window.fromText());
    rows.bind(1, window.endText());
    if (!rows.exec()) {
        *error = rows.lastError();
        return std::nullopt;
    }
    while (rows.next()) {
        Evidence &e = evidence[catalog.canonical(rows.integer(0))];
        if (!rows.isNull(1))
            e.companies.insert(rows.integer(1));
        e.feedback += rows.integer(2);
        e.votes += qint64(rows.real(3));
        e.pmfResponses += rows.integer(4);
        e.veryDisappointed += rows.integer(5);
    }
    if (!rows.lastError().isEmpty()) {
        *error = rows.lastError();
        return std::nullopt;
    }
    QMultiHash<qint64, QPair<double, QString>> openDeals;
    RowCursor deals(db, QStringLiteral("SELECT company_id, deal_size, currency FROM "
                                       "sales_opportunities WHERE is_closed = 0 AND company_id IS "
                                       "NOT NULL AND deal_size IS NOT NULL"));
    if (!deals.exec()) {
        *error = deals.lastError();
        return std::nullopt;
    }
    while (deals.next())
        openDeals.insert(deals.integer(0), {deals.real(1), deals.text(2)});
    const CurrencyRates rates = CurrencyRates::load(db);

    ReportTable table;
    table.title = tr("Market validation");
    table.columns = {
        {QStringLiteral("feature_id"), tr("Id"), ReportColumn::Kind::Integer},
        {QStringLiteral("feature"), tr("Feature"), ReportColumn::Kind::Text},
        {QStringLiteral("feedback"), tr("Feedback"), ReportColumn::Kind::Integer},
        {QStringLiteral("votes"), tr("Votes"), ReportColumn::Kind::Integer},
        {QStringLiteral("companies"), tr("Requesting companies"), ReportColumn::Kind::Integer},
        {QStringLiteral("open_pipeline"),
         rates.base().isEmpty() ? tr("Open pipeline") : tr("Open pipeline (%1)").arg(rates.base()),
         ReportColumn::Kind::Money},
        {QStringLiteral("open_pipeline_by_currency"), tr("Open pipeline by currency"),
         ReportColumn::Kind::Text},
        {QStringLiteral("pmf_score"), tr("PMF score"), ReportColumn::Kind::Percent},
        {QStringLiteral("pmf_responses"), tr("PMF responses"), ReportColumn::Kind::Integer}};
    for (const CatalogFeature &feature : catalog.features()) {
        const Evidence e = evidence.value(feature.id);
        MoneyTotals pipeline;
        for (qint64 company : e.companies) {
            for (auto deal = openDeals.constFind(company);
                 deal != openDeals.constEnd() && deal.key() == company; ++deal)
                pipeline.add(deal->second, deal->first);
        }
        const std::optional<double> converted = rates.inBase(pipeline);
        table.rows.append(
            {feature.id, feature.name, e.feedback, e.votes, qint64(e.companies.size()),
             converted            ? QVariant(*converted)
             : pipeline.isEmpty() ? QVariant(0.0)
                                  : QVariant(),
             pipeline.text(),
             e.pmfResponses ? QVariant(100.0 * double(e.veryDisappointed) / double(e.pmfResponses))
                            : QVariant(),
             e.pmfResponses});
    }
    std::stable_sort(table.rows.begin(), table.rows.end(),
                     [](const QVariantList &a, const QVariantList &b) {
                         return a.at(2).toLongLong() > b.at(2).toLongLong();
                     });
    table.notes.append(tr("Window: %1. Feedback linked to each feature; votes summed; open "
                          "pipeline: open opportunities of the requesting companies; PMF score: "
                          "share of \"very disappointed\" answers.")
                           .arg(window.label()));
    return table;
}

} // namespace Reports
