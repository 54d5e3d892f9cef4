#pragma once

#include "command.h"

// product-hub usage: which analytics events count as use of which feature.
class UsageCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("usage"); }
    QString summary() const override;
    QStringList usage() const override;
    int run(const QStringList &arguments, const CommandContext &context) override;

private:
    int add(const QStringList &arguments, const CommandContext &context);
    int list(const QStringList &arguments, const CommandContext &context);
    int remove(const QStringList &arguments, const CommandContext &context);
    int unmapped(const QStringList &arguments, const CommandContext &context);
};
