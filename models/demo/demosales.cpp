#include "democontext.h"

#include <cmath>

namespace DemoSteps {

void salesOpportunities(DemoContext &context)
{
    DemoRandom &random = context.random;
    DemoRows rows(
        context.db,
        QStringLiteral("INSERT INTO sales_opportunities (source_id, external_id, "
                       "company_id, name, stage, is_closed, is_won, deal_size, currency, "
                       "close_date, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const qint64 salesforce = context.sourceIds.value(QStringLiteral("salesforce"));
    static const char *const openStages[] = {"Prospecting", "Qualification", "Proposal",
                                             "Negotiation"};
    static const char *const kinds[] = {"New business", "Expansion", "Renewal", "Upsell"};
    static const char *const tiers[] = {"Team", "Business", "Enterprise"};
    qint64 n = 0;
    for (int c = 0; c < context.companyIds.size(); ++c) {
        // The largest customers (first in rank) carry more and bigger deals.
        const bool large = c < context.companyIds.size() / 10;
        const int deals = int(random.between(0, 2)) + (large ? int(random.between(1, 3)) : 0);
        const QString domain = context.companyDomains.at(c);
        const QString currency =
            domain.endsWith(QLatin1String(".de")) || domain.endsWith(QLatin1String(".fr"))
                ? QStringLiteral("EUR")
            : random.chance(0.06) ? QStringLiteral("GBP")
                                  : QStringLiteral("USD");
        for (int d = 0; d < deals; ++d, ++n) {
            const double stageRoll = random.uniform();
            const bool closed = stageRoll < 0.5;
            const bool won = stageRoll < 0.3;
            const QString stage = won      ? QStringLiteral("Closed Won")
                                  : closed ? QStringLiteral("Closed Lost")
                                           : QString::fromLatin1(openStages[random.between(0, 3)]);
            const double size =
                std::round(random.logNormal(large ? 60000 : 15000, 0.9) / 100) * 100;
            const QDate closeDate = closed ? context.daysAgo(random.between(1, 365))
                                           : context.today.addDays(random.between(5, 150));
            const QString name = context.companyNames.at(c) + QStringLiteral(" – ") +
                                 QString::fromLatin1(tiers[random.between(0, 2)]) +
                                 QLatin1Char(' ') +
                                 QString::fromLatin1(kinds[random.between(0, 3)]);
            rows.append({salesforce, DemoIds::salesforce("006", n + 1), context.companyIds.at(c),
                         name, stage, closed ? 1 : 0, won ? 1 : 0, size, currency,
                         closeDate.toString(Qt::ISODate),
                         context.randomTimestamp(
                             qMin(context.today, closeDate.addDays(-random.between(0, 30))))});
        }
    }
}

// Reports convert the demo's euros and pounds into dollars.
void currencyRates(DemoContext &context)
{
    DemoRows base(context.db, QStringLiteral("INSERT INTO workspace_meta (key, value) VALUES "
                                             "('base_currency', ?) ON CONFLICT (key) DO UPDATE "
                                             "SET value = excluded.value"));
    base.append({QStringLiteral("USD")});
    DemoRows rates(context.db, QStringLiteral("INSERT INTO currency_rates (currency, rate, "
                                              "updated_at) VALUES (?, ?, ?)"));
    const QString set = context.timestamp(context.today, 6 * 3600);
    rates.append({QStringLiteral("EUR"), 1.08, set});
    rates.append({QStringLiteral("GBP"), 1.27, set});
}

void campaigns(DemoContext &context)
{
    DemoRandom &random = context.random;
    DemoRows rows(
        context.db,
        QStringLiteral("INSERT INTO campaigns (source_id, external_id, name, type, status, "
                       "start_date, end_date, product_launch, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const qint64 hubspot = context.sourceIds.value(QStringLiteral("hubspot-marketing"));
    const qint64 mailchimp = context.sourceIds.value(QStringLiteral("mailchimp"));
    const auto day = [](const QDate &date) {
        return date.toString(Qt::ISODate);
    };

    struct LaunchCampaign
    {
        const char *name;
        const char *type;
        bool email;
        int startOffset; // days from launch
        int endOffset;
    };
    static const LaunchCampaign launchCampaigns[] = {
        {"%1 teaser email", "email", true, -10, -9},
        {"%1 announcement email", "email", true, 0, 1},
        {"%1 launch webinar", "webinar", false, 3, 3},
        {"%1 blog announcement", "content", false, 0, 14},
        {"%1 pricing page update", "web", false, -2, 30},
        {"%1 paid social", "paid social", false, -3, 21},
    };
    qint64 n = 0;
    for (const auto &[product, launch, upcoming] :
         {std::tuple{DemoContext::UpcomingProduct, context.upcomingLaunch(), true},
          std::tuple{DemoContext::PastProduct, context.pastLaunch(), false}}) {
        for (const LaunchCampaign &campaign : launchCampaigns) {
            const QDate start = launch.addDays(campaign.startOffset);
            const QDate end = launch.addDays(campaign.endOffset);
            QString status;
            if (end < context.today)
                status = QStringLiteral("completed");
            else if (start <= context.today)
                status = QStringLiteral("active");
            else
                status = upcoming && campaign.startOffset >= -2 && !campaign.email
                             ? QStringLiteral("draft") // still in draft inside launch week
                             : QStringLiteral("scheduled");
            const QString name = QString::fromLatin1(campaign.name).arg(product);
            rows.append({campaign.email ? mailchimp : hubspot,
                         campaign.email ? QString::number(random.next() % 0xffffffffffULL, 16)
                                        : QString::number(20000000 + ++n),
                         name, QString::fromLatin1(campaign.type), status, day(start), day(end),
                         product, context.randomTimestamp(context.daysAgo(random.between(0, 10)))});
        }
    }
    // The monthly newsletter, unrelated to any launch.
    for (int month = 11; month >= 0; --month) {
        const QDate sent = context.today.addMonths(-month).addDays(-context.today.day() + 3);
        rows.append(
            {mailchimp, QString::number(random.next() % 0xffffffffffULL, 16),
             QObject::tr("Product newsletter %1").arg(sent.toString(QStringLiteral("MMMM yyyy"))),
             QStringLiteral("email"),
             sent <= context.today ? QStringLiteral("completed") : QStringLiteral("scheduled"),
             day(sent), day(sent), QVariant(), context.randomTimestamp(qMin(sent, context.today))});
    }
}

} // namespace DemoSteps
