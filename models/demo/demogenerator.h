#pragma once

#include <QDate>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <optional>

struct DemoContext;

// Fills an empty workspace with a believable product team's data. Deterministic: the same
// seed, scale and reference date always give the same rows.
class DemoGenerator
{
public:
    enum class Scale { Small, Medium, Large };

    struct Options
    {
        Scale scale = Scale::Small;
        quint64 seed = 1;
        QDate today; // dates are laid out relative to this day; defaults to today in UTC
    };

    // Reports the step being generated and the overall percentage.
    using Progress = std::function<void(const QString &step, int percent)>;

    explicit DemoGenerator(const Options &options);

    static std::optional<Scale> parseScale(const QString &name);
    static QString scaleName(Scale scale);

    // Writes everything in one transaction of its own, so a failure leaves the workspace
    // as it was. Refuses a workspace that already holds sources.
    bool generate(QSqlDatabase &db, QString *error, const Progress &progress = {});

private:
    bool write(DemoContext &context, QString *error);

    Options m_options;
};
