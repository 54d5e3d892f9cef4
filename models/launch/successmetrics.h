#pragma once

#include "launchassessment.h"
#include "launchcontext.h"
#include "launchplan.h"

// The targets a launch is measured against: adoption of each feature 30 and 90 days after
// the launch, satisfaction, and pipeline from the companies that asked for the features.
namespace Launch::SuccessMetrics {

inline constexpr double Adoption30Target = 10.0; // percent of product users
inline constexpr double Adoption90Target = 25.0;
inline constexpr double NpsTarget = 30.0;
// Pipeline target: this much above the pipeline before the launch.
inline constexpr double PipelineGrowth = 1.25;

// Current values are filled in once the launch day has come.
QList<SuccessMetric> derive(const LaunchPlan &plan, const LaunchContext &context,
                            const QDate &today);

} // namespace Launch::SuccessMetrics
