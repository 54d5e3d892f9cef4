#pragma once

#include "command.h"

// product-hub plans: launch plans, their timeline and what the launch coordinator says
// about them; JSON review copies in and out.
class PlansCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("plans"); }
    QString summary() const override;
    QStringList usage() const override;
    int run(const QStringList &arguments, const CommandContext &context) override;

private:
    int list(const QStringList &arguments, const CommandContext &context);
    int create(const QStringList &arguments, const CommandContext &context);
    int show(const QStringList &arguments, const CommandContext &context);
    int exportPlan(const QStringList &arguments, const CommandContext &context);
    int importPlan(const QStringList &arguments, const CommandContext &context);
    int rebase(const QStringList &arguments, const CommandContext &context);
};
