#include "democontext.h"
#include "demoproducer.h"

#include <algorithm>
#include <cmath>

namespace DemoSteps {
namespace {

constexpr int HistoryDays = 365;

struct FeatureDay
{
    int feature;      // index into context.features
    int day;          // index into the history window
    int adopters;     // users who had adopted the feature by that day
    double weight;    // expected active users, before scaling to the target row count
    qint64 quota = 0; // active users to generate
};

struct Adopter
{
    int day;  // first day of use, as an index into the history window (may be negative)
    int user; // index into context.users
};

// The users who adopt a feature, ordered by the day they start using it. Adoption follows
// each user's sign-up and the feature's release, with an exponential delay: that gives
// every feature its own rising curve after release.
QVector<Adopter> adoptersOf(DemoContext &context, const DemoFeature &feature,
                            const QDate &windowStart)
{
    QVector<Adopter> adopters;
    for (int u = 0; u < context.users.size(); ++u) {
        if (!context.random.chance(feature.adopterShare))
            continue;
        const QDate from = qMax(feature.releaseDate, context.users.at(u).signedUp);
        const QDate first = from.addDays(qint64(context.random.exponential(feature.adoptionDelay)));
        if (first <= context.today)
            adopters.append({int(windowStart.daysTo(first)), u});
    }
    std::stable_sort(adopters.begin(), adopters.end(),
                     [](const Adopter &a, const Adopter &b) { return a.day < b.day; });
    return adopters;
}

// Rounds the scaled weights to whole quotas that add up to exactly target, never asking
// for more active users than there are adopters.
void assignQuotas(QVector<FeatureDay> &days, qint64 target)
{
    double totalWeight = 0;
    qint64 capacity = 0;
    for (const FeatureDay &d : std::as_const(days)) {
        totalWeight += d.weight;
        capacity += d.adopters;
    }
    if (totalWeight <= 0)
        return;
    target = qMin(target, capacity);
    const double scale = double(target) / totalWeight;
    qint64 assigned = 0;
    QVector<QPair<double, int>> remainders;
    remainders.reserve(days.size());
    for (int i = 0; i < days.size(); ++i) {
        const double exact = days[i].weight * scale;
        days[i].quota = qMin<qint64>(days[i].adopters, qint64(std::floor(exact)));
        assigned += days[i].quota;
        remainders.append({exact - std::floor(exact), i});
    }
    std::sort(remainders.begin(), remainders.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    while (assigned < target) {
        const qint64 before = assigned;
        for (const auto &[fraction, i] : std::as_const(remainders)) {
            if (assigned == target)
                break;
            if (days[i].quota < days[i].adopters) {
                ++days[i].quota;
                ++assigned;
            }
        }
        if (assigned == before)
            break;
    }
}

// The rows of one feature on one day. The users travel as one JSON array that SQLite
// unpacks itself: binding ten million rows value by value through QSqlQuery costs more than
// SQLite takes to store them.
struct UsageBatch
{
    qint64 featureId = 0;
    QString day;
    QString usersAndCounts; // user_id * UsageCountSpan + usage_count, for each user
    qint64 rows = 0;
};

constexpr int UsageCountSpan = 64; // above the largest usage count
constexpr int MaxUsageCount = 41;
static_assert(MaxUsageCount < UsageCountSpan);

// Appends n in decimal without the temporary string QByteArray::number would allocate.
void appendNumber(QByteArray &out, qint64 n)
{
    char digits[20];
    int i = 0;
    do {
        digits[i++] = char('0' + n % 10);
        n /= 10;
    } while (n > 0);
    while (i > 0)
        out.append(digits[--i]);
}

// Draws the usage rows, feature by feature and day by day, and hands them to sink.
void generateUsage(DemoContext &context, const DemoProducer<UsageBatch>::Sink &sink)
{
    DemoRandom &random = context.random;
    const QDate windowStart = context.today.addDays(-(HistoryDays - 1));
    QVector<QString> dayNames(HistoryDays);
    for (int d = 0; d < HistoryDays; ++d)
        dayNames[d] = windowStart.addDays(d).toString(Qt::ISODate);

    QVector<QVector<Adopter>> adopters(context.features.size());
    QVector<FeatureDay> featureDays;
    for (int f = 0; f < context.features.size(); ++f) {
        const DemoFeature &feature = context.features.at(f);
        if (!feature.releaseDate.isValid())
            continue;
        adopters[f] = adoptersOf(context, feature, windowStart);
        const int firstDay = qMax(0, int(windowStart.daysTo(feature.releaseDate)));
        int adopted = 0;
        for (int d = firstDay; d < HistoryDays; ++d) {
            while (adopted < adopters[f].size() && adopters[f].at(adopted).day <= d)
                ++adopted;
            const int weekday = windowStart.addDays(d).dayOfWeek();
            const double weekFactor = weekday > 5 ? 0.35 : 1.0;
            // The current day is not over yet: about half its usage has happened.
            const double dayFactor = d == HistoryDays - 1 ? 0.5 : 1.0;
            if (adopted > 0)
                featureDays.append(
                    {f, d, adopted, feature.engagement * weekFactor * dayFactor * adopted});
        }
    }
    assignQuotas(featureDays, context.size.usageRows);

    QVector<char> chosen(context.users.size(), 0);
    QVector<qint64> picks;
    QVector<qint64> userIds;
    QByteArray json;
    for (const FeatureDay &fd : std::as_const(featureDays)) {
        if (fd.quota == 0)
            continue;
        // Floyd's algorithm: quota distinct adopters out of the first fd.adopters, in O(quota).
        picks.clear();
        userIds.clear();
        for (qint64 j = fd.adopters - fd.quota; j < fd.adopters; ++j) {
            const qint64 t = random.between(0, j);
            const qint64 pick = chosen[t] ? j : t;
            chosen[pick] = 1;
            picks.append(pick);
            userIds.append(context.users.at(adopters[fd.feature].at(pick).user).id);
        }
        for (qint64 pick : std::as_const(picks))
            chosen[pick] = 0;
        std::sort(userIds.begin(), userIds.end());
        json.clear();
        json.append('[');
        for (qint64 userId : std::as_const(userIds)) {
            const int count = 1 + qMin(MaxUsageCount - 1, int(random.exponential(2.5)));
            if (json.size() > 1)
                json.append(',');
            appendNumber(json, userId * UsageCountSpan + count);
        }
        json.append(']');
        sink({context.features.at(fd.feature).id, dayNames.at(fd.day), QString::fromLatin1(json),
              fd.quota});
    }
}

} // namespace

void usage(DemoContext &context)
{
    DemoProducer<UsageBatch> producer(256, [&context](const DemoProducer<UsageBatch>::Sink &sink) {
        generateUsage(context, sink);
    });
    DemoRows rows(context.db,
                  QStringLiteral("INSERT OR ROLLBACK INTO feature_usage (feature_id, day, user_id, "
                                 "usage_count) "
                                 "SELECT ?, ?, value / %1, value % %1 FROM json_each(?)")
                      .arg(UsageCountSpan));
    qint64 written = 0;
    while (const std::optional<UsageBatch> batch = producer.next()) {
        rows.append({batch->featureId, batch->day, batch->usersAndCounts});
        written += batch->rows;
        if ((written & 0x3ffff) < batch->rows)
            context.report(double(written) / context.size.usageRows);
    }
}

} // namespace DemoSteps
