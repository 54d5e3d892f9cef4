#pragma once

#include "command.h"

// product-hub db info|check: what a workspace holds, and whether it is sound.
class DbCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("db"); }
    QString summary() const override;
    QStringList usage() const override;
    int run(const QStringList &arguments, const CommandContext &context) override;

private:
    int info(const QStringList &arguments, const CommandContext &context);
    int check(const QStringList &arguments, const CommandContext &context);
};
