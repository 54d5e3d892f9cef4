#pragma once

#include "command.h"

// product-hub demo generate: fills a new workspace with the demo data set.
class DemoCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("demo"); }
    QString summary() const override;
    QStringList usage() const override;
    int run(const QStringList &arguments, const CommandContext &context) override;

private:
    int generate(const QStringList &arguments, const CommandContext &context);
};
