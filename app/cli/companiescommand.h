#pragma once

#include "command.h"

// product-hub companies: the same customer across tools, and fixing wrong matches by hand.
class CompaniesCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("companies"); }
    QString summary() const override;
    QStringList usage() const override;
    int run(const QStringList &arguments, const CommandContext &context) override;

private:
    int list(const QStringList &arguments, const CommandContext &context);
    int show(const QStringList &arguments, const CommandContext &context);
    int split(const QStringList &arguments, const CommandContext &context);
    int merge(const QStringList &arguments, const CommandContext &context);
};
