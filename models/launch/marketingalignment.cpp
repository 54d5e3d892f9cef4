#include "marketingalignment.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Launch::MarketingAlignment {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Launch::MarketingAlignment", text);
}

QString dayText(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

QRegularExpression wordPattern(const QString &words)
{
    return QRegularExpression(QStringLiteral("\\b") + QRegularExpression::escape(words) +
                                  QStringLiteral("\\b"),
                              QRegularExpression::CaseInsensitiveOption);
}

bool namesWord(const QString &text, const QString &words)
{
    return !words.trimmed().isEmpty() && wordPattern(words).match(text).hasMatch();
}

QString featureName(const LaunchContext &context, qint64 id)
{
    const LaunchFeature *feature = context.feature(id);
    return feature ? feature->name : tr("Feature %1").arg(id);
}

class Checker
{
public:
    Checker(const LaunchPlan &plan, const LaunchContext &context, const QDate &today)
        : m_plan(plan)
        , m_context(context)
        , m_today(today)
        , m_weekStart(launchWeekStart(plan))
        , m_weekEnd(launchWeekEnd(plan))
    {
    }

    Result run()
    {
        messaging();
        for (const Campaign &campaign : m_context.campaigns)
            timing(campaign);
        namesOtherFeatures();
        channels();
        return m_result;
    }

private:
    void add(const char *rule, Severity severity, const QString &message,
             const QString &recommendation, qint64 featureId = 0, const QString &campaign = {})
    {
        m_result.findings.append(
            {QString::fromLatin1(rule), severity, message, 0, featureId, campaign});
        m_result.recommendations.append(recommendation);
    }

    bool launchWeekStarted() const { return m_today >= m_weekStart && m_today <= m_weekEnd; }

    void messaging()
    {
        for (qint64 id : m_plan.featureIds) {
            if (!m_context.messaging.value(id).isEmpty())
                continue;
            const QString name = featureName(m_context, id);
            add(FeatureWithoutMessaging,
                launchWeekStarted() ? Severity::Blocker : Severity::Warning,
                tr("%1 has no messaging or positioning.").arg(name),
                tr("Write the messaging, positioning and key benefits of %1 before launch week "
                   "starts on %2.")
                    .arg(name, dayText(m_weekStart)),
                id);
        }
    }

    // A campaign's features are the launch features its name mentions, or all of them.
    QDate releaseFor(const Campaign &campaign, QString *feature) const
    {
        QDate latest;
        QDate latestNamed;
        QString named;
        QString any;
        for (const LaunchFeature &f : m_context.features) {
            const QDate release = f.releaseDate.isValid() ? f.releaseDate : m_plan.launchDate;
            if (namesWord(campaign.name, f.name) &&
                (!latestNamed.isValid() || release > latestNamed)) {
                latestNamed = release;
                named = f.name;
            }
            if (!latest.isValid() || release > latest) {
                latest = release;
                any = f.name;
            }
        }
        *feature = latestNamed.isValid() ? named : any;
        return latestNamed.isValid() ? latestNamed : latest;
    }

    void timing(const Campaign &campaign)
    {
        QString feature;
        const QDate release = releaseFor(campaign, &feature);
        if (campaign.start.isValid() && release.isValid() && campaign.start < release) {
            add(CampaignBeforeRelease, Severity::Warning,
                tr("\"%1\" starts on %2, before %3 is released on %4.")
                    .arg(campaign.name, dayText(campaign.start), feature, dayText(release)),
                tr("Move the start of \"%1\" to %2 or later, or keep it to a teaser that does "
                   "not promise %3 before it ships.")
                    .arg(campaign.name, dayText(release), feature),
                0, campaign.name);
        }
        if (campaign.end.isValid() && campaign.end < m_weekStart) {
            add(CampaignEndsBeforeLaunchWeek, Severity::Warning,
                tr("\"%1\" ends on %2, before launch week starts on %3.")
                    .arg(campaign.name, dayText(campaign.end), dayText(m_weekStart)),
                tr("Extend \"%1\" into launch week (%2 to %3), or add a launch-week follow-up "
                   "to it.")
                    .arg(campaign.name, dayText(m_weekStart), dayText(m_weekEnd)),
                0, campaign.name);
        }
        const bool inLaunchWeek = campaign.start.isValid() && campaign.end.isValid() &&
                                  campaign.start <= m_weekEnd && campaign.end >= m_weekStart;
        if (inLaunchWeek &&
            campaign.status.compare(QLatin1String("draft"), Qt::CaseInsensitive) == 0)
            draft(campaign);
    }

    void draft(const Campaign &campaign)
    {
        const qint64 days = m_today.daysTo(m_weekStart);
        QString message;
        if (days == 1)
            message = tr("\"%1\" campaign is still in draft and launch week starts tomorrow.")
                          .arg(campaign.name);
        else if (days > 1)
            message = tr("\"%1\" campaign is still in draft and launch week starts in %2 days.")
                          .arg(campaign.name)
                          .arg(days);
        else if (m_today <= m_weekEnd)
            message = tr("\"%1\" campaign is still in draft and launch week has started.")
                          .arg(campaign.name);
        else
            message =
                tr("\"%1\" campaign was still in draft through launch week.").arg(campaign.name);
        add(CampaignDraftInLaunchWeek, launchWeekStarted() ? Severity::Blocker : Severity::Warning,
            message,
            tr("Finish \"%1\" and schedule it in %2 to start on %3.")
                .arg(campaign.name,
                     campaign.source.isEmpty() ? tr("its marketing tool") : campaign.source,
                     dayText(qMax(campaign.start, m_today))),
            0, campaign.name);
    }

    void namesOtherFeatures()
    {
        for (qint64 id : m_plan.featureIds) {
            const FeatureMessaging messaging = m_context.messaging.value(id);
            QString text = messaging.messaging + QLatin1Char('\n') + messaging.positioning +
                           QLatin1Char('\n') + messaging.keyBenefits.join(QLatin1Char('\n'));
            // Launch features and the product may contain other features' names ("Reports"
            // in "Advanced Reports"); take them out first.
            for (const LaunchFeature &launchFeature : m_context.features)
                text.replace(wordPattern(launchFeature.name), QStringLiteral(" "));
            text.replace(wordPattern(m_plan.product), QStringLiteral(" "));
            for (auto it = m_context.otherFeatures.constBegin();
                 it != m_context.otherFeatures.constEnd(); ++it) {
                if (it.value().size() < 3 || !namesWord(text, it.value()))
                    continue;
                const QString name = featureName(m_context, id);
                add(MessagingNamesOtherFeature, Severity::Warning,
                    tr("The messaging of %1 names %2, which is not in this launch.")
                        .arg(name, it.value()),
                    tr("Take %2 out of the messaging of %1, or add %2 to the launch.")
                        .arg(name, it.value()),
                    id);
            }
        }
    }

    void channels()
    {
        for (const QString &channel : m_plan.channels) {
            const bool covered =
                std::any_of(m_context.campaigns.cbegin(), m_context.campaigns.cend(),
                            [&](const Campaign &campaign) {
                                return campaign.type.compare(channel, Qt::CaseInsensitive) == 0 ||
                                       namesWord(campaign.type, channel) ||
                                       namesWord(campaign.name, channel);
                            });
            if (covered)
                continue;
            add(ChannelWithoutCampaign, Severity::Warning,
                tr("The %1 channel has no campaign for this launch.").arg(channel),
                tr("Plan a campaign for the %1 channel tagged with %2 before %3, or take %1 out "
                   "of the plan's channels.")
                    .arg(channel, m_plan.product, dayText(m_weekStart)));
        }
    }

    const LaunchPlan &m_plan;
    const LaunchContext &m_context;
    const QDate m_today;
    const QDate m_weekStart;
    const QDate m_weekEnd;
    Result m_result;
};

} // namespace

QDate launchWeekStart(const LaunchPlan &plan)
{
    return plan.launchDate.addDays(-7);
}

QDate launchWeekEnd(const LaunchPlan &plan)
{
    return plan.launchDate.addDays(7);
}

Result check(const LaunchPlan &plan, const LaunchContext &context, const QDate &today)
{
    return Checker(plan, context, today).run();
}

} // namespace Launch::MarketingAlignment
