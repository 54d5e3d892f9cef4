#pragma once

#include "launchassessment.h"
#include "launchcontext.h"
#include "launchplan.h"

#include <QDate>

// Whether the marketing around a launch lines up with it: messaging for every feature,
// campaigns timed around the release and launch week, a campaign for every channel.
namespace Launch::MarketingAlignment {

// Rule names of the findings below.
inline constexpr char FeatureWithoutMessaging[] = "feature-without-messaging";
inline constexpr char CampaignBeforeRelease[] = "campaign-before-release";
inline constexpr char CampaignEndsBeforeLaunchWeek[] = "campaign-ends-before-launch-week";
inline constexpr char CampaignDraftInLaunchWeek[] = "campaign-draft-in-launch-week";
inline constexpr char MessagingNamesOtherFeature[] = "messaging-names-other-feature";
inline constexpr char ChannelWithoutCampaign[] = "channel-without-campaign";

// Launch week: seven days either side of the launch day.
QDate launchWeekStart(const LaunchPlan &plan);
QDate launchWeekEnd(const LaunchPlan &plan);

// Each finding with its recommendation (same index).
struct Result
{
    QList<Finding> findings;
    QStringList recommendations;
};

Result check(const LaunchPlan &plan, const LaunchContext &context, const QDate &today);

} // namespace Launch::MarketingAlignment
