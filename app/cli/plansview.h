#pragma once

#include "launch/launchassessment.h"
#include "launch/launchcontext.h"
#include "launch/launchplan.h"

#include <QByteArray>
#include <QString>

// How `plans show` prints a plan with its assessment: aligned text for a terminal, or JSON.
namespace PlansView {

QString text(const Launch::LaunchPlan &plan, const Launch::LaunchContext &context,
             const Launch::Assessment &assessment);
QByteArray json(const Launch::LaunchPlan &plan, const Launch::LaunchContext &context,
                const Launch::Assessment &assessment);

} // namespace PlansView
