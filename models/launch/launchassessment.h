#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What the launch coordinator says about a plan: problems found, what to do about them, the
// targets the launch is measured against and whether it can go ahead.
namespace Launch {

enum class Severity { Info, Warning, Blocker };

struct Finding
{
    // Stable rule name (see docs/launch-planning.md), for filters and tests.
    QString rule;
    Severity severity = Severity::Warning;
    // For people; translated.
    QString message;
    // The plan item, feature or campaign it is about, when there is one.
    int itemId = 0;
    qint64 featureId = 0;
    QString campaign;
};

struct Recommendation
{
    QString text;
    // Index into Assessment::findings.
    int finding = -1;
};

struct SuccessMetric
{
    QString name;
    qint64 featureId = 0;
    // "%", "NPS" or a currency code.
    QString unit;
    double target = 0;
    // Once the launch is live.
    std::optional<double> current;
    // Days after the launch at which the target applies.
    int dayOffset = 0;
};

enum class Readiness { Ready, AtRisk, Blocked };

struct Assessment
{
    QList<Finding> findings;
    QList<Recommendation> recommendations;
    QList<SuccessMetric> metrics;
    Readiness readiness = Readiness::Ready;
    QStringList reasons;
};

// Stable names, for JSON and the command line.
QString severityName(Severity severity);
QString readinessName(Readiness readiness);
// For people; translated.
QString readinessLabel(Readiness readiness);

} // namespace Launch
